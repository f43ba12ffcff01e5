using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Builds f(body) factors in canonical form, and instantiates a canonical body at given indices.
internal static class FunctionFactors
{
    private const int MaxPermutedParameters = 4;

    // f(body)(parameterIds) as a sum of raw terms: usually one term holding one function factor. The
    // body's parameters are ordered to give the least key (log(A')[i,j] is log(A)[j,i]); constant bodies
    // are evaluated where the value is exact; 1/(c·Πuᵢ) splits into (1/c)·Π(1/uᵢ) over the parts uᵢ of a
    // one-term body that share no summed index (1/(xᵀx)² = 1/(xᵀx)·1/(xᵀx)), which holds wherever Πuᵢ ≠ 0.
    // An odd root (degree > 0 only for FunctionKind.OddRoot) is built by OddRootFactors from the least body.
    public static IReadOnlyList<RawTerm> Make(FunctionKind function, IReadOnlyList<RawTerm> bodyTerms, IReadOnlyList<int> parameterIds, IndexPool pool, int degree = 0)
    {
        var (canonical, bestArguments) = Least(bodyTerms, parameterIds, pool);
        if (function == FunctionKind.OddRoot) return OddRootFactors.Make(canonical, bestArguments, pool, degree);
        if (canonical.AsConstant is { } constant && TryEvaluate(function, constant, out var value))
            return value.IsZero ? [] : [RawTerm.Constant(value)];
        if (function == FunctionKind.Reciprocal && canonical.Terms.Count == 1 && canonical.Terms[0].Factors.Count > 1
            && Components(Instantiate(canonical, bestArguments, pool)[0], bestArguments) is { Count: > 1 } parts)
        {
            var result = RawTerm.Constant(canonical.Terms[0].Coefficient.Reciprocal());
            foreach (var part in parts)
            {
                var args = part.Factors.SelectMany(FactorIndices.Of).Where(bestArguments.Contains).Distinct().ToArray();
                var pieces = Make(FunctionKind.Reciprocal, [part], args, pool);
                if (pieces.Count != 1) return [Single(function, canonical, bestArguments)];
                result = result.Times(pieces[0]);
            }
            return [result];
        }
        if (function == FunctionKind.Reciprocal && canonical.Terms.Count == 1 && canonical.Terms[0].BoundRanges.Count == 0
            && canonical.Terms[0].Factors.Count == 1 && canonical.Terms[0].Factors[0] is FunctionFactor { Function: FunctionKind.Reciprocal } inner)
        {
            var coefficient = canonical.Terms[0].Coefficient.Reciprocal();
            var innerArgs = inner.Arguments.Select(l => bestArguments[l]).ToArray();
            return Instantiate(inner.Body, innerArgs, pool).Select(t => t.Scaled(coefficient)).ToArray();
        }
        if (function == FunctionKind.Reciprocal && canonical.Terms.Count == 1 && !canonical.Terms[0].Coefficient.IsOne
            && canonical.Terms[0].BoundRanges.Count == 0)
        {
            var term = canonical.Terms[0];
            var unit = new RawTerm(Rational.One, new EquatableArray<Factor>(term.Factors.Select(f => FactorIndices.Rename(f, l => bestArguments[l]))));
            return Make(function, [unit], bestArguments, pool).Select(t => t.Scaled(term.Coefficient.Reciprocal())).ToArray();
        }
        return [Single(function, canonical, bestArguments)];
    }

    // The body's canonical form under the ordering of its parameters that gives the least key, and that ordering.
    public static (CanonicalSum Body, IReadOnlyList<int> Arguments) Least(IReadOnlyList<RawTerm> bodyTerms, IReadOnlyList<int> parameterIds, IndexPool pool)
    {
        // f(u)_ii has one parameter, not two: an index that fills two argument places is one parameter.
        parameterIds = parameterIds.Distinct().ToArray();
        CanonicalSum? best = null;
        IReadOnlyList<int> bestArguments = parameterIds;
        foreach (var permutation in Permutations(parameterIds))
        {
            var body = Canonicalizer.Canonicalize(bodyTerms, permutation, pool);
            if (best is null || string.CompareOrdinal(body.Key, best.Key) < 0) (best, bestArguments) = (body, permutation);
        }
        return (best!, bestArguments);
    }

    // The factors of a term grouped into parts that share no summed index (an index not among the arguments):
    // each part is a scalar (or an entry at the arguments) of its own. Union–find over the summed indices.
    public static List<RawTerm> Components(RawTerm term, IReadOnlyList<int> arguments)
    {
        var factors = term.Factors;
        var part = Enumerable.Range(0, factors.Count).ToArray();
        int Find(int k) => part[k] == k ? k : part[k] = Find(part[k]);
        var owner = new Dictionary<int, int>();
        for (var k = 0; k < factors.Count; k++)
        {
            foreach (var index in FactorIndices.Of(factors[k]).Where(i => !arguments.Contains(i)))
            {
                if (owner.TryGetValue(index, out var other)) part[Find(k)] = Find(other);
                else owner[index] = k;
            }
        }
        return Enumerable.Range(0, factors.Count).GroupBy(Find)
            .Select(g => new RawTerm(Rational.One, new EquatableArray<Factor>(g.Select(k => factors[k]))))
            .ToList();
    }

    private static RawTerm Single(FunctionKind function, CanonicalSum body, IReadOnlyList<int> arguments) =>
        new(Rational.One, new EquatableArray<Factor>([new FunctionFactor(function, body, new EquatableArray<int>(arguments))]));

    // The body's terms with parameters replaced by the arguments and bound indices by fresh pool ids.
    public static IReadOnlyList<RawTerm> Instantiate(CanonicalSum body, IReadOnlyList<int> arguments, IndexPool pool)
    {
        var parameterCount = body.Parameters.Count;
        var terms = new List<RawTerm>(body.Terms.Count);
        foreach (var term in body.Terms)
        {
            var fresh = term.BoundRanges.Select(pool.Fresh).ToArray();
            var factors = term.Factors.Select(f => FactorIndices.Rename(f, l => l < parameterCount ? arguments[l] : fresh[l - parameterCount]));
            terms.Add(new RawTerm(term.Coefficient, new EquatableArray<Factor>(factors)));
        }
        return terms;
    }

    private static bool TryEvaluate(FunctionKind function, Rational value, out Rational result)
    {
        result = Rational.Zero;
        switch (function)
        {
            case FunctionKind.Exp when value.IsZero: result = Rational.One; return true;
            case FunctionKind.Log when value.IsOne: result = Rational.Zero; return true;
            case FunctionKind.Reciprocal when !value.IsZero: result = value.Reciprocal(); return true;
            case FunctionKind.Sqrt when value.Sign >= 0 && ExactSquareRoot(value) is { } root: result = root; return true;
            case FunctionKind.Sin or FunctionKind.Tan when value.IsZero: result = Rational.Zero; return true;
            case FunctionKind.Cos when value.IsZero: result = Rational.One; return true;
            case FunctionKind.Abs: result = value.Sign < 0 ? -value : value; return true;
            default: return false;
        }
    }

    private static Rational? ExactSquareRoot(Rational value)
    {
        static System.Numerics.BigInteger? Root(System.Numerics.BigInteger n)
        {
            if (n.IsZero) return n;
            var x = (System.Numerics.BigInteger)Math.Sqrt((double)n);
            for (var k = 0; k < 64 && x * x != n; k++) x = (x + n / x) / 2;
            return x * x == n ? x : null;
        }
        var p = Root(value.Numerator);
        var q = Root(value.Denominator);
        return p is { } a && q is { } b ? Rational.Of(a, b) : null;
    }

    private static IEnumerable<IReadOnlyList<int>> Permutations(IReadOnlyList<int> items)
    {
        if (items.Count <= 1 || items.Count > MaxPermutedParameters)
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
