using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// The canonicalizer's contractions g·(1/g) = 1 and L·inv(L) = I keep what a summed index counts.
public class CancellationTests
{
    private static readonly Dim N = new DimVariable("n");

    [Fact]
    public void A_cancelled_pair_on_a_bound_index_still_counts_its_range()
    {
        // Σᵢ xᵢ·(1/xᵢ) with nothing else on i is n, not 1.
        var pool = new IndexPool();
        var i = pool.Fresh(N);
        var x = new RawTerm(Rational.One, new EquatableArray<Factor>([new TensorFactor("x", new EquatableArray<int>([i]))]));
        var reciprocal = FunctionFactors.Make(FunctionKind.Reciprocal, [x], [i], pool);
        var form = Canonicalizer.Canonicalize([x.Times(Assert.Single(reciprocal))], [], pool);
        var term = Assert.Single(form.Terms);
        Assert.Equal([new OnesFactor(0)], term.Factors);
        Assert.Equal([N], term.BoundRanges);
    }

    [Fact]
    public void A_cancelled_pair_at_a_parameter_is_one()
    {
        var pool = new IndexPool();
        var i = pool.Fresh(N);
        var x = new RawTerm(Rational.One, new EquatableArray<Factor>([new TensorFactor("x", new EquatableArray<int>([i]))]));
        var reciprocal = FunctionFactors.Make(FunctionKind.Reciprocal, [x], [i], pool);
        var form = Canonicalizer.Canonicalize([x.Times(Assert.Single(reciprocal))], [i], pool);
        Assert.Equal(Rational.One, Assert.Single(form.Terms).Coefficient);
        Assert.Empty(form.Terms[0].Factors);
    }

    [Theory]
    [InlineData("tr(A*inv(A))", "tr(I)")]
    [InlineData("x'*(ones ./ x)", "ones'*ones")]
    public void Traced_and_summed_contractions_keep_the_size(string left, string right)
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["x"] = "n" });
        var exprs = new[] { bound.Bind(left), bound.Bind(right) };
        Assert.True(bound.Binder.UnifyShapes(Shapes.Of(exprs[0]), Shapes.Of(exprs[1])));
        // The right side's I and ones have sizes of their own: compare the printed forms, Σ over one index of 1.
        var context = bound.Context();
        var forms = exprs.Select(e => context.Canonical(bound.Resolve(e))).ToArray();
        Assert.NotEqual("1", IndexNotation.Print(forms[0]));
        Assert.Equal(IndexNotation.Print(forms[1]), IndexNotation.Print(forms[0]));
    }
}
