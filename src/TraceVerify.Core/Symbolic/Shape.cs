namespace TraceVerify.Symbolic;

internal sealed record Shape(Dim Rows, Dim Columns)
{
    public static readonly Shape Scalar = new(Dim.One, Dim.One);

    public bool IsScalar => Rows.IsOne && Columns.IsOne;

    public Shape Transposed => new(Columns, Rows);

    public override string ToString() => IsScalar ? "scalar" : $"{Rows}×{Columns}";
}
