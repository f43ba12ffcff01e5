namespace TraceVerify.Tests.Soundness;

// Union–find over dimension variables, some of them pinned to a literal size, some of them the ordered
// product of other dimensions (kron and vec: m·p, the first factor major). Invariants: every class has at most
// one literal size or one product; Unify refuses (returns false) to merge two classes with different sizes;
// two products unify factor by factor, in order, never as numbers (m·p against p·m needs m = p); a product
// against 1 makes every factor 1 (sizes are positive). Where that
// reading is not certain — products with different numbers of factors, a product against a literal size, a
// product containing the other side — Unsure is set: the entry is excluded, never guessed.
internal sealed class DimensionUnion
{
    private readonly List<int> _parent = [];
    private readonly List<int?> _size = [];
    private readonly List<IReadOnlyList<int>?> _factors = [];

    public string? Unsure { get; private set; }

    public bool HasProducts => Classes().Any(c => _factors[c] is not null);

    public int Fresh()
    {
        _parent.Add(_parent.Count);
        _size.Add(null);
        _factors.Add(null);
        return _parent.Count - 1;
    }

    public int Literal(int size)
    {
        var dim = Fresh();
        _size[dim] = size;
        return dim;
    }

    // a·b·…: products inside are flattened, factors already 1 dropped (1·q = q); one factor is itself.
    public int Product(IReadOnlyList<int> factors)
    {
        var flat = new List<int>();
        foreach (var factor in factors)
        {
            var root = Find(factor);
            if (_factors[root] is { } inner) flat.AddRange(inner);
            else if (_size[root] != 1) flat.Add(root);
        }
        if (flat.Count == 0) return Literal(1);
        if (flat.Count == 1) return flat[0];
        var dim = Fresh();
        _factors[dim] = flat;
        return dim;
    }

    public int Find(int dim)
    {
        while (_parent[dim] != dim)
        {
            _parent[dim] = _parent[_parent[dim]];
            dim = _parent[dim];
        }
        return dim;
    }

    public int? SizeOf(int dim) => _size[Find(dim)];

    public IReadOnlyList<int>? FactorsOf(int dim) => _factors[Find(dim)];

    public bool IsOne(int dim) => SizeOf(dim) == 1;

    // The number a dimension stands for, given the sizes drawn for the free classes.
    public int Evaluate(int dim, Func<int, int> freeSize)
    {
        var root = Find(dim);
        if (_size[root] is { } size) return size;
        if (_factors[root] is { } factors) return factors.Aggregate(1, (p, f) => p * Evaluate(f, freeSize));
        return freeSize(root);
    }

    public bool Unify(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return true;
        if (_factors[a] is { } fa && _factors[b] is { } fb)
        {
            if (fa.Count != fb.Count)
            {
                Unsure ??= "products of sizes with different numbers of factors equated";
                return true;
            }
            _parent[b] = a;
            var ok = true;
            for (var k = 0; k < fa.Count; k++) ok &= Unify(fa[k], fb[k]);
            return ok;
        }
        if (_factors[a] is not null || _factors[b] is not null)
        {
            var (product, other) = _factors[a] is not null ? (a, b) : (b, a);
            // Sizes are positive: a product is 1 exactly when each factor is.
            if (_size[other] == 1)
            {
                var factors = _factors[product]!;
                _factors[product] = null;
                _size[product] = 1;
                _parent[other] = product;
                var ok = true;
                foreach (var factor in factors) ok &= Unify(factor, other);
                return ok;
            }
            if (_size[other] is not null)
            {
                Unsure ??= "a product of sizes equated with a literal size";
                return true;
            }
            if (Contains(product, other))
            {
                Unsure ??= "a size equated with a product containing it";
                return true;
            }
            _parent[other] = product;
            return true;
        }
        if (_size[a] is { } sa && _size[b] is { } sb && sa != sb) return false;
        _parent[b] = a;
        _size[a] ??= _size[b];
        return true;
    }

    private bool Contains(int product, int dim) =>
        _factors[Find(product)] is { } factors && factors.Any(f => Find(f) == Find(dim) || Contains(f, dim));

    public IEnumerable<int> Classes() => Enumerable.Range(0, _parent.Count).Where(d => Find(d) == d);
}
