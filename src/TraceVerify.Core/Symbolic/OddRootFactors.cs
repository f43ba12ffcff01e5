using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// root_q(body) for an odd degree q in canonical form. An odd root is the inverse of the bijection x ↦ x^q of ℝ,
// so each rule below is true for every real (no domain condition beyond the one the body already has):
//   a constant c:          its exact root where rational (root_3(−8/27) = −2/3), else −root_q(|c|) for c < 0;
//   one term c·Πuᵢ:        root_q(c)·Π root_q(uᵢ) over the parts uᵢ that share no summed index
//                          (root(ab) = root(a)·root(b); root_3(s·s·s) becomes root_3(s)³, which OddRootPowers
//                          turns into s, so root_3(s³) = s is reached for every real s);
//   one reciprocal 1/v:    1/root_q(v) (where v ≠ 0, the domain of 1/v itself);
//   a sum u:               root_q(u) or −root_q(−u), whichever body has the lesser key (root(−u) = −root(u)).
// Invariant: a factor this builds has a body that none of the rules changes, so building a root of a canonical
// root's own body gives the same factor back (canonical idempotence); parts are not split a second time, so the
// recursion is one level deep.
internal static class OddRootFactors
{
    public static IReadOnlyList<RawTerm> Make(CanonicalSum body, IReadOnlyList<int> arguments, IndexPool pool, int degree) =>
        Make(body, arguments, pool, degree, split: true);

    private static IReadOnlyList<RawTerm> Make(CanonicalSum body, IReadOnlyList<int> arguments, IndexPool pool, int degree, bool split)
    {
        if (!RealRoot.IsOddDegree(degree))
            throw new ArgumentOutOfRangeException(nameof(degree), degree, $"an odd root has an odd degree from 3 to {RealRoot.MaxDegree}");
        if (body.IsZero) return [];
        if (body.AsConstant is { } constant) return OfConstant(constant, pool, degree);
        if (body.Terms.Count == 1)
        {
            var term = FunctionFactors.Instantiate(body, arguments, pool)[0];
            var coefficient = term.Coefficient;
            var unit = term with { Coefficient = Rational.One };
            var parts = FunctionFactors.Components(unit, arguments);
            if (split && (!coefficient.IsOne || parts.Count > 1))
            {
                var result = OfConstant(coefficient, pool, degree);
                foreach (var part in parts)
                {
                    var partArguments = part.Factors.SelectMany(FactorIndices.Of).Where(arguments.Contains).Distinct().ToArray();
                    var (partBody, partOrder) = FunctionFactors.Least([part], partArguments, pool);
                    result = Cross(result, Make(partBody, partOrder, pool, degree, split: false));
                }
                return result;
            }
            if (body.Terms[0].BoundRanges.Count == 0 && unit.Factors is [FunctionFactor { Function: FunctionKind.Reciprocal } reciprocal])
            {
                var innerArguments = reciprocal.Arguments.Distinct().ToArray();
                var root = FunctionFactors.Make(FunctionKind.OddRoot, FunctionFactors.Instantiate(reciprocal.Body, reciprocal.Arguments, pool), innerArguments, pool, degree);
                return root.Count == 0 ? [] : FunctionFactors.Make(FunctionKind.Reciprocal, root, innerArguments, pool);
            }
            return [Single(body, arguments, degree)];
        }
        var negatedTerms = FunctionFactors.Instantiate(body, arguments, pool).Select(t => t.Scaled(Rational.MinusOne)).ToArray();
        var (negated, negatedOrder) = FunctionFactors.Least(negatedTerms, arguments, pool);
        return string.CompareOrdinal(negated.Key, body.Key) < 0
            ? [Single(negated, negatedOrder, degree).Scaled(Rational.MinusOne)]
            : [Single(body, arguments, degree)];
    }

    // root_q(c): exact where rational, else the factor root_q(|c|) of a constant body, signed.
    private static IReadOnlyList<RawTerm> OfConstant(Rational value, IndexPool pool, int degree)
    {
        if (RealRoot.Exact(value, degree) is { } exact) return exact.IsZero ? [] : [RawTerm.Constant(exact)];
        var magnitude = Canonicalizer.Canonicalize([RawTerm.Constant(value.Abs())], [], pool);
        return [Single(magnitude, [], degree).Scaled(Rational.Of(value.Sign))];
    }

    public static RawTerm Single(CanonicalSum body, IReadOnlyList<int> arguments, int degree) =>
        new(Rational.One, new EquatableArray<Factor>([new FunctionFactor(FunctionKind.OddRoot, body, new EquatableArray<int>(arguments)) { Degree = degree }]));

    private static IReadOnlyList<RawTerm> Cross(IReadOnlyList<RawTerm> left, IReadOnlyList<RawTerm> right) =>
        [.. left.SelectMany(l => right.Select(l.Times))];
}
