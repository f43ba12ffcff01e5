namespace TraceVerify.Tests.Soundness;

// Union–find over dimension variables, some of them pinned to a literal size. Invariant: every class has at
// most one literal size; Unify refuses (returns false) to merge two classes with different sizes.
internal sealed class DimensionUnion
{
    private readonly List<int> _parent = [];
    private readonly List<int?> _size = [];

    public int Fresh()
    {
        _parent.Add(_parent.Count);
        _size.Add(null);
        return _parent.Count - 1;
    }

    public int Literal(int size)
    {
        var dim = Fresh();
        _size[dim] = size;
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

    public bool IsOne(int dim) => SizeOf(dim) == 1;

    public bool Unify(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return true;
        if (_size[a] is { } sa && _size[b] is { } sb && sa != sb) return false;
        _parent[b] = a;
        _size[a] ??= _size[b];
        return true;
    }

    public IEnumerable<int> Classes() => Enumerable.Range(0, _parent.Count).Where(d => Find(d) == d);
}
