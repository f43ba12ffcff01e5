using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Hypotheses in the index form, as projections onto the structured matrices: a symmetric W's entry is
// W[a,b] ↦ ½W[a,b] + ½W[b,a], a skew one ½W[a,b] − ½W[b,a], a diagonal one δ(a,b)·W[a,b] — inside function
// bodies too. Each projection is the identity on its class and maps every matrix into it, so a form equals
// another for every structured W exactly when the projected forms are equal for every W: the canonical form of
// the projection is the hypothesis' normal form (a symmetric W's entries one symbol under index swap).
// Orthogonal symbols are contracted by the canonicalizer (OrthogonalSymbols); invertibility needs no rewrite.
internal static class StructuredTerms
{
    private static readonly Rational Half = Rational.Of(1, 2);

    public static IReadOnlyList<RawTerm> Project(IReadOnlyList<RawTerm> terms, IReadOnlyDictionary<string, MatrixAttributes> attributes, IndexPool pool)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (!attributes.Values.Any(a => (a & (MatrixAttributes.Symmetric | MatrixAttributes.Skew | MatrixAttributes.Diagonal | MatrixAttributes.Orthogonal)) != 0)) return terms;
        var projected = MapTensors(terms, tensor =>
        {
            if (tensor.Indices.Count != 2 || !attributes.TryGetValue(tensor.Symbol, out var a)) return null;
            var (row, column) = (tensor.Indices[0], tensor.Indices[1]);
            var swapped = tensor with { Indices = new EquatableArray<int>([column, row]) };
            if (a.HasFlag(MatrixAttributes.Diagonal)) return [new RawTerm(Rational.One, new EquatableArray<Factor>([new DeltaFactor(row, column), tensor]))];
            if (a.HasFlag(MatrixAttributes.Symmetric)) return [Single(Half, tensor), Single(Half, swapped)];
            if (a.HasFlag(MatrixAttributes.Skew)) return [Single(Half, tensor), Single(-Half, swapped)];
            return null;
        }, pool);
        return projected.SelectMany(t => Inverses(t, attributes, pool)).ToArray();
    }

    // The term's top-level inverses under the hypotheses: inv(Q)[a,b] = Q[b,a] for an orthogonal Q, and the
    // inverse (or adjugate) of a matrix whose form is its own transpose is symmetric, so its entry becomes
    // ½inv(M)[a,b] + ½inv(M)[b,a] and both orientations meet (inv(W)ᵀ = inv(W) for a symmetric W).
    private static IEnumerable<RawTerm> Inverses(RawTerm term, IReadOnlyDictionary<string, MatrixAttributes> attributes, IndexPool pool)
    {
        IReadOnlyList<RawTerm> partial = [RawTerm.Constant(term.Coefficient)];
        foreach (var factor in term.Factors)
        {
            IReadOnlyList<RawTerm> replaced = [Single(Rational.One, factor)];
            if (factor is MatrixFunctionFactor { Function: MatrixFunction.Inverse or MatrixFunction.Adjugate, Arguments.Count: 2 } f)
            {
                var (a, b) = (f.Arguments[0], f.Arguments[1]);
                if (f.Function == MatrixFunction.Inverse && f.Body.Terms is [{ Coefficient.IsOne: true, Factors: [TensorFactor { Indices.Count: 2 } q] }]
                    && attributes.TryGetValue(q.Symbol, out var structure) && structure.HasFlag(MatrixAttributes.Orthogonal))
                {
                    // The body is Q[p₀,p₁] or Q[p₁,p₀]; inv(M)[a,b] = M[b,a].
                    replaced = [Single(Rational.One, FactorIndices.Rename(q, p => p == 0 ? b : a))];
                }
                else if (a != b && IsSymmetric(f, pool))
                {
                    replaced = [Single(Half, factor), Single(Half, f with { Arguments = new EquatableArray<int>([b, a]) })];
                }
            }
            partial = partial.SelectMany(p => replaced.Select(p.Times)).ToArray();
        }
        return partial;
    }

    private static bool IsSymmetric(MatrixFunctionFactor factor, IndexPool pool)
    {
        var (row, column) = MatrixFunctionFactors.FreshEntry(factor, pool);
        var body = MatrixFunctionFactors.Instantiate(factor, row, column, pool);
        return Canonicalizer.Canonicalize(body, [column, row, .. factor.Outer], pool).Key == factor.Body.Key;
    }

    // The symmetric convention's G + Gᵀ − δ∘G of a gradient G with the given row and column parameters.
    public static IReadOnlyList<RawTerm> SymmetricDerivative(IReadOnlyList<RawTerm> gradient, int row, int column)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        var result = new List<RawTerm>(gradient);
        result.AddRange(gradient.Select(t => t.Rename(i => i == row ? column : i == column ? row : i)));
        result.AddRange(gradient.Select(t => t.With(new DeltaFactor(row, column)).Scaled(Rational.MinusOne)));
        return result;
    }

    // Replaces tensor factors (replace gives their terms, or null to keep one), inside function bodies too.
    public static IReadOnlyList<RawTerm> MapTensors(IReadOnlyList<RawTerm> terms, Func<TensorFactor, IReadOnlyList<RawTerm>?> replace, IndexPool pool)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(replace);
        var result = new List<RawTerm>();
        foreach (var term in terms)
        {
            IReadOnlyList<RawTerm> partial = [RawTerm.Constant(term.Coefficient)];
            foreach (var factor in term.Factors)
            {
                IReadOnlyList<RawTerm> replaced = factor switch
                {
                    TensorFactor t when replace(t) is { } terms2 => terms2,
                    MatrixFunctionFactor f => MatrixFunctionFactors.Remake(f, body => MapTensors(body, replace, pool), pool),
                    FunctionFactor f => FunctionFactors.Make(f.Function, MapTensors(FunctionFactors.Instantiate(f.Body, f.Arguments, pool), replace, pool), f.Arguments, pool, f.Degree),
                    TensorFactor or DeltaFactor or OnesFactor or PositionFactor => [Single(Rational.One, factor)],
                    _ => throw new UnreachableException($"no tensor-mapping rule for {factor.GetType().Name}"),
                };
                partial = partial.SelectMany(p => replaced.Select(p.Times)).ToArray();
            }
            result.AddRange(partial);
        }
        return result;
    }

    private static RawTerm Single(Rational coefficient, Factor factor) => new(coefficient, new EquatableArray<Factor>([factor]));
}
