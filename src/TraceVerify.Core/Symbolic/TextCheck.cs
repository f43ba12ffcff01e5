using TraceVerify.Syntax;

namespace TraceVerify.Symbolic;

// The printer's own round trip: the printed text, parsed and bound by a binder that knows the symbols'
// shapes, then given the printed sum's shape, has exactly the sum's canonical form. This is what a reader
// of the text gets, and it differs from lowering the Expr directly where the binder would build another
// tree (the order of lowering decides argument order in f(body) for a symmetric body) or would leave a
// dimension open (a `ones` nothing pins).
internal static class TextCheck
{
    public static bool Matches(Expr expr, CanonicalSum target, IReadOnlyList<ParameterRole> roles, IReadOnlyDictionary<string, Shape> symbols,
        IReadOnlyDictionary<string, Numeric.MatrixAttributes>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(symbols);
        var parsed = Parser.Parse(ExprPrinter.Print(expr));
        if (!parsed.Succeeded) return false;
        var declared = new Dictionary<string, ShapeDeclaration>(StringComparer.Ordinal);
        foreach (var (name, shape) in symbols)
        {
            if (DimensionName(shape.Rows) is not { } rows || DimensionName(shape.Columns) is not { } columns) return false;
            declared[name] = new ShapeDeclaration(rows, columns);
        }
        var binder = new Binder(declared);
        binder.CollectScalarHints(parsed.Node!);
        var bound = binder.Bind(parsed.Node!, "printed");
        if (bound is null || binder.Errors.Count > 0) return false;

        // Each class of unified dimensions is named back after a symbol dimension in it; the printed sum's
        // shape and free index ranges are then unified in, as the text's context would.
        var names = new Dictionary<Dim, Dim>();
        var binderDims = new Dictionary<Dim, Dim>();
        bool Name(Dim binderDim, Dim original)
        {
            var resolved = binder.ResolveDim(binderDim);
            if (names.TryGetValue(resolved, out var known)) return known == original;
            names[resolved] = original;
            return true;
        }
        foreach (var (name, shape) in symbols)
        {
            var inBinder = binder.SymbolShape(name);
            binderDims.TryAdd(shape.Rows, inBinder.Rows);
            binderDims.TryAdd(shape.Columns, inBinder.Columns);
        }
        var boundShape = binder.ShapeOf(bound);
        var free = new Dictionary<string, IndexVariable>(StringComparer.Ordinal);
        for (var p = 0; p < roles.Count; p++)
        {
            var range = target.Parameters[p];
            Dim? side = roles[p] switch
            {
                RowRole => boundShape.Rows,
                ColumnRole => boundShape.Columns,
                NamedRole n => binder.FreeIndices.TryGetValue(n.Name, out var v) ? v.Range : null,
                _ => null,
            };
            if (roles[p] is NamedRole named) free[named.Name] = new IndexVariable(named.Name, range);
            if (side is null) continue;
            if (binderDims.TryGetValue(range, out var anchor) ? !binder.Unify(side, anchor) : range is KnownDim && !binder.Unify(side, range)) return false;
        }
        foreach (var (name, shape) in symbols)
        {
            var inBinder = binder.SymbolShape(name);
            if (!Name(inBinder.Rows, shape.Rows) || !Name(inBinder.Columns, shape.Columns)) return false;
        }
        for (var p = 0; p < roles.Count; p++)
        {
            var range = target.Parameters[p];
            Dim? side = roles[p] switch
            {
                RowRole => boundShape.Rows,
                ColumnRole => boundShape.Columns,
                NamedRole n => binder.FreeIndices.TryGetValue(n.Name, out var v) ? v.Range : null,
                _ => null,
            };
            if (side is not null && !Name(side, range)) return false;
        }
        var resolved = DimensionMap.Apply(binder.Resolve(bound), d => names.TryGetValue(d, out var original) ? original : d);
        var form = new IndexFormContext(free, attributes: attributes).Canonical(resolved);
        return (target.Shape is null ? form.WithShape(null) : form).Equals(target);
    }

    private static string? DimensionName(Dim dim) => dim switch
    {
        KnownDim k => k.ToString(),
        DimVariable v when v.Name.Length > 0 && char.IsLetter(v.Name[0]) && v.Name.All(char.IsLetterOrDigit) => v.Name,
        _ => null,
    };
}
