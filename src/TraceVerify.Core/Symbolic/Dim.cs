namespace TraceVerify.Symbolic;

// A dimension: a known size, a named dimension variable (resolved by the binder's unification), or an
// ordered product of them (the rows of kron(A, B), the length of vec(X)).
internal abstract record Dim
{
    private protected Dim() { }

    public static readonly Dim One = new KnownDim(1);

    public bool IsOne => this is KnownDim { Size: 1 };

    // The ordered product of dims, major factor first. Invariant (the only way a ProductDim is built): flat
    // (a product of products is one product, so (m·p)·r = m·(p·r) — the index split below is associative),
    // no factor of size one, at least two factors; fewer give that factor or One. The order is kept, never
    // sorted: an index over m·p is the pair (i over m, k over p) at position i·p + k, and m·p, p·m split
    // differently although their sizes agree. Known sizes are not multiplied out (2·3 is not 6) for the same reason.
    public static Dim Product(IEnumerable<Dim> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var flat = factors.SelectMany(Atoms).Where(f => !f.IsOne).ToArray();
        return flat.Length switch
        {
            0 => One,
            1 => flat[0],
            _ => new ProductDim(new EquatableArray<Dim>(flat)),
        };
    }

    public static Dim Product(Dim major, Dim minor) => Product([major, minor]);

    // The factors of a product, or the dim itself.
    public static IReadOnlyList<Dim> Atoms(Dim dim) => dim is ProductDim p ? p.Factors : [dim];

    // Every atom mapped (a variable may map to a product), the product rebuilt.
    public static Dim MapAtoms(Dim dim, Func<Dim, Dim> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return dim is ProductDim p ? Product(p.Factors.Select(map)) : map(dim);
    }

    // The size under sizes of the atoms.
    public static int SizeOf(Dim dim, Func<Dim, int> atomSize)
    {
        ArgumentNullException.ThrowIfNull(atomSize);
        // Saturates at int.MaxValue rather than overflow: a size that large is refused by the numeric methods'
        // caps (EvaluableSize), never allocated.
        return dim is ProductDim p ? (int)Math.Min(p.Factors.Aggregate(1L, (size, f) => Math.Min(size * atomSize(f), int.MaxValue)), int.MaxValue) : atomSize(dim);
    }
}

internal sealed record KnownDim(int Size) : Dim
{
    public override string ToString() => Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record DimVariable(string Name) : Dim
{
    public override string ToString() => Name;
}

// Built only by Dim.Product (see there); written `m*p` as in a shape declaration.
internal sealed record ProductDim(EquatableArray<Dim> Factors) : Dim
{
    public override string ToString() => string.Join("*", Factors);
}
