using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// Parses and binds every text of one catalog entry in one binder (shared symbols, dimensions, free indices),
// turning parse and shape failures into located diagnostics. Declared dimensions are rigid (see Binder).
// All sides of an equality, and a derivative and its claims, are one matrix: their shapes are unified, and
// sides that cannot be are ill-formed (TV0212, both shapes named) — a shape mismatch is never a value
// counterexample, and no side's free sizes are chosen apart from the others'.
internal static class EntryBinder
{
    public static BindingResult Bind(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return DeclaredConditions.WithWholeCondition(entry, BindTexts(entry));
    }

    private static BindingResult BindTexts(CatalogEntry entry)
    {
        var diagnostics = new List<Diagnostic>(entry.Diagnostics);
        if (entry.Kind is not { } kind || diagnostics.Any(d => d.Severity == Severity.Error)) return new BindingResult(null, diagnostics, null);

        var declared = new Dictionary<string, ShapeDeclaration>(StringComparer.Ordinal);
        var declarationLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shape in entry.Shapes)
        {
            declarationLines[shape.Name] = shape.Value.Line;
            if (ShapeDeclaration.Read(shape.Value.Text, out var code, out var why) is { } declaration) declared[shape.Name] = declaration;
            else diagnostics.Add(Diagnostic.Error(code!, $"cannot read the shape `{shape.Value.Text}` of `{shape.Name}`: {why}", shape.Value.Start));
        }
        diagnostics.AddRange(Hypotheses.CheckPlacement(entry, declared));
        var convention = Hypotheses.Convention(entry, diagnostics);
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
        if (entry.SecondWrt is { } second) Parse(SecondWrt, second);
        for (var k = 0; k < entry.Sides.Count; k++) Parse(SideName(kind, k, entry.Sides.Count), entry.Sides[k]);
        if (diagnostics.Any(d => d.Severity == Severity.Error)) return new BindingResult(null, diagnostics, null);

        if (DefinitionBudget.Check(entry.Where, entry.Where.Where(d => parsed.ContainsKey("where." + d.Name)).ToDictionary(d => d.Name, d => parsed["where." + d.Name], StringComparer.Ordinal),
            parsed.Where(p => !p.Key.StartsWith("where.", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => (p.Value, texts[p.Key]), StringComparer.Ordinal)) is { } tooLarge)
            return new BindingResult(null, [.. diagnostics, tooLarge], null);
        var definitions = entry.Where.ToDictionary(d => d.Name, d => (parsed["where." + d.Name], "where." + d.Name), StringComparer.Ordinal);
        var binder = new Binder(declared, definitions, frozen, declarationLines);
        // Hints from the entry's own texts and the definitions they use: an unused `where:` line changes no shape.
        foreach (var (source, node) in parsed) if (!IsDefinition(source)) binder.CollectScalarHints(node);

        Expr? Bind(string source) => parsed.TryGetValue(source, out var node) ? binder.Bind(node, source) : null;
        var ofExpr = Bind("of");
        var wrtExpr = Bind("wrt");
        var secondWrtExpr = Bind(SecondWrt);
        var sides = Enumerable.Range(0, entry.Sides.Count).Select(k => Bind(SideName(kind, k, entry.Sides.Count))).ToList();
        if (kind == EntryKind.Equality && binder.Errors.Count == 0 && sides.All(s => s is not null))
            UnifySides(binder, entry, sides!, texts, diagnostics);

        // A declared `where:` name the texts do not use is still checked against its declaration, in a binder
        // of its own (an unused line changes no shape of the entry): a declaration is never ignored.
        var unusedDeclared = definitions.Keys.Where(n => declared.ContainsKey(n) && !binder.UsedDefinitions.Contains(n)).ToList();
        var errors = binder.Errors.ToList();
        foreach (var name in unusedDeclared)
        {
            var alone = new Binder(declared, definitions, frozen, declarationLines);
            alone.CollectScalarHints(new NameSyntax(name, new TextSpan(0, 0)));
            alone.Bind(new NameSyntax(name, new TextSpan(0, 0)), "where." + name);
            errors.AddRange(alone.Errors.Where(e => e.Source.StartsWith("where.", StringComparison.Ordinal) && !errors.Contains(e)));
        }

        // The binder proceeds after an error, so report all of them, located in their own texts.
        foreach (var error in errors)
            diagnostics.Add(Diagnostic.Error(error.Code, error.Message, texts.TryGetValue(error.Source, out var t) ? t.Locate(error.Span) : entry.Location));
        if (errors.Count > 0 || sides.Any(s => s is null) || diagnostics.Any(d => d.Severity == Severity.Error))
            return new BindingResult(null, diagnostics, null);

        var reversed = false;
        if (kind == EntryKind.Derivative)
        {
            if (ofExpr is null || wrtExpr is null) return new BindingResult(null, diagnostics, null);
            if (CheckDerivative(binder, ofExpr, wrtExpr, secondWrtExpr, sides!, entry, texts, diagnostics) is not { } derivativeReversed) return new BindingResult(null, diagnostics, null);
            reversed = derivativeReversed;
        }

        // A declaration of a name no text uses constrains nothing: most likely a misspelt symbol (x for X).
        foreach (var shape in entry.Shapes)
        {
            if (binder.Symbols.ContainsKey(shape.Name) || definitions.ContainsKey(shape.Name)) continue;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnusedShapeDeclaration,
                $"`{shape.Name}` is declared {shape.Value.Text} but no text of the entry uses it; the declaration constrains nothing", shape.Value.Start));
        }

        var restriction = ShapeRestriction(entry, kind, declared, declarationLines, definitions, frozen, parsed, binder);
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
        var resolvedSecondWrt = secondWrtExpr is null ? null : binder.Resolve(secondWrtExpr);
        var dimensions = DimensionNames(resolvedSymbols.Values, free, resolvedSides.Concat(new[] { resolvedOf, resolvedWrt, resolvedSecondWrt }.OfType<Expr>()));
        var bound = new BoundEntry(entry.Id, kind, resolvedSides, resolvedOf, resolvedWrt, frozen, resolvedSymbols, free, dimensions)
        {
            Declared = new HashSet<string>(declared.Keys.Where(resolvedSymbols.ContainsKey), StringComparer.Ordinal),
            SecondWrt = resolvedSecondWrt,
            Reversed = reversed,
            Attributes = Hypotheses.Attributes(declared, resolvedSymbols),
            Convention = convention,
        };
        // TV0031 (a convention that applies to nothing) is a warning: the entry is still checked.
        if (Hypotheses.CheckVariable(entry, bound, texts.TryGetValue("wrt", out var wrtText) ? wrtText.Start : entry.Location) is { } structured)
        {
            if (structured.Severity == Severity.Error) return new BindingResult(null, [.. diagnostics, structured], null);
            diagnostics.Add(structured);
        }
        return new BindingResult(bound, diagnostics, restriction);
    }

    public static string SideName(EntryKind kind, int index, int count) => kind switch
    {
        EntryKind.Equality when count == 2 => index == 0 ? "lhs" : "rhs",
        EntryKind.Equality => $"chain[{index + 1}]",
        EntryKind.Derivative => count == 1 ? "claim" : $"claim[{index + 1}]",
        _ => "expr",
    };

    // The source name of the second variable of `wrt: [x, x]`.
    public const string SecondWrt = "wrt[2]";

    private static bool IsDefinition(string source) => source.StartsWith("where.", StringComparison.Ordinal);

    // Every side of a chain has the first side's shape.
    private static void UnifySides(Binder binder, CatalogEntry entry, IReadOnlyList<Expr> sides, Dictionary<string, SourceText> texts, List<Diagnostic> diagnostics)
    {
        var first = binder.ShapeOf(sides[0]);
        for (var k = 1; k < sides.Count; k++)
        {
            var shape = binder.ShapeOf(sides[k]);
            // The shapes as written, before a half-done unification (rows agreed, columns not) changes one.
            var (firstText, shapeText) = (binder.Display(first), binder.Display(shape));
            if (binder.UnifyShapes(first, shape)) continue;
            var because = binder.LastConflict() is (string declarations, string condition) ? $" ({declarations}; they agree only if {condition})" : "";
            var name = SideName(EntryKind.Equality, k, sides.Count);
            var firstName = SideName(EntryKind.Equality, 0, sides.Count);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SideShapesDiffer,
                $"the sides have different shapes: {firstName} `{Shorten(texts[firstName].Text)}` is {firstText}, {name} `{Shorten(texts[name].Text)}` is {shapeText}{because}",
                texts[name].Start));
            return;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // The claims' shape is the derivative's (DerivativeTarget); null when the entry is ill-formed, else whether
    // `layout: denominator` reverses the result's axes.
    private static bool? CheckDerivative(Binder binder, Expr of, Expr wrt, Expr? secondWrt, IReadOnlyList<Expr> claims, CatalogEntry entry,
        Dictionary<string, SourceText> texts, List<Diagnostic> diagnostics)
    {
        var variables = new[] { wrt, secondWrt }.OfType<Expr>().ToArray();
        foreach (var (variable, source) in variables.Zip(new[] { "wrt", SecondWrt }))
        {
            if (variable is SymbolExpr or EntryExpr { Target: SymbolExpr, Row: not SliceSlot, Column: not SliceSlot }) continue;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadVariable, $"`wrt` must be a symbol (`X`) or one entry of a symbol (`X[j,k]`, `x[j]`), found `{texts[source].Text}`", texts[source].Start));
            return null;
        }
        if (secondWrt is not null && VariableSymbol(wrt) != VariableSymbol(secondWrt))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadWrtList,
                $"a second derivative is by one variable twice (`[x, x]`, `[X[i,j], X[k,l]]`): `{texts["wrt"].Text}` and `{texts[SecondWrt].Text}` are different variables", texts[SecondWrt].Start));
            return null;
        }
        var wrtText = secondWrt is null ? entry.Wrt!.Text : $"[{entry.Wrt!.Text}, {entry.SecondWrt!.Text}]";
        var layout = entry.Layout?.Text.Trim();
        var decision = DerivativeTarget.Decide(binder, of, variables, layout, entry.Of!.Text, wrtText, texts["of"].Start, entry.Layout?.Start ?? entry.Location);
        if (decision.Warning is { } warning) diagnostics.Add(warning);
        if (decision.Error is { } error)
        {
            diagnostics.Add(error);
            return null;
        }
        var target = decision.Target!;
        for (var k = 0; k < claims.Count; k++)
        {
            var shape = binder.ShapeOf(claims[k]);
            var (targetText, shapeText) = (binder.Display(target), binder.Display(shape));
            if (binder.UnifyShapes(shape, target)) continue;
            var source = SideName(EntryKind.Derivative, k, claims.Count);
            var because = binder.LastConflict() is (string declarations, string condition) ? $" ({declarations}; they agree only if {condition})" : "";
            diagnostics.Add(Diagnostic.Error(binder.LastConflict() is null ? DiagnosticCodes.ShapeMismatch : DiagnosticCodes.DeclaredShapeViolated,
                $"the derivative with respect to `{wrtText}` is {targetText}, but the claim is {shapeText}{because}", texts[source].Start));
            return null;
        }
        return decision.Reversed;
    }

    private static string VariableSymbol(Expr variable) => variable switch
    {
        SymbolExpr s => s.Name,
        EntryExpr { Target: SymbolExpr s } => s.Name,
        _ => "",
    };

    // Binds the left side alone and compares: dimensions it leaves distinct (or free) that the whole entry
    // identifies are extra conditions the claim imposes. Symbols the left side does not use are compared the
    // same way with the first other text that uses them.
    private static string? ShapeRestriction(CatalogEntry entry, EntryKind kind, Dictionary<string, ShapeDeclaration> declared, Dictionary<string, int> declarationLines,
        Dictionary<string, (SyntaxNode, string)> definitions, Dictionary<string, string> frozen, Dictionary<string, SyntaxNode> parsed, Binder full)
    {
        var leftSource = kind switch { EntryKind.Derivative => "of", EntryKind.Equality => SideName(kind, 0, entry.Sides.Count), _ => null };
        if (leftSource is null || !parsed.TryGetValue(leftSource, out var leftNode)) return null;
        Binder Alone()
        {
            var binder = new Binder(declared, definitions, frozen, declarationLines);
            foreach (var (source, node) in parsed) if (!IsDefinition(source)) binder.CollectScalarHints(node);
            return binder;
        }
        var left = Alone();
        if (left.Bind(leftNode, leftSource) is null) return null;
        if (kind == EntryKind.Derivative && parsed.TryGetValue("wrt", out var wrtNode)) left.Bind(wrtNode, "wrt");
        var findings = new List<string>();
        Compare(left, left.Symbols.Keys, full, findings);
        // A symbol the left side does not use is judged by the first other text that uses it, bound alone: the
        // left side may not narrow it either (in `0 = C'*C - C*C'` the scalar 0 would make C 1×1).
        var seen = new HashSet<string>(left.Symbols.Keys, StringComparer.Ordinal);
        var start = kind == EntryKind.Equality ? 1 : 0;
        for (var k = start; k < entry.Sides.Count; k++)
        {
            var source = SideName(kind, k, entry.Sides.Count);
            var side = Alone();
            if (!parsed.TryGetValue(source, out var sideNode) || side.Bind(sideNode, source) is null) continue;
            var names = side.Symbols.Keys.Where(seen.Add).ToList();
            Compare(side, names, full, findings);
        }
        // A square symbol explains the most, unless a size is fixed too: a symbol made 1×1 is "square" as well,
        // and saying only that would hide the narrower condition. The differentiated variable first.
        var variable = parsed.TryGetValue("wrt", out var w) ? (w as NameSyntax)?.Name ?? ((w as EntrySyntax)?.Target as NameSyntax)?.Name : null;
        var fixesSize = findings.Any(f => f.Contains(" has ", StringComparison.Ordinal));
        var ordered = findings.Distinct()
            .Where(f => !fixesSize || !f.EndsWith(" is square", StringComparison.Ordinal))
            .OrderBy(f => f.EndsWith(" is square", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => variable is not null && f.StartsWith(variable + " ", StringComparison.Ordinal) ? 0 : 1)
            .ToList();
        if (ordered.Count == 0) return null;
        return ordered[0].EndsWith(" is square", StringComparison.Ordinal) ? ordered[0] : string.Join(", ", ordered.Take(3));
    }

    // The named symbols' dimensions that one text, bound alone, leaves free or distinct but the whole entry
    // fixes or identifies.
    private static void Compare(Binder alone, IEnumerable<string> names, Binder full, List<string> findings)
    {
        var dims = new List<(string Symbol, string Side, Dim Alone, Dim Full)>();
        foreach (var name in names)
        {
            if (!alone.Symbols.TryGetValue(name, out var shape) || !full.Symbols.TryGetValue(name, out var fullShape)) continue;
            dims.Add((name, "rows", alone.Find(shape.Rows), full.Find(fullShape.Rows)));
            dims.Add((name, "columns", alone.Find(shape.Columns), full.Find(fullShape.Columns)));
        }
        for (var a = 0; a < dims.Count; a++)
        {
            if (dims[a].Alone is DimVariable && dims[a].Full is KnownDim known)
                findings.Add($"{dims[a].Symbol} has {known.Size} {(known.Size == 1 ? dims[a].Side[..^1] : dims[a].Side)}");
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
    }

    private static IReadOnlyList<string> DimensionNames(IEnumerable<Shape> shapes, IEnumerable<IndexVariable> free, IEnumerable<Expr> exprs)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Add(Dim d) { foreach (var v in Dim.Atoms(d).OfType<DimVariable>()) names.Add(v.Name); }
        foreach (var s in shapes) { Add(s.Rows); Add(s.Columns); }
        foreach (var v in free) Add(v.Range);
        foreach (var e in exprs) DimensionMap.Apply(e, d => { Add(d); return d; });
        return names.ToArray();
    }
}
