using System.Numerics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Finds N with Σᵢⱼ Nᵢⱼ² equal to a canonical sum of squares, so √(body) prints as fro(N). A term that is
// a square splits into two halves exchanged by an involution σ of its bound indices (Σ AᵢₖBₖⱼAᵢₗBₗⱼ: σ
// swaps k and l); its half, over the indices σ fixes, is a candidate term of N with coefficient √c.
// N is then the candidates with signs and orientations chosen so that squaring N gives the body back,
// cross terms included — checked by canonical form, never assumed. Where squares have merged, small
// weighted sums of the terms' parts are tried (Weighted).
internal static class SquareRootForm
{
    private const int SplitsPerTerm = 4;
    private const int CombinationBudget = 256;
    private const int MaxSquareTerms = 8;

    public static PrintedForm? Root(CanonicalSum body, IReadOnlyList<ParameterRole> roles, FormScope scope)
    {
        ArgumentNullException.ThrowIfNull(body);
        var splits = new List<(CanonicalTerm Term, Rational Root, List<(Factor[] Half, int[] Shared)> Splits)>();
        foreach (var term in body.Terms)
        {
            if (ExactRoot(term.Coefficient) is not { } root) continue;
            // A count Σₖ1 is the square Σₖ1·1: its ones factor stands for two.
            var factors = term.Factors.SelectMany(f => f is OnesFactor ? new[] { f, f } : [f]).ToArray();
            var found = Splits(factors, term.BoundRanges.Count, body.Parameters.Count);
            if (found.Count > 0) splits.Add((term, root, found));
        }
        // N's rank is the largest a half has; a vector half (Σᵢ dᵢ² from a diagonal δᵢⱼdᵢ whose δ was
        // contracted) becomes the diagonal matrix again.
        var rank = splits.SelectMany(s => s.Splits).Select(s => s.Shared.Length).DefaultIfEmpty(0).Max();
        var options = new List<List<CanonicalSum>>();
        foreach (var (term, root, found) in splits)
        {
            var halves = found
                .Where(split => split.Shared.Length == rank || split.Shared.Length == 1 && rank == 2)
                .SelectMany(split => split.Shared.Length == rank
                    ? Orientations(split.Shared).Select(shared => Half(term, split.Half, shared, root, body.Parameters, diagonal: false))
                    : [Half(term, split.Half, split.Shared, root, body.Parameters, diagonal: true)])
                .ToList();
            if (halves.Count > 0) options.Add(halves);
        }
        if (options.Count > 0 && options.Count <= MaxSquareTerms)
        {
            var tried = 0;
            foreach (var root in Combinations(options, body.Parameters.Count))
            {
                if (++tried > CombinationBudget) break;
                if (SquaresTo(root, body) && Printed(root, body, roles, scope) is { } printed) return printed;
            }
        }
        foreach (var root in Weighted(body))
        {
            if (Printed(root, body, roles, scope) is { } printed) return printed;
        }
        return null;
    }

    private static PrintedForm? Printed(CanonicalSum root, CanonicalSum body, IReadOnlyList<ParameterRole> roles, FormScope scope)
    {
        var shared = root.Parameters.Count - body.Parameters.Count;
        var rootRoles = new List<ParameterRole>();
        if (shared >= 1) rootRoles.Add(RowRole.Instance);
        if (shared == 2) rootRoles.Add(ColumnRole.Instance);
        rootRoles.AddRange(roles);
        // fro(N) pins nothing of N's shape: its row and column are loose.
        var loose = Enumerable.Range(0, shared).ToHashSet();
        return MatrixForm.Print(root, rootRoles, scope, mentionAll: true, loose);
    }

    private static readonly Rational[] Weights = [1, 2, 3, Rational.Of(1, 2), -1, -2, -3, Rational.Of(-1, 2)];
    private const int MaxParts = 3;
    private const int MaxFactorsToPartition = 10;
    private const int WeightBudget = 4096;

    // When the squares have merged (‖2Aᵀ + A‖² = 5ΣA² + 4ΣAᵢⱼAⱼᵢ: no term is a square), N = Σ cₖSₖ over
    // parts Sₖ of the body's terms — any split of a term's factors into two parts that share only N's row
    // and column — with small weights cₖ, those whose square Sₖ⊙Sₖ is a term of the body. The square of a
    // weighted sum is Σ cₖcₗ (Sₖ⊙Sₗ), each product canonicalized once.
    private static IEnumerable<CanonicalSum> Weighted(CanonicalSum body)
    {
        var keys = body.Terms.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var rank in new[] { 2, 1, 0 })
        {
            var parts = new Dictionary<string, CanonicalSum>(StringComparer.Ordinal);
            foreach (var term in body.Terms)
            {
                var factors = term.Factors.SelectMany(f => f is OnesFactor ? new[] { f, f } : [f]).ToArray();
                if (factors.Length > MaxFactorsToPartition) continue;
                foreach (var (part, shared) in Parts(factors, body.Parameters.Count))
                {
                    if (shared.Length > rank) continue;
                    foreach (var half in Lifted(term, part, shared, rank, body.Parameters)) parts.TryAdd(half.Key, half);
                }
            }
            var candidates = parts.Values.Where(p => Square(p, p, body) is var square && square.Terms.Count > 0 && square.Terms.All(t => keys.Contains(t.Key))).ToArray();
            if (candidates.Length == 0) continue;
            var products = new Dictionary<(int, int), CanonicalSum>();
            CanonicalSum Product(int a, int b) => products.TryGetValue((Math.Min(a, b), Math.Max(a, b)), out var known)
                ? known : products[(Math.Min(a, b), Math.Max(a, b))] = Square(candidates[a], candidates[b], body);
            var tried = 0;
            foreach (var subset in Subsets(candidates.Length, MaxParts))
            {
                foreach (var weights in WeightChoices(subset.Length))
                {
                    if (++tried > WeightBudget) yield break;
                    var terms = new List<CanonicalTerm>();
                    for (var a = 0; a < subset.Length; a++)
                    {
                        for (var b = 0; b < subset.Length; b++)
                        {
                            var factor = weights[a] * weights[b];
                            terms.AddRange(Product(subset[a], subset[b]).Terms.Select(t => t with { Coefficient = t.Coefficient * factor }));
                        }
                    }
                    if (!CanonicalSum.Of(body.Parameters, terms).Equals(body)) continue;
                    yield return CanonicalSum.Of(candidates[subset[0]].Parameters,
                        subset.SelectMany((k, a) => candidates[k].Terms.Select(t => t with { Coefficient = t.Coefficient * weights[a] })));
                }
            }
        }
    }

    // A part over fewer shared indices than N has, given the missing ones through δ: with a shared index
    // (δₛₜ: the diagonal matrix of a vector) or with a parameter of the body (δₛⱼ: the part sits in entry j,
    // whose δ the body contracted). Every order of N's row and column is offered.
    private static IEnumerable<CanonicalSum> Lifted(CanonicalTerm term, Factor[] part, int[] shared, int rank, IReadOnlyList<Dim> parameters)
    {
        var labelRanges = parameters.Concat(term.BoundRanges).ToArray();
        IEnumerable<List<(int? With, Dim Range)>> Fillings(int missing, IReadOnlyList<int> present)
        {
            if (missing == 0) { yield return []; yield break; }
            var partners = present.Select(l => ((int?)l, labelRanges[l])).Concat(Enumerable.Range(0, parameters.Count).Select(p => ((int?)p, parameters[p])));
            foreach (var partner in partners)
            {
                foreach (var rest in Fillings(missing - 1, present)) yield return [partner, .. rest];
            }
        }
        foreach (var filling in Fillings(rank - shared.Length, shared))
        {
            var pool = new IndexPool();
            var ids = labelRanges.Select(pool.Fresh).ToArray();
            var factors = part.Select(f => FactorIndices.Rename(f, l => ids[l])).ToList();
            var sharedIds = shared.Select(l => ids[l]).ToList();
            foreach (var (with, range) in filling)
            {
                var added = pool.Fresh(range);
                factors.Add(new DeltaFactor(ids[with!.Value], added));
                sharedIds.Add(added);
            }
            foreach (var order in Orientations([.. sharedIds]))
            {
                var raw = new RawTerm(Rational.One, new EquatableArray<Factor>(factors));
                yield return Canonicalizer.Canonicalize([raw], [.. order, .. ids.Take(parameters.Count)], pool);
            }
        }
    }

    private static IEnumerable<int[]> Subsets(int count, int maxSize)
    {
        for (var size = 1; size <= Math.Min(maxSize, count); size++)
        {
            var chosen = Enumerable.Range(0, size).ToArray();
            while (true)
            {
                yield return [.. chosen];
                var k = size - 1;
                while (k >= 0 && chosen[k] == count - size + k) k--;
                if (k < 0) break;
                chosen[k]++;
                for (var j = k + 1; j < size; j++) chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    // Weights for the parts of a subset; the first positive (fro(N) = fro(-N)).
    private static IEnumerable<Rational[]> WeightChoices(int size)
    {
        var choice = new int[size];
        while (true)
        {
            if (Weights[choice[0]].Sign > 0) yield return choice.Select(c => Weights[c]).ToArray();
            var k = 0;
            while (k < size && ++choice[k] == Weights.Length) choice[k++] = 0;
            if (k == size) yield break;
        }
    }

    // Splits of a term's factors into a part and the rest that share at most two bound indices, the
    // shared ones listed.
    private static IEnumerable<(Factor[] Part, int[] Shared)> Parts(Factor[] factors, int parameterCount)
    {
        var count = factors.Length;
        for (var mask = 1; mask < (1 << count) - 1; mask++)
        {
            var part = Enumerable.Range(0, count).Where(f => (mask >> f & 1) == 1).ToArray();
            var rest = Enumerable.Range(0, count).Where(f => (mask >> f & 1) == 0).ToArray();
            var inPart = part.SelectMany(f => FactorIndices.Of(factors[f])).Where(l => l >= parameterCount).ToHashSet();
            var shared = rest.SelectMany(f => FactorIndices.Of(factors[f])).Where(inPart.Contains).Distinct().Order().ToArray();
            if (shared.Length <= 2) yield return (part.Select(f => factors[f]).ToArray(), shared);
        }
    }

    // Σ over the shared indices of A⊙B, as a canonical sum over the body's parameters.
    private static CanonicalSum Square(CanonicalSum left, CanonicalSum right, CanonicalSum body)
    {
        var pool = new IndexPool();
        var parameterIds = body.Parameters.Select(pool.Fresh).ToArray();
        var shared = left.Parameters.Take(left.Parameters.Count - body.Parameters.Count).Select(pool.Fresh).ToArray();
        var arguments = shared.Concat(parameterIds).ToArray();
        var a = FunctionFactors.Instantiate(left, arguments, pool);
        var b = FunctionFactors.Instantiate(right, arguments, pool);
        var product = a.SelectMany(l => b.Select(r => shared.Aggregate(l.Times(r), (t, id) => t.With(new OnesFactor(id))))).ToArray();
        return Canonicalizer.Canonicalize(product, parameterIds, pool);
    }

    // N = Σ ±halfₜ, one half per square term, the first with sign +; all with the same index ranges.
    private static IEnumerable<CanonicalSum> Combinations(List<List<CanonicalSum>> options, int parameterCount)
    {
        var choice = new int[options.Count];
        var signs = 1 << (options.Count - 1);
        while (true)
        {
            var picked = options.Select((o, k) => o[choice[k]]).ToArray();
            if (picked.All(p => p.Parameters.SequenceEqual(picked[0].Parameters)))
            {
                for (var s = 0; s < signs; s++)
                {
                    var terms = picked.SelectMany((p, k) => k > 0 && (s >> (k - 1) & 1) == 1
                        ? p.Terms.Select(t => t with { Coefficient = -t.Coefficient })
                        : p.Terms);
                    var root = CanonicalSum.Of(picked[0].Parameters, terms);
                    if (root.Parameters.Count - parameterCount <= 2) yield return root;
                }
            }
            var k2 = 0;
            while (k2 < options.Count && ++choice[k2] == options[k2].Count) choice[k2++] = 0;
            if (k2 == options.Count) yield break;
        }
    }

    private static IEnumerable<int[]> Orientations(int[] shared) =>
        shared.Length == 2 ? [shared, [shared[1], shared[0]]] : [shared];

    // The half as a canonical sum with parameters [its shared indices…, the body's parameters…]; with
    // `diagonal`, a vector half dᵢ as the matrix δᵢⱼdᵢ.
    private static CanonicalSum Half(CanonicalTerm term, Factor[] half, int[] shared, Rational root, IReadOnlyList<Dim> parameters, bool diagonal)
    {
        var pool = new IndexPool();
        var ids = parameters.Concat(term.BoundRanges).Select(pool.Fresh).ToArray();
        var factors = half.Select(f => FactorIndices.Rename(f, l => ids[l])).ToList();
        var sharedIds = shared.Select(l => ids[l]).ToList();
        if (diagonal)
        {
            var column = pool.Fresh(pool.Range(sharedIds[0]));
            factors.Add(new DeltaFactor(sharedIds[0], column));
            sharedIds.Add(column);
        }
        var raw = new RawTerm(root, new EquatableArray<Factor>(factors));
        return Canonicalizer.Canonicalize([raw], [.. sharedIds, .. ids.Take(parameters.Count)], pool);
    }

    private static bool SquaresTo(CanonicalSum root, CanonicalSum body) => Square(root, root, body).Equals(body);

    // Ways to split a term's factors into two halves exchanged by an involution of its bound indices:
    // each factor is paired with a copy of itself under σ; the factors joined through indices σ moves
    // form components that σ pairs up, and one of each pair makes the half.
    private static List<(Factor[] Half, int[] Shared)> Splits(Factor[] factors, int boundCount, int parameterCount)
    {
        var results = new List<(Factor[] Half, int[] Shared)>();
        if (factors.Length % 2 != 0) return results;
        var labelCount = parameterCount + boundCount;
        var sigma = Enumerable.Range(0, labelCount).Select(l => l < parameterCount ? l : -1).ToArray();
        var partner = Enumerable.Repeat(-1, factors.Length).ToArray();
        var indices = factors.Select(f => FactorIndices.Of(f).ToArray()).ToArray();
        var labels = factors.Select(Canonicalizer.FactorLabel).ToArray();

        void Pair()
        {
            if (results.Count >= SplitsPerTerm) return;
            var f = Array.IndexOf(partner, -1);
            if (f < 0)
            {
                if (Split(sigma, partner, indices, parameterCount) is { } split) results.Add((split.Half.Select(h => factors[h]).ToArray(), split.Shared));
                return;
            }
            for (var g = f + 1; g < factors.Length; g++)
            {
                if (partner[g] != -1 || labels[g] != labels[f] || indices[g].Length != indices[f].Length) continue;
                var changed = new List<int>();
                var consistent = true;
                for (var q = 0; q < indices[f].Length && consistent; q++)
                {
                    var (a, b) = (indices[f][q], indices[g][q]);
                    consistent = Assign(sigma, a, b, changed) && Assign(sigma, b, a, changed);
                }
                if (consistent)
                {
                    (partner[f], partner[g]) = (g, f);
                    Pair();
                    (partner[f], partner[g]) = (-1, -1);
                }
                foreach (var l in changed) sigma[l] = -1;
            }
        }

        Pair();
        return results;
    }

    private static bool Assign(int[] sigma, int from, int to, List<int> changed)
    {
        if (sigma[from] == to) return true;
        if (sigma[from] != -1) return false;
        sigma[from] = to;
        changed.Add(from);
        return true;
    }

    private static (int[] Half, int[] Shared)? Split(int[] sigma, int[] partner, int[][] indices, int parameterCount)
    {
        bool Moved(int label) => sigma[label] != -1 && sigma[label] != label;
        var count = partner.Length;
        var component = Enumerable.Repeat(-1, count).ToArray();
        var components = new List<List<int>>();
        for (var seed = 0; seed < count; seed++)
        {
            if (component[seed] != -1) continue;
            var members = new List<int> { seed };
            component[seed] = components.Count;
            for (var k = 0; k < members.Count; k++)
            {
                foreach (var label in indices[members[k]].Where(Moved))
                {
                    for (var other = 0; other < count; other++)
                    {
                        if (component[other] == -1 && indices[other].Contains(label))
                        {
                            component[other] = components.Count;
                            members.Add(other);
                        }
                    }
                }
            }
            components.Add(members);
        }
        var half = new List<int>();
        foreach (var members in components)
        {
            var images = members.Select(m => component[partner[m]]).Distinct().ToArray();
            if (images.Length != 1 || images[0] == component[members[0]]) return null;
            if (components[images[0]].Count != members.Count) return null;
            if (members.Min() < components[images[0]].Min()) half.AddRange(members);
        }
        var shared = half.SelectMany(f => indices[f]).Where(l => l >= parameterCount && !Moved(l)).Distinct().Order().ToArray();
        return shared.Length <= 2 ? ([.. half.Order()], shared) : null;
    }

    private static Rational? ExactRoot(Rational value)
    {
        if (value.Sign <= 0) return null;
        return Root(value.Numerator) is { } p && Root(value.Denominator) is { } q ? Rational.Of(p, q) : null;
    }

    private static BigInteger? Root(BigInteger n)
    {
        if (n.IsZero) return n;
        var x = (BigInteger)Math.Sqrt((double)n);
        for (var k = 0; k < 64 && x * x != n; k++) x = (x + n / x) / 2;
        return x * x == n ? x : null;
    }
}
