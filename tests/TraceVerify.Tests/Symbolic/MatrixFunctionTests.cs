using TraceVerify.Fuzzing;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Symbolic;

// inv(M) and det(M) in every symbolic method: the located shape error, the index form's rewrites (each
// proved for every shape only where it is an identity), idempotence, the derivative rules against an
// independent dual-number derivative, and the printed matrix notation read back.
public class MatrixFunctionTests
{
    [Theory]
    [InlineData("inv(A)", 0, 6)]
    [InlineData("B + det(A)*B", 4, 6)]
    [InlineData("A^-1", 0, 4)]
    public void A_non_square_argument_is_a_located_TV0203(string text, int start, int length)
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "2 x 3" });
        var parsed = Parser.Parse(text);
        bound.Binder.CollectScalarHints(parsed.Node!);
        Assert.Null(bound.Binder.Bind(parsed.Node!, "lhs"));
        var error = Assert.Single(bound.Errors);
        Assert.Equal("TV0203", error.Code);
        Assert.Equal(start, error.Span.Start);
        Assert.Equal(length, error.Span.Length);
        Assert.Contains("needs a square matrix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_rectangular_argument_is_the_declarations_condition()
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "m x n" });
        var parsed = Parser.Parse("det(A)");
        bound.Binder.CollectScalarHints(parsed.Node!);
        Assert.Null(bound.Binder.Bind(parsed.Node!, "lhs"));
        Assert.Equal("TV0211", Assert.Single(bound.Errors).Code);
    }

    [Theory]
    [InlineData("X*inv(X)", "I")]
    [InlineData("inv(X)*X", "I")]
    [InlineData("X^-1", "inv(X)")]
    [InlineData("inv(A')", "inv(A)'")]
    [InlineData("inv(inv(A))", "A")]
    [InlineData("inv(inv(A)')", "A'")]
    [InlineData("inv(2*A)", "1/2*inv(A)")]
    [InlineData("inv(I)*A", "A")]
    [InlineData("det(A')", "det(A)")]
    [InlineData("det(inv(A))", "1/det(A)")]
    [InlineData("det(I)*det(A)", "det(A)")]
    [InlineData("det(inv(B)*A*B)", "det(A)")]
    [InlineData("tr(inv(B)*A*B)", "tr(A)")]
    [InlineData("A*B*inv(A*B)", "I")]
    [InlineData("inv(A) - inv(B)", "inv(A)*(B - A)*inv(B)")]
    [InlineData("det(X)/det(X)", "1")]
    [InlineData("adj(X)*X", "det(X)*I")]
    [InlineData("X*adj(X)", "det(X)*I")]
    [InlineData("adj(A*B)", "adj(B)*adj(A)")]
    [InlineData("adj(A')", "adj(A)'")]
    [InlineData("X^-2", "inv(X*X)")]
    [InlineData("A^-3*A*A*A", "I")]
    public void The_rewrites_prove_the_textbook_identities(string left, string right)
    {
        var forms = Sides(left, right);
        Assert.Equal(forms[0], forms[1]);
    }

    private static CanonicalSum[] Sides(string left, string right) =>
        Bound.Unified(new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n" }), left, right);

    [Theory]
    [InlineData("inv(A*B)", "inv(B)*inv(A)")]
    [InlineData("det(A*B)", "det(A)*det(B)")]
    [InlineData("inv(A*B*C)", "inv(C)*inv(B)*inv(A)")]
    public void Products_split_for_square_factors(string left, string right)
    {
        var forms = Bound.Canonical(new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n", ["C"] = "n x n" }), left, right);
        Assert.Equal(forms[0], forms[1]);
    }

    // Soundness: inv(AB) with A m×n, B n×m (m ≠ n) may exist while inv(A), inv(B) do not; det(AB) is not
    // det(A)det(B) there either (Cauchy–Binet). The form keeps the whole product.
    [Theory]
    [InlineData("inv(A*B)")]
    [InlineData("det(A*B)")]
    public void Products_of_rectangular_factors_do_not_split(string text)
    {
        var form = Bound.Canonical(new Bound(new Dictionary<string, string> { ["A"] = "m x n" }), text)[0];
        var term = Assert.Single(form.Terms);
        var factor = Assert.IsType<MatrixFunctionFactor>(Assert.Single(term.Factors));
        Assert.Equal(2, Assert.Single(factor.Body.Terms).Factors.Count);
    }

    // inv(M) and adj(M) of a symmetric M (M = Mᵀ as canonical forms) are symmetric: their entry is read in either
    // order, so the Cookbook's (55) gradient X·inv(XᵀX)ᵀ + X·inv(XᵀX) is 2·X·inv(XᵀX), and the symmetric argument
    // may sit inside a trace or be a sum. A non-symmetric argument keeps its order (the next theory).
    [Theory]
    [InlineData("inv(X'*X)'", "inv(X'*X)")]
    [InlineData("adj(X'*X)'", "adj(X'*X)")]
    [InlineData("inv(A + A')'", "inv(A + A')")]
    [InlineData("inv(X*X')'*X", "inv(X*X')*X")]
    [InlineData("tr(B*inv(X'*X)')", "tr(B*inv(X'*X))")]
    [InlineData("X*inv(X'*X)' + X*inv(X'*X)", "2*X*inv(X'*X)")]
    public void The_inverse_and_adjugate_of_a_symmetric_matrix_are_symmetric(string left, string right)
    {
        var forms = Bound.Canonical(new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n", ["X"] = "m x n" }), left, right);
        Assert.Equal(forms[0], forms[1]);
    }

    [Theory]
    [InlineData("inv(A)'", "inv(A)")]
    [InlineData("inv(X'*C*X)'", "inv(X'*C*X)")]
    [InlineData("inv(X'*Y)'", "inv(X'*Y)")]
    [InlineData("tr(B*inv(X'*C*X)')", "tr(B*inv(X'*C*X))")]
    [InlineData("adj(A*A)'", "adj(A*A)")]
    public void The_inverse_of_a_matrix_that_is_not_symmetric_keeps_its_orientation(string left, string right)
    {
        var forms = Bound.Canonical(new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n", ["C"] = "m x m", ["X"] = "m x n", ["Y"] = "m x n" }), left, right);
        Assert.NotEqual(forms[0], forms[1]);
    }

    [Theory]
    [InlineData("inv(A*B)", "inv(A)*inv(B)")]
    [InlineData("det(A + B)", "det(A) + det(B)")]
    [InlineData("(A + B)*inv(A + B)", "I")]
    [InlineData("det(2*A)", "2*det(A)")]
    [InlineData("inv(A)", "inv(A)'")]
    [InlineData("A*inv(B)", "I")]
    [InlineData("adj(A + B)", "adj(A) + adj(B)")]
    [InlineData("inv(X)", "adj(X)/det(X)")]
    [InlineData("X^-2", "inv(X)")]
    public void What_is_false_or_beyond_the_rewrites_is_not_proved(string left, string right)
    {
        var forms = Sides(left, right);
        Assert.NotEqual(forms[0], forms[1]);
    }

    [Theory]
    [InlineData("inv(A*X*B)")]
    [InlineData("tr(inv(X)*A)*det(X + A)")]
    [InlineData("inv(A + B)*inv(A)'*det(A*B + B)")]
    [InlineData("sum(k; inv(A + diag(B[k,:]))[k,k])")]
    [InlineData("log(det(X'*X))")]
    [InlineData("adj(A*X + B)*adj(X)'*X^-2")]
    public void Canonicalization_is_idempotent(string text)
    {
        var form = Bound.Canonical(text)[0];
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: false));
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: true));
    }

    [Theory]
    [InlineData("log(det(X))", "X", "inv(X)'")]
    [InlineData("tr(A*inv(X)*B)", "X", "-inv(X)'*A'*B'*inv(X)'")]
    [InlineData("det(X)", "X", "det(X)*inv(X)'")]
    [InlineData("tr(inv(X))", "X", "-inv(X)'^2")]
    [InlineData("log(det(A*X*B))", "X", "A'*inv(A*X*B)'*B'")]
    [InlineData("tr(inv(X + A))", "X", "-inv(A + X)'^2")]
    [InlineData("tr(X^-2)", "X", "-2*inv(X)'^3")]
    [InlineData("tr(adj(X))", "X", "det(X)*tr(inv(X))*inv(X)' - det(X)*inv(X)'^2")]
    [InlineData("inv(X)[k,l]", "X[i,j]", "-inv(X)[k,i]*inv(X)[j,l]")]
    public void Derivatives_follow_d_inv_and_Jacobis_formula_and_print_as_references_write_them(string of, string wrt, string claim)
    {
        var bound = new Bound();
        var (derivative, expected) = Bound.Derive(bound, of, wrt, claim);
        Assert.Equal(expected, derivative);
        if (wrt.Contains('[', StringComparison.Ordinal)) return;
        var x = (SymbolExpr)bound.Resolve(bound.Bind(wrt));
        var printed = MatrixForm.Print(derivative, MatrixFormContext.For(bound.Binder, x.Shape));
        Assert.NotNull(printed);
        Assert.True(printed.InMatrixNotation);
        Assert.Equal(claim, ExprPrinter.Print(printed.Expr));
    }

    // print∘parse: the printed canonical form binds back to the same canonical form.
    [Theory]
    [InlineData("inv(A)*B", "inv(A)*B")]
    [InlineData("B*inv(A)'", "B*inv(A)'")]
    [InlineData("tr(inv(A))", "tr(inv(A))")]
    [InlineData("det(A)*inv(A + B)", "det(A)*inv(A + B)")]
    [InlineData("x'*inv(A)*x", "x'*inv(A)*x")]
    [InlineData("inv(A*B)", "inv(B)*inv(A)")]
    [InlineData("log(det(A*B + B))", "log(det(A*B + B))")]
    [InlineData("adj(A)'*B", "adj(A)'*B")]
    [InlineData("A^-2", "inv(A)^2")]
    public void Canonical_forms_print_back_in_matrix_notation(string text, string expected)
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n" });
        var expr = bound.Resolve(bound.Bind(text));
        var form = bound.Context().Canonical(expr);
        var shape = Shapes.Of(expr);
        var printed = MatrixForm.Print(form, MatrixFormContext.For(bound.Binder, shape));
        Assert.NotNull(printed);
        Assert.Equal(expected, ExprPrinter.Print(printed.Expr));
        Assert.Equal(form, bound.Context().Canonical(bound.Resolve(bound.Bind(ExprPrinter.Print(printed.Expr)))));
    }

    // The fuzzer differentiates with dual numbers through the evaluator's elimination, which shares nothing
    // with the symbolic rules; a wrong rule (a lost sign, a lost transpose) is refuted.
    [Theory]
    [InlineData("log(det(X))", "X", "inv(X)'", true)]
    [InlineData("tr(A*inv(X)*B)", "X", "-inv(X)'*A'*B'*inv(X)'", true)]
    [InlineData("det(A*X)", "X", "det(A*X)*inv(X)'", true)]
    [InlineData("tr(inv(X)*inv(X))", "X", "-2*(inv(X)*inv(X)*inv(X))'", true)]
    [InlineData("log(det(X))", "X", "inv(X)", false)]
    [InlineData("tr(A*inv(X)*B)", "X", "inv(X)'*A'*B'*inv(X)'", false)]
    [InlineData("det(X)", "X", "inv(X)'", false)]
    [InlineData("tr(adj(X))", "X", "det(X)*tr(inv(X))*inv(X)' - det(X)*inv(X)'*inv(X)'", true)]
    [InlineData("tr(A*X^-2)", "X", "-inv(X)'*A'*inv(X)'*inv(X)' - inv(X)'*inv(X)'*A'*inv(X)'", true)]
    [InlineData("tr(A*X^-2)", "X", "-2*inv(X)'*A'*inv(X)'*inv(X)'", false)]
    public void Derivatives_agree_with_dual_numbers(string of, string wrt, string claim, bool holds)
    {
        var evidence = new FuzzMethod(60).Run(Entries.Derivative(of, wrt, claim), 7, CancellationToken.None);
        Assert.Equal(holds ? "confirmed" : "refuted", evidence.Result.Outcome);
    }
}
