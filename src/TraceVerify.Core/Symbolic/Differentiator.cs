using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// ∂/∂X_ab of index-form terms by the product rule over every appearance of X (the notes' "apply (9) for
// each appearance of X"): an appearance X_pq becomes δ_pa δ_qb; through f(body) the chain rule gives
// f'(body)·∂body, with log' = 1/u, exp' = exp u, (1/u)' = −1/u², (√u)' = 1/(2√u), sin' = cos u,
// cos' = −sin u, tan' = 1 + tan² u, |u|' = u/|u| (sign u, defined only where u ≠ 0); through a whole-matrix
// function d inv(M) = −inv(M)·dM·inv(M), d det(M) = det(M)·tr(inv(M)·dM) and, from adj = det·inv,
// d adj(M) = det(M)·(tr(inv(M)·dM)·inv(M) − inv(M)·dM·inv(M)). Other symbols —
// including frozen copies of X — are constants.
internal static class Differentiator
{
    // `wrt` indices: the variable's row and column targets (null for a dimension of size one). `parameters`: the
    // form's free indices (every index that is not summed); given them, the product-rule terms of a trace that
    // are rotations of one another are made once, with their count as weight (TraceRotations). Without them
    // (null) every term is made; the two give the same canonical form.
    public static IReadOnlyList<RawTerm> Differentiate(IReadOnlyList<RawTerm> terms, string variable, int? row, int? column, IndexPool pool,
        IReadOnlySet<int>? parameters = null)
    {
        var result = new List<RawTerm>();
        foreach (var term in terms)
        {
            WorkCancellation.ThrowIfRequested();
            var multiplicity = parameters is null ? null : TraceRotations.Multiplicities(term, variable, parameters, pool);
            for (var k = 0; k < term.Factors.Count; k++)
            {
                var weight = multiplicity?[k] ?? 1;
                if (weight == 0) continue;
                var coefficient = weight == 1 ? term.Coefficient : term.Coefficient * Rational.Of(weight, 1);
                var rest = new RawTerm(coefficient, new EquatableArray<Factor>(term.Factors.Where((_, j) => j != k)));
                foreach (var derivative in OfFactor(term.Factors[k], variable, row, column, pool)) result.Add(rest.Times(derivative));
            }
        }
        return result;
    }

    private static IReadOnlyList<RawTerm> OfFactor(Factor factor, string variable, int? row, int? column, IndexPool pool)
    {
        switch (factor)
        {
            case TensorFactor t when string.Equals(t.Symbol, variable, StringComparison.Ordinal):
                {
                    var targets = new[] { row, column }.Where(i => i is not null).Select(i => i!.Value).ToArray();
                    if (targets.Length != t.Indices.Count)
                        throw new UnreachableException($"appearance of {variable} has {t.Indices.Count} indices, the variable {targets.Length}");
                    var deltas = t.Indices.Zip(targets, (p, a) => (Factor)new DeltaFactor(p, a));
                    return [new RawTerm(Rational.One, new EquatableArray<Factor>(deltas))];
                }
            case TensorFactor or DeltaFactor or OnesFactor or PositionFactor:
                return [];
            case FunctionFactor f:
                {
                    var body = FunctionFactors.Instantiate(f.Body, f.Arguments, pool);
                    var inner = Differentiate(body, variable, row, column, pool);
                    if (inner.Count == 0) return [];
                    var outer = OuterDerivative(f, pool);
                    var result = new List<RawTerm>();
                    foreach (var o in outer)
                    {
                        foreach (var i in inner) result.Add(o.Times(i));
                    }
                    return result;
                }
            case MatrixFunctionFactor f:
                return OfMatrixFunction(f, variable, row, column, pool);
            default:
                throw new UnreachableException($"no derivative rule for {factor.GetType().Name}");
        }
    }

    // ∂inv(M)[a,b] = −Σ_pq inv(M)[a,p]·∂M[p,q]·inv(M)[q,b];  ∂det(M) = det(M)·Σ_pq inv(M)[q,p]·∂M[p,q].
    private static IReadOnlyList<RawTerm> OfMatrixFunction(MatrixFunctionFactor f, string variable, int? row, int? column, IndexPool pool)
    {
        var (p, q) = MatrixFunctionFactors.FreshEntry(f, pool);
        var inner = Differentiate(MatrixFunctionFactors.Instantiate(f, p, q, pool), variable, row, column, pool);
        if (inner.Count == 0) return [];
        IReadOnlyList<RawTerm> outer;
        switch (f.Function)
        {
            case MatrixFunction.Inverse:
                {
                    var outerArguments = f.Outer.ToArray();
                    var left = f with { Arguments = new EquatableArray<int>([f.Arguments[0], p, .. outerArguments]) };
                    var right = f with { Arguments = new EquatableArray<int>([q, f.Arguments[1], .. outerArguments]) };
                    outer = [new RawTerm(Rational.MinusOne, new EquatableArray<Factor>([left, right]))];
                    break;
                }
            case MatrixFunction.Determinant:
                {
                    var (r, c) = MatrixFunctionFactors.FreshEntry(f, pool);
                    var inverse = MatrixFunctionFactors.Make(MatrixFunction.Inverse, MatrixFunctionFactors.Instantiate(f, r, c, pool), r, c, [q, p], f.Outer.ToArray(), pool);
                    var self = new RawTerm(Rational.One, new EquatableArray<Factor>([f]));
                    outer = inverse.Select(self.Times).ToArray();
                    break;
                }
            case MatrixFunction.Adjugate:
                {
                    // ∂adj(M)[a,b] = det(M)·(inv(M)[q,p]·inv(M)[a,b] − inv(M)[a,p]·inv(M)[q,b])·∂M[p,q].
                    var outerArguments = f.Outer.ToArray();
                    IReadOnlyList<RawTerm> Inverse(int row, int column)
                    {
                        var (r, c) = MatrixFunctionFactors.FreshEntry(f, pool);
                        return MatrixFunctionFactors.Make(MatrixFunction.Inverse, MatrixFunctionFactors.Instantiate(f, r, c, pool), r, c, [row, column], outerArguments, pool);
                    }
                    var (dr, dc) = MatrixFunctionFactors.FreshEntry(f, pool);
                    var determinant = MatrixFunctionFactors.Make(MatrixFunction.Determinant, MatrixFunctionFactors.Instantiate(f, dr, dc, pool), dr, dc, [], outerArguments, pool);
                    var trace = Cross(Inverse(q, p), Inverse(f.Arguments[0], f.Arguments[1]));
                    var sandwich = Cross(Inverse(f.Arguments[0], p), Inverse(q, f.Arguments[1])).Select(t => t.Scaled(Rational.MinusOne));
                    outer = Cross(determinant, [.. trace, .. sandwich]);
                    break;
                }
            default:
                throw new UnreachableException($"no derivative rule for {f.Function}");
        }
        var result = new List<RawTerm>();
        foreach (var o in outer)
        {
            foreach (var i in inner) result.Add(o.Times(i));
        }
        return result;
    }

    private static IReadOnlyList<RawTerm> Cross(IReadOnlyList<RawTerm> left, IReadOnlyList<RawTerm> right) =>
        [.. left.SelectMany(l => right.Select(l.Times))];

    private static IReadOnlyList<RawTerm> OuterDerivative(FunctionFactor f, IndexPool pool)
    {
        var body = FunctionFactors.Instantiate(f.Body, f.Arguments, pool);
        var arguments = f.Arguments.ToArray();
        var self = new RawTerm(Rational.One, new EquatableArray<Factor>([f]));
        switch (f.Function)
        {
            case FunctionKind.Log:
                return FunctionFactors.Make(FunctionKind.Reciprocal, body, arguments, pool);
            case FunctionKind.Exp:
                return [self];
            case FunctionKind.Reciprocal:
                return [self.Times(self).Scaled(Rational.MinusOne)];
            case FunctionKind.Sqrt:
                return FunctionFactors.Make(FunctionKind.Reciprocal, [self], arguments, pool).Select(t => t.Scaled(Rational.Of(1, 2))).ToArray();
            case FunctionKind.Sin:
                return FunctionFactors.Make(FunctionKind.Cos, body, arguments, pool);
            case FunctionKind.Cos:
                return FunctionFactors.Make(FunctionKind.Sin, body, arguments, pool).Select(t => t.Scaled(Rational.MinusOne)).ToArray();
            case FunctionKind.Tan:
                return [RawTerm.Constant(Rational.One), self.Times(self)];
            case FunctionKind.Abs:
                return FunctionFactors.Make(FunctionKind.Reciprocal, [self], arguments, pool).SelectMany(r => body.Select(r.Times)).ToArray();
            case FunctionKind.OddRoot:
                {
                    // root_q(u)' = 1/(q·root_q(u)^(q−1)) = root_q(u)/(q·u), defined where u ≠ 0.
                    var power = new RawTerm(Rational.One, new EquatableArray<Factor>(Enumerable.Repeat<Factor>(f, f.Degree - 1)));
                    return FunctionFactors.Make(FunctionKind.Reciprocal, [power], arguments, pool).Select(t => t.Scaled(Rational.Of(1, f.Degree))).ToArray();
                }
            default:
                throw new UnreachableException($"no derivative rule for {f.Function}");
        }
    }
}
