using TraceVerify.Fuzzing;
using TraceVerify.Proof;
using TraceVerify.Reporting;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Symbolic;

// M^n (n ≥ 0) of a square matrix in every method: the shape rule and its located diagnostic, the index form
// (a chain of n copies, M^0 = δ), the rewrites it reaches, idempotence, the derivative Σₖ Mᵏ·dM·Mⁿ⁻¹⁻ᵏ against
// dual numbers, exact fuzzing, Z3, the printer read back and MathML; the expansion budget bounds it.
public class MatrixPowerTests
{
    [Theory]
    [InlineData("X^2")]
    [InlineData("A*X^3*B")]
    [InlineData("(A + B)^2")]
    public void A_power_of_a_symbol_of_unknown_shape_is_a_square_matrix_never_a_scalar(string text)
    {
        var bound = new Bound();
        var expr = bound.Resolve(bound.Bind(text));
        var shape = bound.Binder.SymbolShape(text.Contains('X', StringComparison.Ordinal) ? "X" : "A");
        Assert.False(bound.Binder.Find(shape.Rows).IsOne);
        Assert.Equal(bound.Binder.Find(shape.Rows), bound.Binder.Find(shape.Columns));
        Assert.False(Shapes.Of(expr).IsScalar);
    }

    [Fact]
    public void A_scalar_base_keeps_the_scalar_power()
    {
        var bound = new Bound(new Dictionary<string, string> { ["s"] = "scalar", ["x"] = "n x 1", ["y"] = "n x 1" });
        var expr = Assert.IsType<PowerExpr>(bound.Bind("s^3"));
        Assert.True(Shapes.Of(expr).IsScalar);
        Assert.True(Shapes.Of(bound.Bind("(x'*y)^2")).IsScalar);
    }

    [Theory]
    [InlineData("A^2", 0, 3)]
    [InlineData("B + A^3", 4, 3)]
    [InlineData("(A*A')^2 + A^0", 11, 3)]
    public void A_non_square_base_is_a_located_TV0220(string text, int start, int length)
    {
        var error = new Bound(new Dictionary<string, string> { ["A"] = "2 x 3" }).SingleError(text);
        Assert.Equal("TV0220", error.Code);
        Assert.Equal(start, error.Start);
        Assert.Equal(length, error.Length);
        Assert.Contains("square matrix", error.Message, StringComparison.Ordinal);
    }

    // A declared vector is never narrowed to 1×1 to make `x^2` a scalar square.
    [Fact]
    public void A_declared_vector_base_is_the_declarations_condition()
    {
        var error = new Bound(new Dictionary<string, string> { ["x"] = "n x 1" }).SingleError("x^2");
        Assert.Equal("TV0211", error.Code);
        Assert.Contains("n = 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_form_is_a_chain_of_copies_and_the_zeroth_power_is_delta()
    {
        var cube = Assert.Single(Bound.Canonical("tr(X^3)")[0].Terms);
        Assert.Equal(3, cube.Factors.Count);
        Assert.All(cube.Factors, f => Assert.Equal("X", Assert.IsType<TensorFactor>(f).Symbol));
        var identity = Sides("X^0", "I");
        Assert.Equal(identity[1], identity[0]);
    }

    [Theory]
    [InlineData("X^2*X^3", "X^5")]
    [InlineData("X*X*X", "X^3")]
    [InlineData("(A^2)'", "(A')^2")]
    [InlineData("X^0*A", "A")]
    [InlineData("X^1", "X")]
    [InlineData("(X^2)^3", "X^6")]
    [InlineData("tr(A*X^2)", "tr(X*A*X)")]
    [InlineData("(A + B)^2", "A*A + A*B + B*A + B*B")]
    [InlineData("inv(X)^2", "X^-2")]
    [InlineData("X^-2*X^2", "I")]
    public void The_rewrites_prove_the_power_laws(string left, string right)
    {
        var forms = Sides(left, right);
        Assert.Equal(forms[0], forms[1]);
    }

    private static CanonicalSum[] Sides(string left, string right) =>
        Bound.Unified(new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n" }), left, right);

    [Theory]
    [InlineData("(A + B)^2", "A*A + 2*A*B + B*B")]
    [InlineData("X^2", "X'*X")]
    [InlineData("(A*B)^2", "A*A*B*B")]
    [InlineData("X^3", "X^2")]
    public void What_is_false_is_not_proved(string left, string right)
    {
        var forms = Bound.Canonical(new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n" }), left, right);
        Assert.NotEqual(forms[0], forms[1]);
    }

    [Theory]
    [InlineData("tr(A*X^3*B)")]
    [InlineData("(A + X)^3*X^0")]
    [InlineData("tr((X'*X)^2)*X^2")]
    public void Canonicalization_is_idempotent(string text)
    {
        var form = Bound.Canonical(text)[0];
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: false));
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: true));
    }

    [Theory]
    [InlineData("tr(X^3)", "X", "3*X'^2")]
    [InlineData("tr(A*X^2)", "X", "A'*X' + X'*A'")]
    [InlineData("tr(X^256)", "X", "256*X'^255")]
    [InlineData("tr(X^0*A)", "X", "0*X")]
    public void Derivatives_follow_the_product_rule_over_each_copy_and_print_as_powers(string of, string wrt, string claim)
    {
        var bound = new Bound();
        var (derivative, expected) = Bound.Derive(bound, of, wrt, claim);
        Assert.Equal(expected, derivative);
        if (derivative.Terms.Count == 0) return;
        var x = (SymbolExpr)bound.Resolve(bound.Bind(wrt));
        var printed = MatrixForm.Print(derivative, MatrixFormContext.For(bound.Binder, x.Shape));
        Assert.NotNull(printed);
        Assert.Equal(claim, ExprPrinter.Print(printed.Expr));
    }

    // print∘parse: the printed canonical form binds back to the same canonical form.
    [Theory]
    [InlineData("A*A*B", "A^2*B")]
    [InlineData("(A^2)'", "A'^2")]
    [InlineData("A^3*B*A", "A^3*B*A")]
    [InlineData("tr(A^4)", "tr(A^4)")]
    public void Canonical_forms_print_back_as_powers(string text, string expected)
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n" });
        var expr = bound.Resolve(bound.Bind(text));
        var form = bound.Context().Canonical(expr);
        var printed = MatrixForm.Print(form, MatrixFormContext.For(bound.Binder, Shapes.Of(expr)));
        Assert.NotNull(printed);
        Assert.Equal(expected, ExprPrinter.Print(printed.Expr));
        Assert.Equal(form, bound.Context().Canonical(bound.Resolve(bound.Bind(ExprPrinter.Print(printed.Expr)))));
    }

    // The fuzzer's dual numbers go through the evaluator's repeated squaring, which shares nothing with the
    // symbolic chain; a wrong rule (an order swapped, a transpose lost) is refuted exactly.
    [Theory]
    [InlineData("tr(X^3)", "X", "3*(X^2)'", true)]
    [InlineData("tr(A*X^2)", "X", "A'*X' + X'*A'", true)]
    [InlineData("tr(A*X^2)", "X", "2*A'*X'", false)]
    [InlineData("tr(X^3)", "X", "3*X^2", false)]
    [InlineData("det(X^2)", "X", "2*det(X)^2*inv(X)'", true)]
    public void Derivatives_agree_with_dual_numbers(string of, string wrt, string claim, bool holds)
    {
        var evidence = new FuzzMethod(60).Run(Entries.Derivative(of, wrt, claim), 7, CancellationToken.None);
        Assert.Equal(holds ? "confirmed" : "refuted", evidence.Result.Outcome);
    }

    [Theory]
    [InlineData("det(X^2)", "det(X)^2", true)]
    [InlineData("X^2*X^3", "X^5", true)]
    [InlineData("(A + B)^2", "A^2 + 2*A*B + B^2", false)]
    [InlineData("X^0", "X", false)]
    public void Exact_fuzzing_confirms_the_true_and_refutes_the_false(string left, string right, bool holds)
    {
        var evidence = new FuzzMethod(60).Run(Entries.Equality(left, right), 11, CancellationToken.None);
        Assert.Equal(holds ? "confirmed" : "refuted", evidence.Result.Outcome);
    }

    [Theory]
    [InlineData("det(X^2)", "det(X)^2", "confirmed")]
    [InlineData("X^2*X", "X*X^2", "confirmed")]
    [InlineData("(A + B)^2", "A^2 + 2*A*B + B^2", "refuted")]
    public void Z3_decides_the_polynomial_encoding(string left, string right, string outcome)
    {
        var evidence = new Z3Method(maxDimension: 2).Run(Entries.Equality(left, right), 1, CancellationToken.None);
        Assert.Equal(outcome, evidence.Result.Outcome);
    }

    [Fact]
    public void A_power_past_the_expansion_budget_is_stopped_not_run()
    {
        var bound = new Bound();
        var expr = bound.Resolve(bound.Bind("tr((X^1000)^1000)"));
        Assert.Throws<ExpansionLimitException>(() => bound.Context().Canonical(expr));
        Assert.Equal("TV0105", DiagnosticCodesOf("tr(X^100000)"));
    }

    private static string DiagnosticCodesOf(string text) => Assert.Single(Parser.Parse(text).Errors).Code;

    [Theory]
    [InlineData("X^2", "<msup><mi>X</mi><mn>2</mn></msup>")]
    [InlineData("(A')^3", "<msup><mrow><mo>(</mo><msup><mi>A</mi><mi mathvariant=\"normal\">T</mi></msup><mo>)</mo></mrow><mn>3</mn></msup>")]
    public void MathMl_writes_a_superscript(string text, string expected)
    {
        Assert.Equal(expected, MathMl.Render(Parser.Parse(text).Node!));
    }
}
