namespace TraceVerify.Symbolic;

// What printing a canonical sum in matrix notation needs beyond the sum: the shape of the matrix it is
// (its parameters are [row if Result has rows ≠ 1, column if columns ≠ 1, free indices…]), the names of
// the free indices in parameter order, and every symbol's resolved shape (a one-index factor of a row
// vector prints as x', of a column vector as x; symbols also pin the length of a printed count).
internal sealed record MatrixFormContext(Shape Result, IReadOnlyList<string> FreeIndexNames, IReadOnlyDictionary<string, Shape> Symbols)
{
    // The context of one catalog entry's binder, for a result of the given (resolved) shape: free indices
    // ordered by name as IndexFormContext orders them.
    public static MatrixFormContext For(Binder binder, Shape result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(result);
        var free = binder.FreeIndices.Keys.Order(StringComparer.Ordinal).ToArray();
        return new MatrixFormContext(new Shape(binder.ResolveDim(result.Rows), binder.ResolveDim(result.Columns)), free, binder.ResolvedSymbols());
    }

    // The entry's hypotheses (closed under implication), by symbol: the printed form may use what they make
    // equal (Wᵀ = W for a symmetric W), and is then checked against the sum under them.
    public IReadOnlyDictionary<string, Numeric.MatrixAttributes> Attributes { get; init; } = new Dictionary<string, Numeric.MatrixAttributes>(StringComparer.Ordinal);

    public bool HasRow => !Result.Rows.IsOne;

    public bool HasColumn => !Result.Columns.IsOne;

    public IReadOnlyList<ParameterRole> Roles()
    {
        var roles = new List<ParameterRole>();
        if (HasRow) roles.Add(RowRole.Instance);
        if (HasColumn) roles.Add(ColumnRole.Instance);
        roles.AddRange(FreeIndexNames.Select(n => new NamedRole(n)));
        return roles;
    }
}
