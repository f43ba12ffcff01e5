namespace TraceVerify.Symbolic;

// Indices over product sizes while an expression is lowered. An index over m·p (a row of kron(A, B), the
// entry of vec(X)) is the ordered pair (i over m, k over p), at position i·p + k — the convention the exact
// evaluator (KroneckerAlgebra) uses. Such an index exists only as a handle (a composite id) on a Lowered's
// row or column; every factor mentions its parts, so a sum over a product size is the sum over each part,
// and the index form, canonical form and derivative see ordinary indices only.
//
// Invariant: parts are atomic ids, in order, one per factor of the composite's ProductDim range. Identifying
// two composites (a product, a sum, a trace) identifies their parts pairwise, which is sound only when the
// parts have the same ranges in the same order; anything else — a composite against an atomic index (a
// declared x: 6 against 2·3), m·p against p·m — is not split but reported as IndexSplitException, which the
// symbolic method turns into "inconclusive", so the numeric methods decide.
internal sealed class IndexSplit
{
    private readonly IndexPool _pool;
    private readonly Dictionary<int, int[]> _parts = [];

    public IndexSplit(IndexPool pool) => _pool = pool;

    public bool IsComposite(int id) => _parts.ContainsKey(id);

    // An atomic id is its own one part.
    public IReadOnlyList<int> Parts(int id) => _parts.TryGetValue(id, out var parts) ? parts : [id];

    public IEnumerable<int> Parts(int? id) => id is { } i ? Parts(i) : [];

    // A fresh index over the range: composite, with fresh parts, where the range is a product.
    public int Fresh(Dim range)
    {
        var id = _pool.Fresh(range);
        if (range is ProductDim product) _parts[id] = [.. product.Factors.Select(_pool.Fresh)];
        return id;
    }

    // The pair (major, minor) as one index over range(major)·range(minor); null when both are absent (size one).
    public int? Compose(int? major, int? minor)
    {
        if (major is null) return minor;
        if (minor is null) return major;
        var id = _pool.Fresh(Dim.Product(_pool.Range(major.Value), _pool.Range(minor.Value)));
        _parts[id] = [.. Parts(major.Value), .. Parts(minor.Value)];
        return id;
    }

    // The terms with index `from` renamed to `to`, part by part.
    public IReadOnlyList<RawTerm> Rename(IReadOnlyList<RawTerm> terms, int? from, int? to)
    {
        if (from is not { } f || to is not { } t || f == t) return terms;
        var source = Parts(f);
        var target = Parts(t);
        if (source.Count != target.Count || Enumerable.Range(0, source.Count).Any(k => _pool.Range(source[k]) != _pool.Range(target[k])))
        {
            throw new IndexSplitException(
                $"an index over {_pool.Range(f)} is identified with one over {_pool.Range(t)}: their sizes agree, but not factor by factor, so the index form does not split them");
        }
        var map = new Dictionary<int, int>();
        for (var k = 0; k < source.Count; k++) map[source[k]] = target[k];
        return terms.Select(term => term.Rename(i => map.TryGetValue(i, out var renamed) ? renamed : i)).ToArray();
    }

    // An index a factor must hold whole (a symbol's row, an inverse's argument): atomic, or not in index form.
    public int Atomic(int id, string what) => IsComposite(id)
        ? throw new IndexSplitException($"{what} over the product size {_pool.Range(id)} is not split into index form")
        : id;

    public int? Atomic(int? id, string what) => id is { } i ? Atomic(i, what) : null;
}

// An index over a product size where the index form cannot split it (see IndexSplit): the symbolic method is
// inconclusive, never wrong.
internal sealed class IndexSplitException(string message) : ExpansionLimitException(message);
