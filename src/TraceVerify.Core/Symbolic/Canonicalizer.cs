using System.Diagnostics;
using System.Globalization;
using System.Text;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Brings index-form terms to canonical form: Kronecker deltas contracted, redundant ones dropped,
// bound indices relabelled canonically and factors put in canonical order.
//
// Labelling is a breadth-first walk from the parameters (free indices, in their fixed order — never
// permuted, so a transposed matrix stays a different matrix). At each index the unvisited factors
// touching it are taken in order of (label, already-known argument labels); only a tie between factors
// with still-unlabelled arguments is a real choice, and then every choice is tried and the least
// serialization kept. Components not reachable from a parameter (traces, scalar factors) are
// canonicalized on their own — trying each least-keyed start factor: for a traced cycle this is the
// least rotation, over both orientations since a reversed cycle is its transpose — and sorted.
// A chain of n factors costs O(n); only symmetric ties branch, under a budget: past it the first
// choice is taken, which still yields a correct (if not provably least) relabelling.
internal static class Canonicalizer
{
    public const int BranchBudget = 256;

    // Shape is that of the expression the terms are the form of (null for a function body).
    public static CanonicalSum Canonicalize(IEnumerable<RawTerm> terms, IReadOnlyList<int> parameterIds, IndexPool pool, Shape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var parameters = parameterIds.Select(pool.Range).ToArray();
        var isParameter = new HashSet<int>(parameterIds);
        var parameterOrder = new Dictionary<int, int>();
        for (var p = 0; p < parameterIds.Count; p++) parameterOrder.TryAdd(parameterIds[p], p);
        // Like terms are merged as they are labelled, so only distinct terms stay alive: the n terms of
        // ∂ tr(Xⁿ)/∂X are one term, and keeping all of them would make the garbage collector copy them.
        var canonical = new Dictionary<string, CanonicalTerm>(StringComparer.Ordinal);
        // A term holding the square of a function (FunctionSquares) is replaced by its rewritten terms, which
        // are simplified in turn before any is labelled.
        var pending = new Stack<RawTerm>();
        var splits = 0;
        foreach (var next in terms)
        {
            pending.Push(next);
            while (pending.TryPop(out var raw))
            {
                WorkCancellation.ThrowIfRequested();
                if (raw.Coefficient.IsZero) continue;
                var simplified = Simplify(raw, isParameter, parameterOrder, pool);
                if (simplified.Coefficient.IsZero) continue;
                if (PositionPinning.Split(simplified, parameterIds, pool) is { } pieces)
                {
                    if ((splits += pieces.Count) > Lowering.MaxTerms)
                        throw new ExpansionLimitException($"writing indices over their positions exceeds the limit of {Lowering.MaxTerms} terms");
                    foreach (var piece in pieces) pending.Push(piece);
                    continue;
                }
                if (FunctionSquares.Expand(simplified, pool) is { } expanded)
                {
                    foreach (var piece in expanded) pending.Push(piece);
                    continue;
                }
                if (OddRootPowers.Expand(simplified, pool) is { } powers)
                {
                    foreach (var piece in powers) pending.Push(piece);
                    continue;
                }
                var term = LabelEitherOrientation(simplified, parameterIds, pool);
                canonical[term.Key] = canonical.TryGetValue(term.Key, out var like) ? like with { Coefficient = like.Coefficient + term.Coefficient } : term;
            }
        }
        return CanonicalSum.Of(parameters, canonical.Values, shape);
    }

    // δ_ab with a bound index is contracted by renaming; δ_aa is 1 (or, alone on a bound index, its range);
    // ones_i is 1 and is kept only as the sole use of a bound index i, where it stands for i's range; a range
    // of known size k is the number k (tr(I) of a declared 5×5 I is 5).
    // The renaming lambdas live in helpers: captured here, they would cost a closure for every factor scanned.
    private static RawTerm Simplify(RawTerm term, HashSet<int> isParameter, Dictionary<int, int> parameterOrder, IndexPool pool)
    {
        var factors = term.Factors.ToList();
        var changed = true;
        while (changed)
        {
            changed = false;
            // Positions first: a δ between two parameters pinned to positions is decided before it rewrites one as the other.
            switch (PinPositions(factors, isParameter, parameterOrder, pool))
            {
                case null: return RawTerm.Constant(Rational.Zero);
                case true: changed = true; continue;
            }
            for (var k = 0; k < factors.Count; k++)
            {
                if (factors[k] is not DeltaFactor delta) continue;
                if (delta.First == delta.Second)
                {
                    factors.RemoveAt(k);
                    if (!isParameter.Contains(delta.First) && !AnyMentions(factors, delta.First))
                        factors.Add(new OnesFactor(delta.First));
                    changed = true;
                    break;
                }
                int from, to;
                if (!isParameter.Contains(delta.Second)) (from, to) = (delta.Second, delta.First);
                else if (!isParameter.Contains(delta.First)) (from, to) = (delta.First, delta.Second);
                else
                {
                    // δ_pq between two parameters stays, but forces p = q in every other factor: write the
                    // later parameter as the earlier one there, so I .* f(X) and δ·f(X)_pp agree.
                    var (keep, drop) = parameterOrder[delta.First] < parameterOrder[delta.Second] ? (delta.First, delta.Second) : (delta.Second, delta.First);
                    // δ is symmetric: written with the earlier parameter first, I' and I are one form.
                    var renamed = delta.First != keep;
                    factors[k] = new DeltaFactor(keep, drop);
                    for (var j = 0; j < factors.Count; j++)
                    {
                        if (j == k || !FactorIndices.Mentions(factors[j], drop)) continue;
                        factors[j] = Substitute(factors[j], drop, keep);
                        renamed = true;
                    }
                    if (!renamed) continue;
                    changed = true;
                    break;
                }
                factors.RemoveAt(k);
                for (var j = 0; j < factors.Count; j++)
                {
                    // Only factors on `from` change; renaming the rest would rebuild equal factors.
                    if (FactorIndices.Mentions(factors[j], from)) factors[j] = Substitute(factors[j], from, to);
                }
                changed = true;
                break;
            }
            if (!changed)
            {
                changed = MergeRepeatedArguments(factors, pool) || ContractInverse(factors, isParameter, pool)
                    || CancelReciprocal(factors, isParameter, pool) || CancelRootReciprocal(factors, pool)
                    || ContractOrthogonal(factors, isParameter);
            }
        }
        var used = new HashSet<int>(factors.Where(f => f is not OnesFactor).SelectMany(FactorIndices.Of));
        var keptOnes = new HashSet<int>();
        factors.RemoveAll(f => f is OnesFactor o && (isParameter.Contains(o.Index) || used.Contains(o.Index) || !keptOnes.Add(o.Index)));
        var coefficient = term.Coefficient;
        foreach (var index in keptOnes)
        {
            if (pool.Range(index) is not KnownDim known) continue;
            coefficient *= Rational.Of(known.Size);
            factors.RemoveAll(f => f is OnesFactor o && o.Index == index);
        }
        return new RawTerm(coefficient, new EquatableArray<Factor>(factors));
    }

    // Positions (e_p(i) = [i = p]): one simplification per call, true if one was made, null if the term is zero.
    // e_p(i)·e_q(i) is e_p(i) if p = q, else 0; a position past a known range is 0; δ(a,b)·e_p(a)·e_q(b) is
    // e_p(a)·e_q(b) if p = q, else 0; indices of one range pinned to one position are one index, written as the
    // group's representative — its earliest parameter, else its first bound index: a bound member is renamed to
    // it (Σᵢ e_p(i)·f(i, j)·e_p(j) = f(j, j)·e_p(j)), a later parameter keeps its own e_p but is written as the
    // representative in every other factor (like δ between parameters); a bound index used by its position alone
    // sums it to 1 (position 1 exists in every range, a later one only in a known range it fits).
    private static bool? PinPositions(List<Factor> factors, HashSet<int> isParameter, Dictionary<int, int> parameterOrder, IndexPool pool)
    {
        if (!factors.Exists(f => f is PositionFactor)) return false;
        var at = new Dictionary<int, int>();
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not PositionFactor e) continue;
            if (pool.Range(e.Index) is KnownDim known && e.Position > known.Size) return null;
            if (at.TryGetValue(e.Index, out var first))
            {
                if (((PositionFactor)factors[first]).Position != e.Position) return null;
                factors.RemoveAt(k);
                return true;
            }
            at[e.Index] = k;
        }
        if (at.Count == 0) return false;
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not DeltaFactor d || !at.TryGetValue(d.First, out var a) || !at.TryGetValue(d.Second, out var b)) continue;
            if (((PositionFactor)factors[a]).Position != ((PositionFactor)factors[b]).Position) return null;
            factors.RemoveAt(k);
            return true;
        }
        var representatives = new Dictionary<(int Position, Dim Range), int>();
        foreach (var index in at.Keys.OrderBy(i => isParameter.Contains(i) ? parameterOrder[i] : int.MaxValue))
        {
            var group = (((PositionFactor)factors[at[index]]).Position, pool.Range(index));
            if (!representatives.TryGetValue(group, out var representative))
            {
                representatives[group] = index;
                continue;
            }
            var own = at[index];
            if (!isParameter.Contains(index))
            {
                factors.RemoveAt(own);
                for (var f = 0; f < factors.Count; f++)
                {
                    if (FactorIndices.Mentions(factors[f], index)) factors[f] = Substitute(factors[f], index, representative);
                }
                return true;
            }
            var renamed = false;
            for (var f = 0; f < factors.Count; f++)
            {
                if (f == own || !FactorIndices.Mentions(factors[f], index)) continue;
                factors[f] = Substitute(factors[f], index, representative);
                renamed = true;
            }
            if (renamed) return true;
        }
        foreach (var (index, k) in at)
        {
            var e = (PositionFactor)factors[k];
            if (isParameter.Contains(index) || !(e.Position == 1 || pool.Range(index) is KnownDim)) continue;
            if (Enumerable.Range(0, factors.Count).Any(f => f != k && FactorIndices.Mentions(factors[f], index))) continue;
            factors.RemoveAt(k);
            return true;
        }
        return false;
    }

    // Σ_c inv(M)[r,c]·L[c,x] = δ(r,x) and Σ_r L[x,r]·inv(M)[r,c] = δ(x,c) when the link L, read with that
    // row and column, has exactly M's canonical form and the summed index is used by the two factors alone;
    // likewise adj(M)·M = M·adj(M) = det(M)·I.
    private static bool ContractInverse(List<Factor> factors, HashSet<int> isParameter, IndexPool pool)
    {
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not MatrixFunctionFactor { Function: MatrixFunction.Inverse or MatrixFunction.Adjugate, Arguments.Count: 2 } inverse) continue;
            var (row, column) = (inverse.Arguments[0], inverse.Arguments[1]);
            if (row == column) continue;
            foreach (var (summed, inverseIsLeft) in new[] { (column, true), (row, false) })
            {
                if (isParameter.Contains(summed)) continue;
                var others = Enumerable.Range(0, factors.Count).Where(j => j != k && FactorIndices.Mentions(factors[j], summed)).ToArray();
                if (others.Length != 1) continue;
                var link = FactorIndices.Of(factors[others[0]]).ToArray();
                if (link.Length != 2 || link[0] == link[1] || !link.Contains(summed)) continue;
                var other = link[0] == summed ? link[1] : link[0];
                int[] parameters = inverseIsLeft ? [summed, other] : [other, summed];
                var form = Canonicalize([new RawTerm(Rational.One, new EquatableArray<Factor>([factors[others[0]]]))], parameters, pool);
                if (!string.Equals(form.Key, inverse.Body.Key, StringComparison.Ordinal)) continue;
                var identity = inverseIsLeft ? new DeltaFactor(row, other) : new DeltaFactor(other, column);
                IReadOnlyList<Factor> determinant = [];
                if (inverse.Function == MatrixFunction.Adjugate)
                {
                    var (p, q) = MatrixFunctionFactors.FreshEntry(inverse, pool);
                    var made = MatrixFunctionFactors.Make(MatrixFunction.Determinant, MatrixFunctionFactors.Instantiate(inverse, p, q, pool), p, q, [], [], pool);
                    if (made is not [{ Coefficient.IsOne: true } single]) continue;
                    determinant = single.Factors;
                }
                var (first, second) = (Math.Max(k, others[0]), Math.Min(k, others[0]));
                factors.RemoveAt(first);
                factors.RemoveAt(second);
                factors.Add(identity);
                factors.AddRange(determinant);
                return true;
            }
        }
        return false;
    }

    // g·(1/g) = 1 where both are defined: a reciprocal whose body is exactly another factor g of the term at
    // the same indices (g mentioning no index but the reciprocal's arguments) cancels with it. A bound index
    // only the pair used still counts its range: Σᵢ xᵢ/xᵢ = n, so it keeps a ones factor.
    private static bool CancelReciprocal(List<Factor> factors, HashSet<int> isParameter, IndexPool pool)
    {
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not FunctionFactor { Function: FunctionKind.Reciprocal, Body.Terms.Count: 1 } reciprocal
                || reciprocal.Body.Terms[0].Factors.Count != 1) continue;
            for (var j = 0; j < factors.Count; j++)
            {
                if (j == k || factors[j] is OnesFactor || !FactorIndices.Of(factors[j]).All(reciprocal.Arguments.Contains)) continue;
                var form = Canonicalize([new RawTerm(Rational.One, new EquatableArray<Factor>([factors[j]]))], reciprocal.Arguments, pool);
                if (!string.Equals(form.Key, reciprocal.Body.Key, StringComparison.Ordinal)) continue;
                factors.RemoveAt(Math.Max(j, k));
                factors.RemoveAt(Math.Min(j, k));
                foreach (var index in reciprocal.Arguments.Distinct())
                {
                    if (!isParameter.Contains(index) && !AnyMentions(factors, index)) factors.Add(new OnesFactor(index));
                }
                return true;
            }
        }
        return false;
    }

    // f(u) at arguments (r, r) — a δ between two parameters wrote one for the other — is rebuilt as f of u with
    // those places identified, so cos(X)[r,r] from I .* cos(X) and cos(X[r,r]) from a derivative are one factor.
    private static bool MergeRepeatedArguments(List<Factor> factors, IndexPool pool)
    {
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not FunctionFactor f || f.Arguments.Distinct().Count() == f.Arguments.Count) continue;
            var made = FunctionFactors.Make(f.Function, FunctionFactors.Instantiate(f.Body, f.Arguments, pool), f.Arguments.Distinct().ToArray(), pool, f.Degree);
            if (made is not [{ Coefficient.IsOne: true, Factors: [FunctionFactor merged] }] || merged.Equals(f)) continue;
            factors[k] = merged;
            return true;
        }
        return false;
    }

    // g·(1/√g) = √g where both are defined (g > 0): a reciprocal whose body is exactly one √h, with h's body
    // exactly another factor g of the term at the same indices, becomes that √h. So det(X)/√det(X) and
    // s·s^(-1/2) meet √det(X) and s^(1/2).
    private static bool CancelRootReciprocal(List<Factor> factors, IndexPool pool)
    {
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not FunctionFactor { Function: FunctionKind.Reciprocal, Body.Terms: [{ Coefficient.IsOne: true, BoundRanges.Count: 0, Factors: [FunctionFactor { Function: FunctionKind.Sqrt } root] }] } reciprocal)
                continue;
            var rootArguments = root.Arguments.Select(p => reciprocal.Arguments[p]).ToArray();
            for (var j = 0; j < factors.Count; j++)
            {
                if (j == k || factors[j] is OnesFactor || !FactorIndices.Of(factors[j]).All(rootArguments.Contains)) continue;
                var form = Canonicalize([new RawTerm(Rational.One, new EquatableArray<Factor>([factors[j]]))], rootArguments, pool);
                if (!string.Equals(form.Key, root.Body.Key, StringComparison.Ordinal)) continue;
                factors[j] = root with { Arguments = new EquatableArray<int>(rootArguments) };
                factors.RemoveAt(k);
                return true;
            }
        }
        return false;
    }

    // Σ_k Q[k,i]·Q[k,j] = δ(i,j) (QᵀQ = I) and Σ_k Q[i,k]·Q[j,k] = δ(i,j) (QQᵀ = I) for a symbol the entry declares
    // orthogonal (OrthogonalSymbols), when the summed index k is used by the two factors alone, in the same slot.
    private static bool ContractOrthogonal(List<Factor> factors, HashSet<int> isParameter)
    {
        for (var a = 0; a < factors.Count; a++)
        {
            if (factors[a] is not TensorFactor { Indices.Count: 2 } first || !OrthogonalSymbols.Contains(first.Symbol)) continue;
            for (var b = a + 1; b < factors.Count; b++)
            {
                if (factors[b] is not TensorFactor { Indices.Count: 2 } second || second.Symbol != first.Symbol) continue;
                for (var slot = 0; slot < 2; slot++)
                {
                    var summed = first.Indices[slot];
                    if (second.Indices[slot] != summed || isParameter.Contains(summed)) continue;
                    if (first.Indices[1 - slot] == summed || second.Indices[1 - slot] == summed) continue;
                    if (Enumerable.Range(0, factors.Count).Any(j => j != a && j != b && FactorIndices.Mentions(factors[j], summed))) continue;
                    var delta = new DeltaFactor(first.Indices[1 - slot], second.Indices[1 - slot]);
                    factors.RemoveAt(b);
                    factors.RemoveAt(a);
                    factors.Add(delta);
                    return true;
                }
            }
        }
        return false;
    }

    private static bool AnyMentions(List<Factor> factors, int id)
    {
        foreach (var factor in factors)
        {
            if (FactorIndices.Mentions(factor, id)) return true;
        }
        return false;
    }

    private static Factor Substitute(Factor factor, int from, int to) => FactorIndices.Rename(factor, i => i == from ? to : i);

    // inv(M) and adj(M) of a symmetric M are symmetric: their entry arguments are unordered, so the term is
    // labelled with each orientation of (at most MaxReorientedFactors of) them and the least key is kept. Past
    // that many the rest keep their order, which is still a correct (if not provably least) form.
    private const int MaxReorientedFactors = 4;

    private static CanonicalTerm LabelEitherOrientation(RawTerm term, IReadOnlyList<int> parameterIds, IndexPool pool)
    {
        var best = Label(term, parameterIds, pool);
        var symmetric = new List<int>();
        for (var k = 0; k < term.Factors.Count && symmetric.Count < MaxReorientedFactors; k++)
        {
            if (term.Factors[k] is MatrixFunctionFactor { SymmetricBody: true } f && f.Arguments[0] != f.Arguments[1]) symmetric.Add(k);
        }
        for (var mask = 1; mask < 1 << symmetric.Count; mask++)
        {
            var factors = term.Factors.ToArray();
            for (var b = 0; b < symmetric.Count; b++)
            {
                if ((mask & (1 << b)) == 0) continue;
                var f = (MatrixFunctionFactor)factors[symmetric[b]];
                factors[symmetric[b]] = f with { Arguments = new EquatableArray<int>([f.Arguments[1], f.Arguments[0], .. f.Arguments.Skip(2)]) };
            }
            var candidate = Label(new RawTerm(term.Coefficient, new EquatableArray<Factor>(factors)), parameterIds, pool);
            if (string.CompareOrdinal(candidate.Key, best.Key) < 0) best = candidate;
        }
        return best;
    }

    private static CanonicalTerm Label(RawTerm term, IReadOnlyList<int> parameterIds, IndexPool pool)
    {
        var graph = new TermGraph(term.Factors.ToArray());
        var budget = new Budget();

        // The part reachable from the parameters.
        var start = new LabelState(graph.Count);
        foreach (var id in parameterIds)
        {
            start.Labels[id] = start.NextLabel++;
            start.Queue.Enqueue(id);
        }
        var main = Search(start, graph, budget);

        // Closed components, each canonical on its own, then sorted.
        var components = new List<(string Serial, LabelState State)>();
        var visited = (bool[])main.Visited.Clone();
        for (var f = 0; f < graph.Count; f++)
        {
            if (visited[f]) continue;
            var members = ComponentOf(f, graph);
            foreach (var m in members) visited[m] = true;
            var best = BestStart(members, graph, budget);
            components.Add((Serialize(best, graph, pool, 0), best));
        }
        components.Sort((a, b) => string.CompareOrdinal(a.Serial, b.Serial));

        var finalLabels = new Dictionary<int, int>(main.Labels);
        var order = new List<int>(main.Order);
        var next = main.NextLabel;
        foreach (var (_, state) in components)
        {
            foreach (var (id, label) in state.Labels) finalLabels[id] = label + next;
            next += state.NextLabel;
            order.AddRange(state.Order);
        }
        var boundRanges = new Dim[next - parameterIds.Count];
        foreach (var (id, label) in finalLabels)
        {
            if (label >= parameterIds.Count) boundRanges[label - parameterIds.Count] = pool.Range(id);
        }
        // One delegate for all factors (a lambda inside the Select would allocate one per factor).
        Func<int, int> relabel = id => finalLabels[id];
        var relabelled = order.Select(f => FactorIndices.Rename(graph.Factors[f], relabel)).ToArray();
        var key = new StringBuilder(Serialize(main, graph, pool, parameterIds.Count));
        foreach (var (serial, _) in components) key.Append('‖').Append(serial);
        return new CanonicalTerm(term.Coefficient, relabelled, boundRanges, key.ToString());
    }

    private static List<int> ComponentOf(int seed, TermGraph graph)
    {
        var members = new List<int> { seed };
        var seen = new HashSet<int> { seed };
        for (var k = 0; k < members.Count; k++)
        {
            foreach (var id in graph.Indices[members[k]])
            {
                foreach (var other in graph.Adjacency[id])
                {
                    if (seen.Add(other)) members.Add(other);
                }
            }
        }
        return members;
    }

    private static LabelState BestStart(List<int> members, TermGraph graph, Budget budget)
    {
        var empty = new LabelState(graph.Count);
        var keyed = members.Select(m => (Factor: m, Key: CandidateKey(m, graph, empty))).ToList();
        var least = keyed.Select(k => k.Key).Min(StringComparer.Ordinal)!;
        LabelState? best = null;
        string? bestSerial = null;
        var tried = new HashSet<Factor>();
        foreach (var (m, key) in keyed)
        {
            if (!string.Equals(key, least, StringComparison.Ordinal) || !tried.Add(graph.Factors[m])) continue;
            if (best is not null && !budget.Take()) break;
            var state = new LabelState(graph.Count);
            Visit(state, m, graph);
            var done = Search(state, graph, budget);
            var serial = Serialize(done, graph, null, 0);
            if (bestSerial is null || string.CompareOrdinal(serial, bestSerial) < 0) (best, bestSerial) = (done, serial);
        }
        return best!;
    }

    private static LabelState Search(LabelState state, TermGraph graph, Budget budget)
    {
        var ties = new List<int>();
        while (state.Queue.Count > 0)
        {
            var id = state.Queue.Peek();
            if (!graph.Adjacency.TryGetValue(id, out var incident)) { state.Queue.Dequeue(); continue; }
            string? leastKey = null;
            ties.Clear();
            foreach (var f in incident)
            {
                if (state.Visited[f]) continue;
                var key = CandidateKey(f, graph, state);
                var cmp = leastKey is null ? -1 : string.CompareOrdinal(key, leastKey);
                if (cmp < 0) { leastKey = key; ties.Clear(); ties.Add(f); }
                else if (cmp == 0) ties.Add(f);
            }
            if (leastKey is null) { state.Queue.Dequeue(); continue; }
            // Only a tie between different factors with unlabelled arguments is a choice; most indices have one candidate.
            var distinct = ties.Count > 1 && leastKey.Contains('?', StringComparison.Ordinal) ? ties.DistinctBy(t => graph.Factors[t]).ToList() : null;
            if (distinct is { Count: > 1 } && budget.Take())
            {
                LabelState? best = null;
                string? bestSerial = null;
                foreach (var choice in distinct)
                {
                    var branch = state.Clone();
                    Visit(branch, choice, graph);
                    var done = Search(branch, graph, budget);
                    var serial = Serialize(done, graph, null, 0);
                    if (bestSerial is null || string.CompareOrdinal(serial, bestSerial) < 0) (best, bestSerial) = (done, serial);
                }
                return best!;
            }
            Visit(state, ties[0], graph);
        }
        return state;
    }

    private static void Visit(LabelState state, int factor, TermGraph graph)
    {
        state.Visited[factor] = true;
        state.Order.Add(factor);
        foreach (var id in graph.Indices[factor])
        {
            if (state.Labels.TryAdd(id, state.NextLabel))
            {
                state.NextLabel++;
                state.Queue.Enqueue(id);
            }
        }
    }

    // The factor's label and its arguments: known labels as numbers, unknown ones as ?k by first appearance.
    private static string CandidateKey(int factor, TermGraph graph, LabelState state)
    {
        var b = graph.KeyBuilder.Clear().Append(graph.Labels[factor]).Append('(');
        var indices = graph.Indices[factor];
        Span<int> unknown = stackalloc int[indices.Length];
        var unknownCount = 0;
        foreach (var id in indices)
        {
            if (state.Labels.TryGetValue(id, out var label)) b.Append(CultureInfo.InvariantCulture, $"{label}");
            else
            {
                var k = unknown[..unknownCount].IndexOf(id);
                if (k < 0) { k = unknownCount; unknown[unknownCount++] = id; }
                b.Append(CultureInfo.InvariantCulture, $"?{k}");
            }
            b.Append(',');
        }
        return b.Append(')').ToString();
    }

    public static string FactorLabel(Factor factor) => factor switch
    {
        TensorFactor t => "S" + t.Symbol,
        DeltaFactor => "δ",
        OnesFactor => "1",
        PositionFactor e => "e" + e.Position.ToString(CultureInfo.InvariantCulture),
        FunctionFactor { Function: FunctionKind.OddRoot } f => "F" + f.Function.ToString() + f.Degree.ToString(CultureInfo.InvariantCulture) + "{" + f.Body.Key + "}",
        FunctionFactor f => "F" + f.Function.ToString() + "{" + f.Body.Key + "}",
        MatrixFunctionFactor f => "M" + f.Function.ToString() + "{" + f.Body.Key + "}",
        _ => throw new UnreachableException($"no label for {factor.GetType().Name}"),
    };

    private static string Serialize(LabelState state, TermGraph graph, IndexPool? pool, int parameterCount)
    {
        var b = new StringBuilder();
        foreach (var f in state.Order)
        {
            b.Append(graph.Labels[f]).Append('(');
            foreach (var id in graph.Indices[f]) b.Append(CultureInfo.InvariantCulture, $"{state.Labels[id]},");
            b.Append(')');
        }
        if (pool is not null)
        {
            b.Append('|');
            foreach (var (id, label) in state.Labels.OrderBy(p => p.Value))
            {
                if (label >= parameterCount) b.Append(pool.Range(id)).Append(',');
            }
        }
        return b.ToString();
    }

    // One term's factors with what the search reads again and again, computed once: each factor's indices and
    // label, and for each index the factors on it (in factor order, each factor once).
    private sealed class TermGraph
    {
        public TermGraph(Factor[] factors)
        {
            Factors = factors;
            Indices = new int[factors.Length][];
            Labels = new string[factors.Length];
            for (var f = 0; f < factors.Length; f++)
            {
                Indices[f] = [.. FactorIndices.Of(factors[f])];
                Labels[f] = FactorLabel(factors[f]);
                foreach (var id in Indices[f])
                {
                    if (!Adjacency.TryGetValue(id, out var list)) Adjacency[id] = list = [];
                    // A factor using id twice (X_ii) is already the last one listed.
                    if (list.Count == 0 || list[^1] != f) list.Add(f);
                }
            }
        }

        public Factor[] Factors { get; }
        public int[][] Indices { get; }
        public string[] Labels { get; }
        public Dictionary<int, List<int>> Adjacency { get; } = [];
        public int Count => Factors.Length;

        // Scratch space for candidate keys, which are built and compared one at a time.
        public StringBuilder KeyBuilder { get; } = new();
    }

    private sealed class Budget
    {
        private int _left = BranchBudget;

        public bool Take() => _left-- > 0;
    }

    private sealed class LabelState
    {
        public LabelState(int factorCount)
        {
            Visited = new bool[factorCount];
        }

        public Dictionary<int, int> Labels { get; private init; } = [];
        public int NextLabel { get; set; }
        public bool[] Visited { get; private init; }
        public List<int> Order { get; private init; } = [];
        public Queue<int> Queue { get; private init; } = new();

        public LabelState Clone() => new(0)
        {
            Labels = new Dictionary<int, int>(Labels),
            NextLabel = NextLabel,
            Visited = (bool[])Visited.Clone(),
            Order = [.. Order],
            Queue = new Queue<int>(Queue),
        };
    }
}
