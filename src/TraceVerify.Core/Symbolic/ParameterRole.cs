namespace TraceVerify.Symbolic;

// How a parameter of a canonical sum shows in printed notation: as the row or the column of the matrix
// the printed expression is, or by name, as an index that is free (or bound by an enclosing binder)
// where the text stands.
internal abstract record ParameterRole
{
    private protected ParameterRole() { }
}

internal sealed record RowRole : ParameterRole
{
    public static readonly RowRole Instance = new();
}

internal sealed record ColumnRole : ParameterRole
{
    public static readonly ColumnRole Instance = new();
}

internal sealed record NamedRole(string Name) : ParameterRole;
