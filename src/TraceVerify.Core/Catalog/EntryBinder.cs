using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// Parses and binds every text of one catalog entry in one binder (shared symbols, dimensions, free indices),
// turning parse and shape failures into located diagnostics.
internal static class EntryBinder
{
    public static BindingResult Bind(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var diagnostics = new List<Diagnostic>(entry.Diagnostics);
        if (entry.Kind is not { } kind || diagnostics.Any(d => d.Severity == Severity.Error)) return new BindingResult(null, diagnostics, null);

        var declared = new Dictionary<string, ShapeDeclaration>(StringComparer.Ordinal);
        foreach (var shape in entry.Shapes)
        {
            if (ShapeDeclaration.TryParse(shape.Value.Text, out var declaration)) declared[shape.Name] = declaration;
            else diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadShapeDeclaration,
                $"cannot read the shape `{shape.Value.Text}` of `{shape.Name}`: write `m x n`, `n` (a column vector) or `scalar`", shape.Value.Start));
        }
        var frozen = entry.Frozen.ToDictionary(f => f.Name, f => f.Value.Text.Trim(), StringComparer.Ordinal);

        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var parsed = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        void Parse(string source, SourceText text)
        {
            texts[source] = text;
            var result = Parser.Parse(text.Text);
            if (result.Succeeded) parsed[source] = result.Node!;
            else diagnostics.AddRange(result.Errors.Select(e => Diagnostic.Error(e.Code, e.Message, text.Locate(e.Span))));
        }
        foreach (var definition in entry.Where) Parse("where." + definition.Name, definition.Value);
        if (entry.Of is { } of) Parse("of", of);
        if (entry.Wrt is { } wrt) Parse("wrt", wrt);
        for (var k = 0; k < entry.Sides.Count; k++) Parse(SideName(kind, k, entry.Sides.Count), entry.Sides[k]);
        if (diagnostics.Any(d => d.Severity == Severity.Error)) return new BindingResult(null, diagnostics, null);

        if (DefinitionBudget.Check(entry.Where, entry.Where.Where(d => parsed.ContainsKey("where." + d.Name)).ToDictionary(d => d.Name, d => parsed["where." + d.Name], StringComparer.Ordinal),
            parsed.Where(p => !p.Key.StartsWith("where.", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => (p.Value, texts[p.Key]), StringComparer.Ordinal)) is { } tooLarge)
            return new BindingResult(null, [.. diagnostics, tooLarge], null);
        var definitions = entry.Where.ToDictionary(d => d.Name, d => (parsed["where." + d.Name], "where." + d.Name), StringComparer.Ordinal);
        var binder = new Binder(declared, definitions, frozen);
        foreach (var node in parsed.Values) binder.CollectScalarHints(node);

        Expr? Bind(string source) => parsed.TryGetValue(source, out var node) ? binder.Bind(node, source) : null;
        var ofExpr = Bind("of");
        var wrtExpr = Bind("wrt");
        var sides = Enumerable.Range(0, entry.Sides.Count).Select(k => Bind(SideName(kind, k, entry.Sides.Count))).ToList();

        // The binder proceeds after an error, so report all of them, located in their own texts.
        foreach (var error in binder.Errors)
            diagnostics.Add(Diagnostic.Error(error.Code, error.Message, texts.TryGetValue(error.Source, out var t) ? t.Locate(error.Span) : entry.Location));
        if (binder.Errors.Count > 0 || sides.Any(s => s is null)) return new BindingResult(null, diagnostics, null);

        if (kind == EntryKind.Derivative)
        {
            if (ofExpr is null || wrtExpr is null) return new BindingResult(null, diagnostics, null);
            if (!CheckDerivative(binder, ofExpr, wrtExpr, sides!, entry, texts, diagnostics)) return new BindingResult(null, diagnostics, null);
        }

        var restriction = ShapeRestriction(entry, kind, declared, definitions, frozen, parsed, binder);
        if (restriction is not null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ClaimRestrictsShapes,
                $"the claim type-checks only if {restriction}; the left side is defined without that", entry.Sides.Count > 0 ? entry.Sides[^1].Start : entry.Location));
        }

        var resolvedSymbols = binder.ResolvedSymbols();
        var free = binder.ResolvedFreeIndices().Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToArray();
        var resolvedSides = sides.Select(s => binder.Resolve(s!)).ToArray();
        var resolvedOf = ofExpr is null ? null : binder.Resolve(ofExpr);
        var resolvedWrt = wrtExpr is null ? null : binder.Resolve(wrtExpr);
        var dimensions = DimensionNames(resolvedSymbols.Values, free, resolvedSides.Concat(new[] { resolvedOf, resolvedWrt }.OfType<Expr>()));
        var bound = new BoundEntry(entry.Id, kind, resolvedSides, resolvedOf, resolvedWrt, frozen, resolvedSymbols, free, dimensions);
        return new BindingResult(bound, diagnostics, restriction);
    }

    public static string SideName(EntryKind kind, int index, int count) => kind switch
    {
        EntryKind.Equality when count == 2 => index == 0 ? "lhs" : "rhs",
        EntryKind.Equality => $"chain[{index + 1}]",
        EntryKind.Derivative => count == 1 ? "claim" : $"claim[{index + 1}]",
        _ => "expr",
    };

    private static bool CheckDerivative(Binder binder, Expr of, Expr wrt, IReadOnlyList<Expr> claims, CatalogEntry entry,
        Dictionary<string, SourceText> texts, List<Diagnostic> diagnostics)
    {
        var ofShape = Shapes.Of(of);
        if (!binder.Unify(ofShape.Rows, Dim.One) || !binder.Unify(ofShape.Columns, Dim.One))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotScalar, $"`of` must be a scalar: `{entry.Of!.Text}` is {binder.Display(ofShape)} (wrap it in tr(…)?)", texts["of"].Start));
            return false;
        }
        Shape target;
        switch (wrt)
        {
            case SymbolExpr symbol:
                target = symbol.Shape;
                break;
            case EntryExpr { Target: SymbolExpr, Row: not SliceSlot, Column: not SliceSlot }:
                target = Shape.Scalar;
                break;
            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadVariable, $"`wrt` must be a symbol (`X`) or one entry of a symbol (`X[j,k]`, `x[j]`), found `{entry.Wrt!.Text}`", texts["wrt"].Start));
                return false;
        }
        for (var k = 0; k < claims.Count; k++)
        {
            var shape = Shapes.Of(claims[k]);
            if (binder.Unify(shape.Rows, target.Rows) && binder.Unify(shape.Columns, target.Columns)) continue;
            var source = SideName(EntryKind.Derivative, k, claims.Count);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ShapeMismatch,
                $"the derivative with respect to `{entry.Wrt!.Text}` is {binder.Display(target)}, but the claim is {binder.Display(shape)}", texts[source].Start));
            return false;
        }
        return true;
    }

    // Binds the left side alone and compares: dimensions it leaves distinct (or free) that the whole entry
    // identifies are extra conditions the claim imposes.
    private static string? ShapeRestriction(CatalogEntry entry, EntryKind kind, Dictionary<string, ShapeDeclaration> declared,
        Dictionary<string, (SyntaxNode, string)> definitions, Dictionary<string, string> frozen, Dictionary<string, SyntaxNode> parsed, Binder full)
    {
        var leftSource = kind switch { EntryKind.Derivative => "of", EntryKind.Equality => SideName(kind, 0, entry.Sides.Count), _ => null };
        if (leftSource is null || !parsed.TryGetValue(leftSource, out var leftNode)) return null;
        var alone = new Binder(declared, definitions, frozen);
        foreach (var node in parsed.Values) alone.CollectScalarHints(node);
        if (alone.Bind(leftNode, leftSource) is null) return null;
        if (kind == EntryKind.Derivative && parsed.TryGetValue("wrt", out var wrtNode)) alone.Bind(wrtNode, "wrt");
        var dims = new List<(string Symbol, string Side, Dim Alone, Dim Full)>();
        foreach (var (name, shape) in alone.Symbols)
        {
            if (!full.Symbols.TryGetValue(name, out var fullShape)) continue;
            dims.Add((name, "rows", alone.Find(shape.Rows), full.Find(fullShape.Rows)));
            dims.Add((name, "columns", alone.Find(shape.Columns), full.Find(fullShape.Columns)));
        }
        var findings = new List<string>();
        for (var a = 0; a < dims.Count; a++)
        {
            if (dims[a].Alone is DimVariable && dims[a].Full is KnownDim known)
                findings.Add($"{dims[a].Symbol} has {known.Size} {dims[a].Side}");
            for (var b = a + 1; b < dims.Count; b++)
            {
                if (dims[a].Alone != dims[b].Alone && dims[a].Full == dims[b].Full && dims[a].Alone is DimVariable && dims[b].Alone is DimVariable)
                {
                    findings.Add(dims[a].Symbol == dims[b].Symbol
                        ? $"{dims[a].Symbol} is square"
                        : $"{dims[a].Symbol}'s {dims[a].Side} = {dims[b].Symbol}'s {dims[b].Side}");
                }
            }
        }
        // A square symbol explains the most; the differentiated variable first.
        var variable = parsed.TryGetValue("wrt", out var w) ? (w as NameSyntax)?.Name ?? ((w as EntrySyntax)?.Target as NameSyntax)?.Name : null;
        var ordered = findings.Distinct()
            .OrderBy(f => f.EndsWith(" is square", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => variable is not null && f.StartsWith(variable + " ", StringComparison.Ordinal) ? 0 : 1)
            .ToList();
        if (ordered.Count == 0) return null;
        return ordered[0].EndsWith(" is square", StringComparison.Ordinal) ? ordered[0] : string.Join(", ", ordered.Take(3));
    }

    private static IReadOnlyList<string> DimensionNames(IEnumerable<Shape> shapes, IEnumerable<IndexVariable> free, IEnumerable<Expr> exprs)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Add(Dim d) { if (d is DimVariable v) names.Add(v.Name); }
        foreach (var s in shapes) { Add(s.Rows); Add(s.Columns); }
        foreach (var v in free) Add(v.Range);
        foreach (var e in exprs) DimensionMap.Apply(e, d => { Add(d); return d; });
        return names.ToArray();
    }
}
