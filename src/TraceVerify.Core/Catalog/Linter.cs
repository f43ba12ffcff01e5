using System.Collections.Immutable;
using System.Diagnostics;
using TraceVerify.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// `lint`: everything that can be said about an entry without evaluating it. The binder's parse and shape
// diagnostics, then index hygiene on the parse trees, each warning at the exact index it is about:
//   TV0301 a free index (or one an outer binder already binds) bound again by an inner sum/rows/matrix —
//          legal, the inner binder wins, but a reader cannot tell which one is meant (the notes' (26), (38), (43));
//   TV0302 an index used three or more times in one product — with explicit sums it is legal, in the
//          summation convention readers bring from physics it is an error, so a reader may misread it;
//   TV0206 sides with different free indices: `a[i] = b` cannot hold for every i unless both sides range
//          over the same indices.
// No numeric work is done: linting a catalog is as fast as parsing it.
internal static class Linter
{
    private sealed record ParsedText(string Source, SourceText SourceText, SyntaxNode Node);

    public static IReadOnlyList<Diagnostic> Lint(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var binding = EntryBinder.Bind(entry);
        if (binding.Diagnostics.Any(d => d.Code == DiagnosticCodes.DefinitionsTooLarge)) return binding.Diagnostics; // inlining them here would blow up
        var diagnostics = new List<Diagnostic>(binding.Diagnostics);
        if (entry.Kind is not { } kind) return diagnostics;

        // The binder stops before parsing when reading the entry already failed; then the parse errors are ours
        // to report, so a user fixing the entry sees them all at once.
        var binderParsed = !entry.Diagnostics.Any(d => d.Severity == Severity.Error);
        var texts = new List<ParsedText>();
        void Parse(string source, SourceText text)
        {
            var result = Parser.Parse(text.Text);
            if (result.Succeeded) texts.Add(new ParsedText(source, text, result.Node!));
            else if (!binderParsed) diagnostics.AddRange(result.Errors.Select(e => Diagnostic.Error(e.Code, e.Message, text.Locate(e.Span))));
        }
        foreach (var definition in entry.Where) Parse("where." + definition.Name, definition.Value);
        if (entry.Of is { } of) Parse("of", of);
        if (entry.Wrt is { } wrt) Parse("wrt", wrt);
        if (entry.SecondWrt is { } second) Parse(EntryBinder.SecondWrt, second);
        for (var k = 0; k < entry.Sides.Count; k++) Parse(EntryBinder.SideName(kind, k, entry.Sides.Count), entry.Sides[k]);

        var definitions = texts.Where(t => t.Source.StartsWith("where.", StringComparison.Ordinal))
            .ToDictionary(t => t.Source["where.".Length..], t => t.Node, StringComparer.Ordinal);
        var free = texts.ToDictionary(t => t.Source, t => FreeIndices(t.Node, definitions), StringComparer.Ordinal);
        var entryFree = free.Where(p => !p.Key.StartsWith("where.", StringComparison.Ordinal)).SelectMany(p => p.Value).ToImmutableHashSet(StringComparer.Ordinal);

        var lint = new List<Diagnostic>();
        foreach (var text in texts)
        {
            Rebindings(text.Node, text.SourceText, entryFree, ImmutableDictionary<string, BinderKind>.Empty.WithComparers(StringComparer.Ordinal), lint);
            Products(text.Node, parentIsProduct: false, text.SourceText, lint);
        }
        lint.AddRange(FreeIndexMismatches(entry, kind, texts, free));

        diagnostics.AddRange(lint.Distinct()
            .OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ThenBy(d => d.Code, StringComparer.Ordinal));
        return diagnostics;
    }

    // Every diagnostic of a catalog file: the errors that stopped it being read, then each entry's.
    public static IReadOnlyList<Diagnostic> Lint(CatalogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return [.. file.FatalErrors, .. file.Entries.SelectMany(Lint)];
    }

    private static string Word(BinderKind kind) => kind switch
    {
        BinderKind.Sum => "sum",
        BinderKind.Rows => "rows",
        BinderKind.Matrix => "matrix",
        _ => throw new UnreachableException($"no word for {kind}"),
    };

    // The direct children of a node, in text order.
    private static IEnumerable<SyntaxNode> Children(SyntaxNode node) => TreeDepth.Children(node);

    // Index names only: a numeric position (`M[1,2]`) is no index.
    private static IEnumerable<IndexSyntax> EntryIndices(EntrySyntax e) => new[] { e.Row, e.Column }.OfType<IndexSyntax>().Where(i => !i.IsPosition);

    // Indices used outside every binder that binds them, plus those of any `where` definition the text names.
    public static ImmutableSortedSet<string> FreeIndices(SyntaxNode node, IReadOnlyDictionary<string, SyntaxNode> definitions)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(definitions);
        var free = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var expanding = new HashSet<string>(StringComparer.Ordinal);
        void Walk(SyntaxNode n, ImmutableHashSet<string> bound)
        {
            switch (n)
            {
                case EntrySyntax e:
                    foreach (var index in EntryIndices(e).Where(i => !bound.Contains(i.Name))) free.Add(index.Name);
                    Walk(e.Target, bound);
                    break;
                case BinderSyntax s:
                    Walk(s.Body, bound.Union(s.Indices.Select(i => i.Name)));
                    break;
                // A definition's free indices are the same wherever it is used; expanding is guarded because a
                // recursive definition (TV0209) must not recurse here.
                case NameSyntax name when definitions.TryGetValue(name.Name, out var definition) && expanding.Add(name.Name):
                    Walk(definition, []);
                    expanding.Remove(name.Name);
                    break;
                default:
                    foreach (var child in Children(n)) Walk(child, bound);
                    break;
            }
        }
        Walk(node, ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));
        return free.ToImmutable();
    }

    private static void Rebindings(SyntaxNode node, SourceText text, ImmutableHashSet<string> entryFree, ImmutableDictionary<string, BinderKind> bound, List<Diagnostic> lint)
    {
        if (node is BinderSyntax s)
        {
            foreach (var index in s.Indices)
            {
                if (bound.TryGetValue(index.Name, out var outer))
                    lint.Add(Diagnostic.Warning(DiagnosticCodes.IndexReusedAsBound,
                        $"index `{index.Name}` is bound by an outer {Word(outer)} and again by an inner {Word(s.Kind)}", text.Locate(index.Span)));
                else if (entryFree.Contains(index.Name))
                    lint.Add(Diagnostic.Warning(DiagnosticCodes.IndexReusedAsBound,
                        $"index `{index.Name}` is free here and also bound by an inner {Word(s.Kind)}", text.Locate(index.Span)));
            }
            bound = bound.SetItems(s.Indices.Select(i => KeyValuePair.Create(i.Name, s.Kind)));
        }
        foreach (var child in Children(node)) Rebindings(child, text, entryFree, bound, lint);
    }

    private static bool IsProduct(SyntaxNode node) => node is BinarySyntax
    {
        Operator: BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Hadamard or BinaryOperator.ElementwiseDivide,
    };

    // Checks each maximal product (a tree of *, /, .*, ./ not itself inside one); products nested in a
    // binder or a function argument are maximal again, and are checked on their own as well.
    private static void Products(SyntaxNode node, bool parentIsProduct, SourceText text, List<Diagnostic> lint)
    {
        var product = IsProduct(node);
        if (product && !parentIsProduct)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            CollectNames(node, names);
            foreach (var name in names)
            {
                var count = Occurrences(node, name);
                if (count < 3) continue;
                var spans = new List<TextSpan>();
                OccurrenceSpans(node, name, spans);
                var at = spans.Count >= 3 ? spans[2] : spans[^1];
                lint.Add(Diagnostic.Warning(DiagnosticCodes.IndexUsedThrice,
                    $"index `{name}` appears {(count == 3 ? "three" : count.ToString(System.Globalization.CultureInfo.InvariantCulture))} times in one product", text.Locate(at)));
            }
        }
        foreach (var child in Children(node)) Products(child, product, text, lint);
    }

    private static void CollectNames(SyntaxNode node, SortedSet<string> names)
    {
        if (node is EntrySyntax e) names.UnionWith(EntryIndices(e).Select(i => i.Name));
        foreach (var child in Children(node)) CollectNames(child, names);
    }

    // How many factors of one expanded term carry the index: a sum contributes its larger side, a binder
    // that rebinds the name contributes nothing (its index is another variable), a function its argument.
    private static int Occurrences(SyntaxNode node, string name) => node switch
    {
        EntrySyntax e => EntryIndices(e).Count(i => i.Name == name) + Occurrences(e.Target, name),
        BinderSyntax s => s.Indices.Any(i => i.Name == name) ? 0 : Occurrences(s.Body, name),
        BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b => Math.Max(Occurrences(b.Left, name), Occurrences(b.Right, name)),
        _ => Children(node).Sum(c => Occurrences(c, name)),
    };

    private static void OccurrenceSpans(SyntaxNode node, string name, List<TextSpan> spans)
    {
        if (node is BinderSyntax s && s.Indices.Any(i => i.Name == name)) return;
        if (node is EntrySyntax e)
        {
            OccurrenceSpans(e.Target, name, spans);
            spans.AddRange(EntryIndices(e).Where(i => i.Name == name).Select(i => i.Span));
            return;
        }
        foreach (var child in Children(node)) OccurrenceSpans(child, name, spans);
    }

    private static IEnumerable<Diagnostic> FreeIndexMismatches(CatalogEntry entry, EntryKind kind, List<ParsedText> texts, Dictionary<string, ImmutableSortedSet<string>> free)
    {
        static string Set(IEnumerable<string> names) => "{" + string.Join(",", names) + "}";
        var sides = Enumerable.Range(0, entry.Sides.Count).Select(k => EntryBinder.SideName(kind, k, entry.Sides.Count))
            .Where(free.ContainsKey).ToList();
        switch (kind)
        {
            case EntryKind.Equality when sides.Count > 0 && sides[0] == EntryBinder.SideName(kind, 0, entry.Sides.Count):
                foreach (var side in sides.Skip(1))
                {
                    if (free[side].SetEquals(free[sides[0]])) continue;
                    yield return Diagnostic.Warning(DiagnosticCodes.FreeIndexMismatch,
                        $"free indices differ between the sides: {sides[0]} has {Set(free[sides[0]])}, {side} has {Set(free[side])}",
                        texts.Single(t => t.Source == side).SourceText.Start);
                }
                break;
            case EntryKind.Derivative when free.ContainsKey("of") && free.ContainsKey("wrt"):
                var expected = free["of"].Union(free["wrt"]).Union(free.TryGetValue(EntryBinder.SecondWrt, out var second) ? second : []);
                foreach (var side in sides)
                {
                    if (free[side].SetEquals(expected)) continue;
                    yield return Diagnostic.Warning(DiagnosticCodes.FreeIndexMismatch,
                        $"free indices differ between the sides: of/wrt has {Set(expected)}, {side} has {Set(free[side])}",
                        texts.Single(t => t.Source == side).SourceText.Start);
                }
                break;
        }
    }
}
