using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Builds inv(M), adj(M) and det(M) factors in canonical form, and instantiates M at given indices.
//
// The body is M with parameters (row, column, enclosing indices…); of M and Mᵀ the least key is kept
// (inv(Mᵀ) = inv(M)ᵀ and adj(Mᵀ) = adj(M)ᵀ swap the entry arguments, det(Mᵀ) = det(M)). Rewrites, each an
// identity wherever both sides are defined and applied only where every matrix involved is square of one size:
//   inv(c·S·L₁⋯Lₙ) = c⁻¹·(1/S)·inv(Lₙ)⋯inv(L₁)   for a scalar factor S and a chain of square links Lᵢ
//   adj(L₁⋯Lₙ) = adj(Lₙ)⋯adj(L₁), adj(I) = I       (adj is a polynomial: defined for singular M too)
//   det(L₁⋯Lₙ) = Πdet(Lᵢ), det(c·L) = cᵏ·det(L) at a known size k
//   inv(inv(N)) = N, det(inv(N)) = 1/det(N), inv(I) = I, det(I) = 1, det(0) = 0.
// X·inv(X) = inv(X)·X = I is the canonicalizer's contraction of a link with the inverse of that link.
internal static class MatrixFunctionFactors
{
    private const int MaxPermutedOuter = 3;

    // f(M) as raw terms, M's entry (rowId, columnId) being bodyTerms; entry are the result's row and column
    // ids for an inverse (none for a determinant); outer the enclosing indices M mentions.
    public static IReadOnlyList<RawTerm> Make(MatrixFunction function, IReadOnlyList<RawTerm> bodyTerms, int rowId, int columnId,
        IReadOnlyList<int> entry, IReadOnlyList<int> outer, IndexPool pool)
    {
        outer = outer.Distinct().Where(o => o != rowId && o != columnId).ToArray();
        CanonicalSum? best = null;
        var transposed = false;
        IReadOnlyList<int> bestOuter = outer;
        string? unflippedKey = null;
        var symmetric = false;
        foreach (var flip in new[] { false, true })
        {
            foreach (var permutation in Permutations(outer))
            {
                int[] parameters = flip ? [columnId, rowId, .. permutation] : [rowId, columnId, .. permutation];
                var body = Canonicalizer.Canonicalize(bodyTerms, parameters, pool);
                // With no enclosing index, M and Mᵀ have one canonical form exactly when M = Mᵀ.
                if (outer.Count == 0)
                {
                    if (!flip) unflippedKey = body.Key;
                    else symmetric = string.Equals(unflippedKey, body.Key, StringComparison.Ordinal);
                }
                if (best is null || string.CompareOrdinal(body.Key, best.Key) < 0) (best, transposed, bestOuter) = (body, flip, permutation);
            }
        }
        var canonical = best!;
        // Entry of the result of the canonical (possibly transposed) body: inv(Mᵀ)[b,a] = inv(M)[a,b].
        int[] entryIds = function != MatrixFunction.Determinant ? (transposed ? [entry[1], entry[0]] : [entry[0], entry[1]]) : [];
        if (canonical.IsZero)
            return function == MatrixFunction.Inverse ? [Single(function, canonical, entryIds, bestOuter, symmetric)] : [];
        if (bestOuter.Count == 0 && canonical.Terms.Count == 1 && Rewrite(function, canonical, entryIds, pool) is { } rewritten)
            return rewritten;
        return [Single(function, canonical, entryIds, bestOuter, symmetric)];
    }

    private static RawTerm Single(MatrixFunction function, CanonicalSum body, IReadOnlyList<int> entry, IReadOnlyList<int> outer, bool symmetric) =>
        new(Rational.One, new EquatableArray<Factor>([new MatrixFunctionFactor(function, body, new EquatableArray<int>([.. entry, .. outer]))
        {
            SymmetricBody = symmetric && function != MatrixFunction.Determinant,
        }]));

    // M's terms at row and column ids, its further parameters at the factor's enclosing arguments, bound
    // indices fresh.
    public static IReadOnlyList<RawTerm> Instantiate(MatrixFunctionFactor factor, int rowId, int columnId, IndexPool pool) =>
        FunctionFactors.Instantiate(factor.Body, [rowId, columnId, .. factor.Outer], pool);

    // Fresh ids for M's row and column.
    public static (int Row, int Column) FreshEntry(MatrixFunctionFactor factor, IndexPool pool) =>
        (pool.Fresh(factor.Body.Parameters[0]), pool.Fresh(factor.Body.Parameters[1]));

    // The factor rebuilt (canonically) after transforming M's terms.
    public static IReadOnlyList<RawTerm> Remake(MatrixFunctionFactor factor, Func<IReadOnlyList<RawTerm>, IReadOnlyList<RawTerm>> transform, IndexPool pool)
    {
        var (row, column) = FreshEntry(factor, pool);
        var body = transform(Instantiate(factor, row, column, pool));
        return Make(factor.Function, body, row, column, factor.Arguments.Take(factor.EntryCount).ToArray(), factor.Outer.ToArray(), pool);
    }

    // One-term bodies: c · S · L₁⋯Lₙ, a scalar part S (factors off the chain) times a chain of links from the
    // row (label 0) to the column (label 1) through bound indices of M's size. Null where no rewrite applies.
    private static IReadOnlyList<RawTerm>? Rewrite(MatrixFunction function, CanonicalSum body, IReadOnlyList<int> entry, IndexPool pool)
    {
        var term = body.Terms[0];
        var size = body.Parameters[0];
        if (!Equals(body.Parameters[1], size) || Chain(term) is not { } chain) return null;
        if (chain.Path.Skip(1).SkipLast(1).Any(l => !Equals(term.BoundRanges[l - 2], size))) return null;
        var scalars = term.Factors.Where((_, k) => !chain.Links.Contains(k)).ToArray();
        var atomic = chain.Links.Count == 1 && scalars.Length == 0 && term.Coefficient.IsOne;
        // Pool ids for the term's labels.
        var ids = new int[2 + term.BoundRanges.Count];
        ids[0] = pool.Fresh(size);
        ids[1] = pool.Fresh(size);
        for (var l = 2; l < ids.Length; l++) ids[l] = pool.Fresh(term.BoundRanges[l - 2]);
        Factor Renamed(Factor f) => FactorIndices.Rename(f, l => ids[l]);
        var links = chain.Links.Select(k => Renamed(term.Factors[k])).ToArray();
        var path = chain.Path.Select(l => ids[l]).ToArray();
        if (atomic) return Atomic(function, links[0], path[0], path[1], entry, pool);
        if (function == MatrixFunction.Adjugate)
        {
            // adj(c·S·M) = (c·S)ⁿ⁻¹·adj(M) needs the size; only the plain chain is split.
            if (scalars.Length > 0 || !term.Coefficient.IsOne) return null;
            return ChainProduct(MatrixFunction.Adjugate, links, path, entry, size, [RawTerm.Constant(Rational.One)], pool);
        }
        if (function == MatrixFunction.Determinant)
        {
            // det(c·S·M) = cᵏ·Sᵏ·det(M) needs the size k; only the plain chain is split at an unknown size.
            if (scalars.Length > 0 || !term.Coefficient.IsOne && size is not KnownDim) return null;
            IReadOnlyList<RawTerm> product = [RawTerm.Constant(size is KnownDim k ? Power(term.Coefficient, k.Size) : Rational.One)];
            for (var i = 0; i < links.Length; i++)
            {
                var piece = Make(MatrixFunction.Determinant, [Unit(links[i])], path[i], path[i + 1], [], [], pool);
                product = [.. product.SelectMany(p => piece.Select(p.Times))];
            }
            return product;
        }
        // inv(c·S·L₁⋯Lₙ)[a,b] = c⁻¹·(1/S)·Σ inv(Lₙ)[a,mₙ₋₁]⋯inv(L₁)[m₁,b].
        IReadOnlyList<RawTerm> result = [RawTerm.Constant(term.Coefficient.Reciprocal())];
        if (scalars.Length > 0)
        {
            var reciprocal = FunctionFactors.Make(FunctionKind.Reciprocal, [new RawTerm(Rational.One, new EquatableArray<Factor>(scalars.Select(Renamed)))], [], pool);
            result = [.. result.SelectMany(p => reciprocal.Select(p.Times))];
        }
        return ChainProduct(MatrixFunction.Inverse, links, path, entry, size, result, pool);
    }

    // start · f(Lₙ)[a,mₙ₋₁]⋯f(L₁)[m₁,b] for the reversing functions inv and adj.
    private static IReadOnlyList<RawTerm> ChainProduct(MatrixFunction function, Factor[] links, int[] path, IReadOnlyList<int> entry, Dim size,
        IReadOnlyList<RawTerm> start, IndexPool pool)
    {
        var result = start;
        var n = links.Length;
        var m = new int[n + 1];
        m[0] = entry[1];
        m[n] = entry[0];
        for (var i = 1; i < n; i++) m[i] = pool.Fresh(size);
        for (var i = 0; i < n; i++)
        {
            var piece = Make(function, [Unit(links[i])], path[i], path[i + 1], [m[i + 1], m[i]], [], pool);
            result = [.. result.SelectMany(p => piece.Select(p.Times))];
        }
        return result;
    }

    // A single link L from row to column: inv(I) = I, det(I) = 1, inv(inv(N)) = N, det(inv(N)) = 1/det(N).
    private static IReadOnlyList<RawTerm>? Atomic(MatrixFunction function, Factor link, int row, int column, IReadOnlyList<int> entry, IndexPool pool)
    {
        switch (link)
        {
            case DeltaFactor:
                return function == MatrixFunction.Determinant ? [RawTerm.Constant(Rational.One)] : [Unit(new DeltaFactor(entry[0], entry[1]))];
            case MatrixFunctionFactor { Function: MatrixFunction.Inverse } inner when !inner.Outer.Any() && function != MatrixFunction.Adjugate:
                {
                    // The link is inv(N) at (row, column), or at (column, row): M = inv(N) or inv(N)ᵀ.
                    var straight = inner.Arguments[0] == row && inner.Arguments[1] == column;
                    if (function == MatrixFunction.Inverse)
                        return straight ? Instantiate(inner, entry[0], entry[1], pool) : Instantiate(inner, entry[1], entry[0], pool);
                    var (p, q) = FreshEntry(inner, pool);
                    var determinant = Make(MatrixFunction.Determinant, Instantiate(inner, p, q, pool), p, q, [], [], pool);
                    return FunctionFactors.Make(FunctionKind.Reciprocal, determinant, [], pool);
                }
            default:
                return null;
        }
    }

    private static RawTerm Unit(Factor factor) => new(Rational.One, new EquatableArray<Factor>([factor]));

    private static Rational Power(Rational value, int exponent)
    {
        var result = Rational.One;
        for (var k = 0; k < exponent; k++) result *= value;
        return result;
    }

    // Links are factor positions in chain order; Path the labels 0 = k₀, k₁, …, kₙ = 1 they join.
    private sealed record ChainShape(IReadOnlyList<int> Links, IReadOnlyList<int> Path);

    // The chain from label 0 to label 1: every link has exactly two distinct indices, every index on the
    // path is touched by exactly the links before and after it, and no other factor touches the path.
    private static ChainShape? Chain(CanonicalTerm term)
    {
        var indices = term.Factors.Select(f => FactorIndices.Of(f).ToArray()).ToArray();
        var links = new List<int>();
        var path = new List<int> { 0 };
        var current = 0;
        while (current != 1)
        {
            var touching = Enumerable.Range(0, indices.Length).Where(k => indices[k].Contains(current)).ToArray();
            var expected = current == 0 ? 1 : 2;
            if (touching.Length != expected) return null;
            var next = touching.Where(k => !links.Contains(k)).ToArray();
            if (next.Length != 1) return null;
            var link = indices[next[0]];
            if (link.Length != 2 || link[0] == link[1]) return null;
            current = link[0] == current ? link[1] : link[0];
            if (path.Contains(current)) return null;
            links.Add(next[0]);
            path.Add(current);
        }
        if (Enumerable.Range(0, indices.Length).Count(k => indices[k].Contains(1)) != 1) return null;
        return new ChainShape(links, path);
    }

    private static IEnumerable<IReadOnlyList<int>> Permutations(IReadOnlyList<int> items)
    {
        if (items.Count <= 1 || items.Count > MaxPermutedOuter)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
