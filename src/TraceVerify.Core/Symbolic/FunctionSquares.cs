namespace TraceVerify.Symbolic;

// Squares of scalar functions in one term, rewritten to a normal form before the term is labelled:
//   √u·√u = u          (wherever √u is defined, u ≥ 0);
//   |u|·|u| = u·u      (everywhere);
//   cos u·cos u = 1 − sin u·sin u   (everywhere), so every even power of cos is a polynomial in sin and
//                      sin²u + cos²u = 1 becomes 1 = 1 once like terms merge;
//   1/√u·1/√u = 1/u    (wherever 1/√u is defined, u > 0);
//   1/|u|·1/|u| = 1/(u·u) (wherever 1/|u| is defined, u ≠ 0).
// The two factors must be the same function of the same canonical body at the same argument indices (record
// equality), so they denote one value. Each rewrite removes a pair of function factors and introduces only
// smaller bodies or sin factors, which no rule rewrites, so repeated application terminates.
internal static class FunctionSquares
{
    // The terms that replace `term`, or null when no pair of its factors is a square these rules rewrite.
    public static IReadOnlyList<RawTerm>? Expand(RawTerm term, IndexPool pool)
    {
        var factors = term.Factors;
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not FunctionFactor f || Kind(f) is not { } kind) continue;
            for (var j = k + 1; j < factors.Count; j++)
            {
                if (!f.Equals(factors[j])) continue;
                var rest = new RawTerm(term.Coefficient, new EquatableArray<Factor>(factors.Where((_, i) => i != k && i != j)));
                return kind switch
                {
                    FunctionKind.Sqrt => FunctionFactors.Instantiate(f.Body, f.Arguments, pool).Select(rest.Times).ToArray(),
                    FunctionKind.Abs => Square(f, pool).Select(rest.Times).ToArray(),
                    FunctionKind.Cos => [Counted(rest, f), rest.With(f with { Function = FunctionKind.Sin }).With(f with { Function = FunctionKind.Sin }).Scaled(Numeric.Rational.MinusOne)],
                    _ => FunctionFactors.Make(FunctionKind.Reciprocal, SquareOfInner(InnerOfReciprocal(f)!.Value, pool), f.Arguments.ToArray(), pool).Select(rest.Times).ToArray(),
                };
            }
        }
        return null;
    }

    // √u and |u| pairs are rewritten only for a u of one term (s, xᵀx, det X): expanding a sum would turn
    // the body of a reciprocal such as 1/‖x − a‖³ into a sum, which 1/(c·Πfᵢ) = (1/c)·Π(1/fᵢ) can no longer
    // split, so the same quotient reached two ways would get two forms.
    private static FunctionKind? Kind(FunctionFactor f) => f.Function switch
    {
        FunctionKind.Sqrt or FunctionKind.Abs when f.Body.Terms.Count == 1 => f.Function,
        FunctionKind.Cos => f.Function,
        FunctionKind.Reciprocal when InnerOfReciprocal(f) is { } inner && inner.Root.Body.Terms.Count == 1 => FunctionKind.Reciprocal,
        _ => null,
    };

    // The 1 of cos² = 1 − sin² still ranges over every index the pair used: Σₖ cos²xₖ = Σₖ 1 − Σₖ sin²xₖ. A ones
    // factor keeps each such index (Simplify drops it again where another factor uses the index or it is free).
    private static RawTerm Counted(RawTerm rest, FunctionFactor pair) =>
        pair.Arguments.Distinct().Aggregate(rest, (term, index) => term.With(new OnesFactor(index)));

    // u·u with the bound indices of each copy fresh.
    private static IReadOnlyList<RawTerm> Square(FunctionFactor f, IndexPool pool)
    {
        var first = FunctionFactors.Instantiate(f.Body, f.Arguments, pool);
        var second = FunctionFactors.Instantiate(f.Body, f.Arguments, pool);
        return [.. first.SelectMany(a => second.Select(a.Times))];
    }

    // The √u or |u| factor a reciprocal is of, when its body is exactly one such factor: 1/√u, 1/|u|.
    private static (FunctionFactor Root, IReadOnlyList<int> Arguments)? InnerOfReciprocal(FunctionFactor reciprocal) =>
        reciprocal.Body.Terms is [{ Coefficient.IsOne: true, BoundRanges.Count: 0, Factors: [FunctionFactor { Function: FunctionKind.Sqrt or FunctionKind.Abs } root] }]
            ? (root, reciprocal.Arguments.ToArray())
            : null;

    // (√u)² = u and |u|² = u·u, at the reciprocal's arguments: the inner factor's parameters are the
    // reciprocal body's parameters.
    private static IReadOnlyList<RawTerm> SquareOfInner((FunctionFactor Root, IReadOnlyList<int> Arguments) found, IndexPool pool)
    {
        var inner = found.Root with { Arguments = new EquatableArray<int>(found.Root.Arguments.Select(p => found.Arguments[p]).ToArray()) };
        return inner.Function == FunctionKind.Sqrt ? FunctionFactors.Instantiate(inner.Body, inner.Arguments, pool) : Square(inner, pool);
    }
}
