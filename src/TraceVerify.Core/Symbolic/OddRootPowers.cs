namespace TraceVerify.Symbolic;

// Powers of one odd root in a term, rewritten to a normal form before the term is labelled. For R = root_q(u)
// (q odd), I = 1/R and V = 1/u at the same arguments, a term holding a copies of R, b of I, c of V and d of u
// itself (counted only where u is one factor g, such as det(X) or s) holds R^e with e = a − b − q·(c − d), and is
// rewritten to
//   e ≥ 0:  u^(e div q) · R^(e mod q)              (R^q = u for every real u);
//   e < 0:  V^(n div q) · I^(n mod q), n = −e      (R·I = 1, I^q = V and R^q·V = 1 wherever u ≠ 0, which any
//                                                   I or V in the term already requires).
// So s^(1/3)·s^(1/3)·s^(1/3) = s, s^(1/3)/s = s^(-2/3) and (s^(-1/3))^3 = 1/s each reach one form. Only a term
// not yet in that form is rewritten; its output holds R, I and V only in that form and u (R's own body, which
// holds no R), so repeated application terminates. Every argument of R keeps a ones factor, so a summed index
// only the removed factors used still counts its range (Simplify drops the ones factor where it is redundant).
internal static class OddRootPowers
{
    // The terms that replace `term`, or null when every odd root in it is already in normal form.
    public static IReadOnlyList<RawTerm>? Expand(RawTerm term, IndexPool pool)
    {
        var factors = term.Factors;
        var roots = factors.OfType<FunctionFactor>().Select(RootOf).OfType<FunctionFactor>().Distinct().ToArray();
        foreach (var root in roots)
        {
            var q = root.Degree;
            int a = 0, b = 0, c = 0, d = 0;
            var plain = PlainBody(root, pool);
            FunctionFactor? inverse = null, reciprocal = null;
            var rest = new List<Factor>();
            foreach (var factor in factors)
            {
                if (factor.Equals(root)) a++;
                else if (factor is FunctionFactor f && f.Function == FunctionKind.Reciprocal && root.Equals(RootOf(f))) { b++; inverse = f; }
                else if (factor is FunctionFactor g && IsReciprocalOfBody(g, root)) { c++; reciprocal = g; }
                else if (plain is not null && factor.Equals(plain)) d++;
                else rest.Add(factor);
            }
            if ((a < q && b == 0 && c == 0) || (a == 0 && d == 0 && b < q)) continue;
            var e = a - b - (q * (c - d));
            var arguments = root.Arguments.Distinct().ToArray();
            var counted = arguments.Aggregate(new RawTerm(term.Coefficient, new EquatableArray<Factor>(rest)), (t, index) => t.With(new OnesFactor(index)));
            IReadOnlyList<RawTerm> result = [counted];
            if (e >= 0)
            {
                for (var k = 0; k < e / q; k++) result = Cross(result, FunctionFactors.Instantiate(root.Body, root.Arguments, pool));
                for (var k = 0; k < e % q; k++) result = result.Select(t => t.With(root)).ToArray();
                return result;
            }
            var n = -e;
            for (var k = 0; k < n / q; k++)
            {
                result = Cross(result, reciprocal is not null ? [Unit(reciprocal)]
                    : FunctionFactors.Make(FunctionKind.Reciprocal, FunctionFactors.Instantiate(root.Body, root.Arguments, pool), arguments, pool));
            }
            for (var k = 0; k < n % q; k++)
            {
                result = Cross(result, inverse is not null ? [Unit(inverse)] : FunctionFactors.Make(FunctionKind.Reciprocal, [Unit(root)], arguments, pool));
            }
            return result;
        }
        return null;
    }

    // The odd root a factor is a power of: the factor itself, or the root a reciprocal 1/root_q(u) is of (at the
    // reciprocal's arguments); null for any other factor.
    private static FunctionFactor? RootOf(FunctionFactor f) => f switch
    {
        { Function: FunctionKind.OddRoot } => f,
        { Function: FunctionKind.Reciprocal, Body.Terms: [{ Coefficient.IsOne: true, BoundRanges.Count: 0, Factors: [FunctionFactor { Function: FunctionKind.OddRoot } inner] }] }
            => inner with { Arguments = new EquatableArray<int>(inner.Arguments.Select(p => f.Arguments[p]).ToArray()) },
        _ => null,
    };

    // u as the one factor g it is (coefficient 1, no summed index), at the root's arguments; else null.
    private static Factor? PlainBody(FunctionFactor root, IndexPool pool) =>
        root.Body.Terms is [{ Coefficient.IsOne: true, BoundRanges.Count: 0, Factors.Count: 1 }]
            ? FunctionFactors.Instantiate(root.Body, root.Arguments, pool)[0].Factors[0]
            : null;

    // 1/u at the root's own arguments: the reciprocal of exactly the root's body.
    private static bool IsReciprocalOfBody(FunctionFactor f, FunctionFactor root) =>
        f.Function == FunctionKind.Reciprocal && f.Body.Equals(root.Body) && f.Arguments.SequenceEqual(root.Arguments);

    private static RawTerm Unit(Factor factor) => new(Numeric.Rational.One, new EquatableArray<Factor>([factor]));

    private static IReadOnlyList<RawTerm> Cross(IReadOnlyList<RawTerm> left, IReadOnlyList<RawTerm> right) =>
        [.. left.SelectMany(l => right.Select(l.Times))];
}
