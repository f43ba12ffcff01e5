namespace TraceVerify.Symbolic;

// Proves a printed form right the way every identity here is proved: by lowering it again and comparing
// canonical forms. Named parameters lower as free indices of that name, the row and column parameters
// as the expression's own row and column indices.
internal static class FormCheck
{
    // Under attributes (a hypothesis' index form, StructuredTerms and OrthogonalSymbols, as IndexFormContext builds
    // an entry's forms) the printed form needs to equal the target only where the symbols have them.
    public static bool Matches(Expr expr, CanonicalSum target, IReadOnlyList<ParameterRole> roles, IReadOnlyDictionary<string, Numeric.MatrixAttributes>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(roles);
        var pool = new IndexPool();
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < roles.Count; p++)
        {
            if (roles[p] is NamedRole n) named[n.Name] = pool.Fresh(target.Parameters[p]);
        }
        attributes ??= new Dictionary<string, Numeric.MatrixAttributes>();
        using var orthogonal = OrthogonalSymbols.Enter(attributes.Where(p => p.Value.HasFlag(Numeric.MatrixAttributes.Orthogonal)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
        var lowering = new Lowering(pool, named);
        var lowered = lowering.Lower(expr);
        // A row or column over a product size is several parameters, which no role names: not this form.
        if (lowering.Parts(lowered.Row).Count() > 1 || lowering.Parts(lowered.Column).Count() > 1) return false;
        var parameters = new List<int>(roles.Count);
        var usedRow = false;
        var usedColumn = false;
        for (var p = 0; p < roles.Count; p++)
        {
            switch (roles[p])
            {
                case RowRole when lowered.Row is { } r: parameters.Add(r); usedRow = true; break;
                case ColumnRole when lowered.Column is { } c: parameters.Add(c); usedColumn = true; break;
                case NamedRole n: parameters.Add(named[n.Name]); break;
                default: return false;
            }
        }
        if (lowered.Row is not null && !usedRow || lowered.Column is not null && !usedColumn) return false;
        if (parameters.Distinct().Count() != parameters.Count) return false;
        var shape = target.Shape is null ? null : IndexFormContext.ShapeOf(lowered.Row, lowered.Column, pool);
        var canonical = Canonicalizer.Canonicalize(StructuredTerms.Project(lowered.Terms, attributes, pool), parameters, pool, shape);
        return canonical.Equals(target);
    }
}
