using TraceVerify.Diagnostics;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Tests.Syntax.Latex;

// Expected failures are diagnostics: no input makes the reader throw, however broken or deep.
public class LatexRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "A", "x", "AB", "tr", "diag", @"\mathbf{X}", @"\mathbf{1}", "2", "+", "-", "=", "/", "^", "_", "^T", "^{-1}", "_{ij}", "_{k:}",
        "{", "}", "(", ")", "[", "]", @"\left(", @"\right)", "|", @"\|", @"\vert", ",", ":", "&", @"\\", "?", @"\partial", @"\frac",
        @"\sum", @"\sum_{k=1}^{n}", @"\nabla", @"\det", @"\ln", @"\odot", @"\otimes", @"\cdot", @"\langle", @"\rangle", @"\cdots",
        @"\vdots", @"\begin{bmatrix}", @"\end{bmatrix}", @"\foo", "d", " ", @"\,", "'", @"\delta", "1", "K",
    ];

    [Fact]
    public void Random_token_soup_is_read_or_reported_never_thrown()
    {
        var random = new Random(20261128);
        for (var trial = 0; trial < 3000; trial++)
        {
            var length = random.Next(1, 14);
            var formula = string.Concat(Enumerable.Range(0, length).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var reading = LatexReader.Read(formula);
            Assert.True(reading.Read || reading.Errors.Count > 0, formula);
            Assert.All(reading.AllErrors, e => Assert.InRange(e.Span.Start, 0, formula.Length));
        }
    }

    [Theory]
    [InlineData(@"\ln", 5000, "")]
    [InlineData(@"\partial", 5000, "X")]
    [InlineData("(", 5000, "")]
    [InlineData(@"\frac{", 3000, "")]
    [InlineData("A ", 30000, "")]
    public void Deep_or_huge_input_is_a_diagnostic(string piece, int count, string tail)
    {
        var reading = LatexReader.Read(string.Concat(Enumerable.Repeat(piece, count)) + tail);
        Assert.False(reading.Read);
        Assert.NotEmpty(reading.Errors);
    }

    [Fact]
    public void A_long_product_within_the_limit_reads_and_prints()
    {
        var count = LatexParser.MaxTokens - 1;
        var reading = LatexReader.Read(string.Concat(Enumerable.Repeat("A ", count)));
        Assert.True(reading.Read);
        var text = TraceVerify.Syntax.SyntaxPrinter.Print(Assert.Single(reading.Sides).Expression!);
        Assert.Equal(count * 2 - 1, text.Length);
        Assert.Equal(DiagnosticCodes.ExpressionTooLarge, Assert.Single(LatexReader.Read(string.Concat(Enumerable.Repeat("A ", count + 2))).Errors).Code);
    }

    [Fact]
    public void A_huge_derivative_order_is_a_diagnostic()
    {
        Assert.Equal("the order `99999999999` is too large (at most 1000)", Assert.Single(LatexReader.Read(@"\partial^{99999999999} f/\partial x^2").Errors).Message);
    }
}
