using TraceVerify.Fuzzing;
using TraceVerify.Proof;
using TraceVerify.Reporting;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Symbolic;

// I(n), ones(m), ones(m, n), zeros(m, n) and the contextual zero `0` in every method: the parse and its
// located errors, the rigid shapes they fix, the index form, idempotence, derivatives, exact fuzzing, Z3,
// the printer read back and MathML.
public class SizedConstantTests
{
    private static readonly Dictionary<string, string> Declared = new() { ["A"] = "m x n", ["x"] = "n x 1", ["S"] = "3 x 3" };

    [Theory]
    [InlineData("I(5)", "I(5)")]
    [InlineData("ones(m,n)", "ones(m, n)")]
    [InlineData("zeros( m )", "zeros(m)")]
    public void Sized_constants_parse_and_print_back(string text, string printed)
    {
        Assert.Equal(printed, Bound.PrintedBack(text));
    }

    [Theory]
    [InlineData("I(0)", "TV0130", 2)]
    [InlineData("I(m, n)", "TV0130", 3)]
    [InlineData("ones(m, n, p)", "TV0130", 9)]
    [InlineData("zeros(2.5)", "TV0130", 6)]
    [InlineData("I(A*B)", "TV0101", 3)]
    [InlineData("ones(-1)", "TV0130", 5)]
    public void A_bad_size_is_a_located_syntax_error(string text, string code, int start)
    {
        Assert.Equal((code, start), Bound.ParseErrorAt(text));
    }

    [Theory]
    [InlineData("I(3)", "3×3")]
    [InlineData("ones(n)", "n×1")]
    [InlineData("ones(m, n)", "m×n")]
    [InlineData("zeros(m, 2)", "m×2")]
    [InlineData("A + zeros(m, n)", "m×n")]
    [InlineData("I(n)*x", "n×1")]
    public void A_size_fixes_the_shape_rigidly(string text, string shape)
    {
        Assert.Equal(shape, new Bound(Declared).ShapeText(text));
    }

    [Theory]
    [InlineData("I(k)", "TV0221", 2)]
    [InlineData("A*I(m)", "TV0211", 1)]
    [InlineData("S + I(2)", "TV0201", 2)]
    [InlineData("x + ones(m)", "TV0211", 2)]
    public void An_undeclared_letter_or_a_size_the_context_contradicts_is_a_located_error(string text, string code, int start)
    {
        Assert.Equal((code, start), new Bound(Declared).ErrorAt(text));
    }

    [Theory]
    [InlineData("A - A", "0")]
    [InlineData("A + 0", "A")]
    [InlineData("0 - A + A", "zeros(m, n)")]
    [InlineData("I(3)*S", "S")]
    [InlineData("ones(n)'*x", "sum(i; x[i])")]
    [InlineData("ones(m, n)", "ones(m)*ones(n)'")]
    [InlineData("zeros(m, n)'", "zeros(n, m)")]
    [InlineData("A*zeros(n, 2)", "0")]
    public void The_index_form_proves_what_the_constants_mean(string left, string right)
    {
        var forms = Sides(left, right);
        Assert.Equal(forms[0], forms[1]);
    }

    [Theory]
    [InlineData("A*A'", "0")]
    [InlineData("ones(m, n)", "A")]
    [InlineData("I(3)", "S")]
    public void What_is_false_is_not_proved(string left, string right)
    {
        var forms = Sides(left, right);
        Assert.NotEqual(forms[0], forms[1]);
    }

    private static CanonicalSum[] Sides(string left, string right) => Bound.Unified(new Bound(Declared), left, right);

    [Theory]
    [InlineData("ones(m)'*A*ones(n) + 0")]
    [InlineData("tr(I(3)*S) - 0")]
    public void Canonicalization_is_idempotent(string text)
    {
        var form = Bound.Canonical(new Bound(Declared), text)[0];
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: false));
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: true));
    }

    [Theory]
    [InlineData("ones(m)'*A*ones(n)", "A", "ones(m, n)", true)]
    [InlineData("tr(I(3)*S*S)", "S", "2*S'", true)]
    [InlineData("tr(S)", "S", "0", false)]
    [InlineData("tr(S'*ones(3, 3))", "S", "ones(3, 3)", true)]
    public void Derivatives_agree_with_dual_numbers(string of, string wrt, string claim, bool holds)
    {
        var shapes = new Dictionary<string, string> { ["A"] = "m x n", ["S"] = "3 x 3" };
        var evidence = new FuzzMethod(40).Run(Entries.Derivative(of, wrt, [claim], null, shapes), 5, CancellationToken.None);
        Assert.Equal(holds ? "confirmed" : "refuted", evidence.Result.Outcome);
    }

    [Theory]
    [InlineData("A - A", "0", "confirmed")]
    [InlineData("A*A' - A'*A", "0", "refuted")]
    [InlineData("X*adj(X) + zeros(2, 2)", "det(X)*I(2) + 0", "confirmed")]
    public void Fuzzing_and_Z3_decide_zero_claims_exactly(string left, string right, string outcome)
    {
        var entry = Entries.Equality(left, right);
        Assert.Equal(outcome, new FuzzMethod(40).Run(entry, 3, CancellationToken.None).Result.Outcome);
        Assert.Equal(outcome, new Z3Method(maxDimension: 2).Run(entry, 3, CancellationToken.None).Result.Outcome);
    }

    [Theory]
    [InlineData("zeros(2, 3)", "zeros(2, 3)")]
    [InlineData("A - A", "0")]
    public void The_zero_prints_so_that_it_binds_back(string text, string printed)
    {
        var bound = new Bound(Declared);
        var raw = bound.Bind(text);
        var expr = bound.Resolve(raw);
        var form = bound.Context().Canonical(expr);
        Assert.True(form.Terms.Count == 0);
        if (text.StartsWith("zeros", StringComparison.Ordinal)) Assert.Equal(printed, ExprPrinter.Print(expr));
        var again = bound.Bind(printed);
        Assert.True(bound.Binder.UnifyShapes(Shapes.Of(raw), Shapes.Of(again)));
        Assert.Equal(form, bound.Context().Canonical(bound.Resolve(again)));
    }

    [Theory]
    [InlineData("I(5)", "<msub><mi mathvariant=\"normal\">I</mi><mrow><mn>5</mn></mrow></msub>")]
    [InlineData("ones(m, n)", "<msub><mn>\U0001D7CF</mn><mrow><mi>m</mi><mo>×</mo><mi>n</mi></mrow></msub>")]
    [InlineData("zeros(2)", "<msub><mn>0</mn><mrow><mn>2</mn></mrow></msub>")]
    public void MathMl_writes_the_sizes_as_a_subscript(string text, string expected)
    {
        Assert.Equal(expected, MathMl.Render(Parser.Parse(text).Node!));
    }
}
