namespace TraceVerify.Symbolic;

// A dimension: a known size or a named dimension variable (resolved by the binder's unification).
internal abstract record Dim
{
    private protected Dim() { }

    public static readonly Dim One = new KnownDim(1);

    public bool IsOne => this is KnownDim { Size: 1 };
}

internal sealed record KnownDim(int Size) : Dim
{
    public override string ToString() => Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record DimVariable(string Name) : Dim
{
    public override string ToString() => Name;
}
