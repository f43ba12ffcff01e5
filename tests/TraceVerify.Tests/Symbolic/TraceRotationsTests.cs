using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// The product-rule terms of a trace that are rotations of one another are made once with their count as weight
// (TraceRotations): d tr(Xⁿ) is one term n·(Xⁿ⁻¹)ᵀ, and every derivative's canonical form is the one made
// term by term, for traces with and without a rotation symmetry and for random expressions.
public class TraceRotationsTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(64)]
    public void The_derivative_of_the_trace_of_a_power_is_n_times_the_transposed_lower_power(int n)
    {
        var (derivative, expected) = Bound.Derive(new Bound(), $"tr(X^{n})", "X", $"{n}*(X^{n - 1})'");
        Assert.Equal(expected, derivative);
        var (plain, merged) = Both($"tr(X^{n})");
        Assert.Equal(plain, merged);
    }

    [Theory]
    [InlineData("tr(X^6)", 6, 1)]
    [InlineData("tr(A*X*A*X)", 2, 1)]
    [InlineData("tr((A*X*B*X)^3)", 6, 2)]
    [InlineData("tr(A*X*B*X)", 2, 2)]
    [InlineData("tr(A*X*B*X*C*X)", 3, 3)]
    [InlineData("tr(X*X')", 2, 2)]
    [InlineData("tr(X^2)*tr(X^3)", 5, 2)]
    public void Only_copies_equal_under_a_rotation_are_merged(string text, int plain, int merged)
    {
        var (terms, mergedTerms) = ProductRuleTerms(text);
        Assert.Equal(plain, terms);
        Assert.Equal(merged, mergedTerms);
    }

    [Theory]
    [InlineData("tr(A*X*B*X)")]
    [InlineData("tr(A*X*A*X)")]
    [InlineData("tr((A*X*B*X)^3)")]
    [InlineData("tr((A*X)^4)*tr(X^3)")]
    [InlineData("tr(X^2)*tr(X^2)")]
    [InlineData("tr(X*X')*tr(X^4)")]
    [InlineData("tr(X^3*A*X^3*A)")]
    [InlineData("tr(inv(A)*X^4)")]
    [InlineData("tr(X^4)^2")]
    [InlineData("log(tr(X^4))")]
    public void Mixed_products_keep_their_canonical_derivative(string text)
    {
        var (plain, merged) = Both(text);
        Assert.Equal(plain, merged);
    }

    [Fact]
    public void Random_gradients_keep_their_canonical_derivative() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true)
                .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(7401), FSharpOption<int>.None))),
            Prop.ForAll(ExpressionGenerator.Scalars().ToArbitrary(), generated =>
            {
                var variable = ExprNodes.Walk(generated.Expr).Select(n => n.Node).OfType<SymbolExpr>().Where(s => !s.Shape.IsScalar)
                    .OrderBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
                if (variable is null) return;
                var (plain, merged) = Derive(generated.Expr, variable, ["i", "j", "k"]);
                Assert.Equal(plain, merged);
            }));

    private static (CanonicalSum Plain, CanonicalSum Merged) Both(string text)
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n", ["C"] = "n x n", ["X"] = "n x n" });
        var expr = bound.Resolve(bound.Bind(text));
        var x = ExprNodes.Walk(expr).Select(n => n.Node).OfType<SymbolExpr>().First(s => s.Name == "X");
        return Derive(expr, x, []);
    }

    private static (int Plain, int Merged) ProductRuleTerms(string text)
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n", ["C"] = "n x n", ["X"] = "n x n" });
        var expr = bound.Resolve(bound.Bind(text));
        var x = ExprNodes.Walk(expr).Select(n => n.Node).OfType<SymbolExpr>().First(s => s.Name == "X");
        var (terms, pool, row, column, parameters) = Lowered(expr, x, []);
        return (Differentiator.Differentiate(terms, "X", row, column, pool).Count,
            Differentiator.Differentiate(terms, "X", row, column, pool, parameters).Count);
    }

    // The gradient made term by term (no parameters given) and with rotations merged, each canonicalized.
    private static (CanonicalSum Plain, CanonicalSum Merged) Derive(Expr expr, SymbolExpr x, string[] freeNames)
    {
        var (terms, pool, row, column, parameters) = Lowered(expr, x, freeNames);
        var order = parameters.Order().ToArray();
        var ids = new List<int>();
        if (row is { } r) ids.Add(r);
        if (column is { } c) ids.Add(c);
        ids.AddRange(order.Except(ids));
        var plain = Canonicalizer.Canonicalize(Differentiator.Differentiate(terms, x.Name, row, column, pool), ids, pool, x.Shape);
        var merged = Canonicalizer.Canonicalize(Differentiator.Differentiate(terms, x.Name, row, column, pool, parameters), ids, pool, x.Shape);
        return (plain, merged);
    }

    private static (IReadOnlyList<RawTerm> Terms, IndexPool Pool, int? Row, int? Column, HashSet<int> Parameters) Lowered(Expr expr, SymbolExpr x, string[] freeNames)
    {
        var pool = new IndexPool();
        var dims = new Dictionary<string, Dim>(StringComparer.Ordinal) { ["i"] = ExpressionGenerator.M, ["j"] = ExpressionGenerator.N, ["k"] = ExpressionGenerator.P };
        var free = freeNames.ToDictionary(n => n, n => pool.Fresh(dims[n]), StringComparer.Ordinal);
        var lowering = new Lowering(pool, free);
        var terms = lowering.Lower(expr).Terms;
        int? row = x.Shape.Rows.IsOne ? null : pool.Fresh(x.Shape.Rows);
        int? column = x.Shape.Columns.IsOne ? null : pool.Fresh(x.Shape.Columns);
        var parameters = new HashSet<int>(lowering.FreeIndexIds.Values);
        if (row is { } r) parameters.Add(r);
        if (column is { } c) parameters.Add(c);
        return (terms, pool, row, column, parameters);
    }
}
