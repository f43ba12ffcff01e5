using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;
using TraceVerify.Reporting;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Symbolic;

// [a, b; c, d]: a matrix of literal size whose entries are scalar expressions. Its index form is the sum of
// its entries pinned to their positions (entry·e_r(row)·e_c(column)); exact fuzzing and Z3 decide what the
// canonical form does not reach, the printer and MathML write it as written.
public class MatrixLiteralTests
{
    [Theory]
    [InlineData("[a, b; c, d]", "[a, b; c, d]")]
    [InlineData("[1,2,3]", "[1, 2, 3]")]
    [InlineData("[x'*y; det(A); -s]", "[x'*y; det(A); -s]")]
    [InlineData("2*[a+b, c]'", "2*[a + b, c]'")]
    public void Literals_parse_and_print_back(string text, string printed)
    {
        Assert.Equal(printed, Bound.PrintedBack(text));
    }

    [Theory]
    [InlineData("[a, b; c]", "TV0132", 7)]
    [InlineData("[a; b, c]", "TV0132", 4)]
    [InlineData("[a, b", "TV0103", 0)]
    [InlineData("[a b]", "TV0101", 3)]
    [InlineData("[]", "TV0101", 1)]
    public void A_ragged_or_unclosed_literal_is_a_located_syntax_error(string text, string code, int start)
    {
        Assert.Equal((code, start), Bound.ParseErrorAt(text));
    }

    [Theory]
    [InlineData("[a, b; c, d]", "2×2")]
    [InlineData("[a, b, c]", "1×3")]
    [InlineData("[a; b]", "2×1")]
    [InlineData("[x'*y, det(A)]", "1×2")]
    [InlineData("[a]", "scalar")]
    public void A_literal_has_its_literal_shape(string text, string shape)
    {
        Assert.Equal(shape, new Bound(new Dictionary<string, string> { ["x"] = "n x 1", ["y"] = "n x 1", ["A"] = "n x n" }).ShapeText(text));
    }

    [Theory]
    [InlineData("[a, A]", "TV0211", 4)]
    [InlineData("[a, x*x']", "TV0211", 4)]
    [InlineData("[1, 2; 3, 4]*A", "TV0211", 12)]
    public void A_matrix_entry_or_a_size_the_context_contradicts_is_a_located_error(string text, string code, int start)
    {
        Assert.Equal((code, start), new Bound(new Dictionary<string, string> { ["x"] = "n x 1", ["A"] = "n x n" }).ErrorAt(text));
    }

    [Fact]
    public void An_entry_that_is_a_literal_matrix_is_TV0224()
    {
        Assert.Equal("TV0224", new Bound().SingleError("[a, [b, c]]").Code);
    }

    // Proved where the pinned forms meet; a false identity, or a whole-matrix function of a literal the
    // canonical form does not expand, is inconclusive — never proved.
    [Theory]
    [InlineData("[a, b; c, d]'", "[a, c; b, d]", "proved")]
    [InlineData("[1, 0; 0, 1]", "I(2)", "proved")]
    [InlineData("[1; 1]", "ones(2)", "proved")]
    [InlineData("[a, b; c, d]*[x1; x2]", "[a*x1 + b*x2; c*x1 + d*x2]", "proved")]
    [InlineData("tr([a, b; c, d])", "a + d", "proved")]
    [InlineData("[a, b; c, d][2,1]", "c", "proved")]
    [InlineData("[x'*y, 1]*[1; 2]", "x'*y + 2", "proved")]
    [InlineData("det([a, b; c, d])", "a*d - b*c", "proved")]
    [InlineData("inv([a, b; c, d])", "[d, -b; -c, a]/(a*d - b*c)", "proved")]
    [InlineData("[a, b; c, d]*adj([a, b; c, d])", "det([a, b; c, d])*I(2)", "proved")]
    [InlineData("[a, b; c, d]^2 - (a + d)*[a, b; c, d] + (a*d - b*c)*I", "0", "proved")]
    [InlineData("[a, b; c, d]'", "[a, b; c, d]", "inconclusive")]
    [InlineData("inv([a, b; c, d])", "[d, b; c, a]/(a*d - b*c)", "inconclusive")]
    [InlineData("[1, 0; 0, 1]", "ones(2, 2)", "inconclusive")]
    [InlineData("det([a, b; c, d])", "a*d + b*c", "inconclusive")]
    public void The_symbolic_method_proves_literals_by_their_pinned_forms(string left, string right, string outcome)
    {
        var shapes = new Dictionary<string, string> { ["a"] = "scalar", ["b"] = "scalar", ["c"] = "scalar", ["d"] = "scalar", ["x1"] = "scalar", ["x2"] = "scalar", ["x"] = "n x 1", ["y"] = "n x 1" };
        Assert.Equal(outcome, SymbolicCheck.Run(Entries.Equality(shapes, left, right)).Result.Outcome);
    }

    [Theory]
    [InlineData("det([a, b; c, d])", "a*d - b*c", "confirmed")]
    [InlineData("det([a, b; c, d])", "a*d + b*c", "refuted")]
    [InlineData("[a, b; c, d]*adj([a, b; c, d])", "det([a, b; c, d])*I(2)", "confirmed")]
    [InlineData("[a, b; c, d]^2 - (a + d)*[a, b; c, d] + (a*d - b*c)*I", "0", "confirmed")]
    [InlineData("[a, b; c, d]'", "[a, c; b, d]", "confirmed")]
    [InlineData("[a, b; c, d]'", "[a, b; c, d]", "refuted")]
    [InlineData("[x'*y, 1]*[1; 2]", "x'*y + 2", "confirmed")]
    public void Fuzzing_and_Z3_decide_literals_exactly(string left, string right, string outcome)
    {
        var entry = Entries.Equality(new Dictionary<string, string> { ["a"] = "scalar", ["b"] = "scalar", ["c"] = "scalar", ["d"] = "scalar", ["x"] = "n x 1", ["y"] = "n x 1" }, left, right);
        Assert.Equal(outcome, new FuzzMethod(40).Run(entry, 3, CancellationToken.None).Result.Outcome);
        Assert.Equal(outcome, new Z3Method(maxDimension: 2).Run(entry, 3, CancellationToken.None).Result.Outcome);
    }

    [Fact]
    public void The_inverse_of_a_literal_is_its_adjugate_over_its_determinant()
    {
        var shapes = new Dictionary<string, string> { ["a"] = "scalar", ["b"] = "scalar", ["c"] = "scalar", ["d"] = "scalar" };
        var right = Entries.Equality(shapes, "inv([a, b; c, d])", "[d, -b; -c, a]/(a*d - b*c)");
        var wrong = Entries.Equality(shapes, "inv([a, b; c, d])", "[d, b; c, a]/(a*d - b*c)");
        Assert.Equal("confirmed", new FuzzMethod(60).Run(right, 3, CancellationToken.None).Result.Outcome);
        Assert.Equal("refuted", new FuzzMethod(60).Run(wrong, 3, CancellationToken.None).Result.Outcome);
    }

    // The dual numbers differentiate through the literal's entries.
    [Theory]
    [InlineData("det([s, 1; 2, s])", "s", "2*s", true)]
    [InlineData("tr([s*s, s; 1, s])", "s", "2*s + 1", true)]
    [InlineData("det([s, 1; 2, s])", "s", "s", false)]
    public void Derivatives_agree_with_dual_numbers(string of, string wrt, string claim, bool holds)
    {
        var evidence = new FuzzMethod(40).Run(Entries.Derivative(of, wrt, [claim], null, new Dictionary<string, string> { ["s"] = "scalar" }), 5, CancellationToken.None);
        Assert.Equal(holds ? "confirmed" : "refuted", evidence.Result.Outcome);
    }

    [Theory]
    [InlineData("[a, b; c, d]")]
    [InlineData("[a + b, -c]'*2")]
    public void A_bound_literal_prints_back_to_the_same_expression(string text)
    {
        var bound = new Bound();
        var expr = bound.Resolve(bound.Bind(text));
        Assert.Equal(expr, bound.Resolve(bound.Bind(ExprPrinter.Print(expr))));
        Assert.Equal(expr, bound.Resolve(bound.Bind(ExprPrinter.Print(ExprTidy.Tidy(expr)))) is var tidied && Shapes.Of(tidied) == Shapes.Of(expr) ? expr : tidied);
    }

    [Fact]
    public void Tidying_transposes_a_literal_entry_by_entry()
    {
        var bound = new Bound();
        Assert.Equal("[a, c; b, d]", ExprPrinter.Print(ExprTidy.Tidy(bound.Resolve(bound.Bind("[a, b; c, d]'")))));
    }

    [Fact]
    public void MathMl_writes_a_table_in_brackets()
    {
        var rendered = MathMl.Render(Parser.Parse("[a, b; c, d]").Node!);
        Assert.Contains("<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>", rendered, StringComparison.Ordinal);
    }
}
