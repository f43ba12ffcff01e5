using TraceVerify.Reporting;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Tests.Reporting;

// sin, cos, tan, sqrt, abs and rational powers as a reader of the references writes them: MathML for the HTML
// report, LaTeX out; the reader maps \sin, \cos, \tan, \sqrt{} and |s| of a visible scalar (LatexReaderTests), never |X|.
public class ScalarFunctionRenderingTests
{
    private static string MathMlOf(string text) => MathMl.Render(Parser.Parse(text).Node!);

    [Theory]
    [InlineData("sqrt(x)", "<msqrt><mi>x</mi></msqrt>")]
    [InlineData("abs(t)", "<mrow><mo>|</mo><mi>t</mi><mo>|</mo></mrow>")]
    [InlineData("sin(X)", "<mi>sin</mi>")]
    [InlineData("s^(3/2)", "<msup><mi>s</mi><mrow><mn>3</mn><mo>/</mo><mn>2</mn></mrow></msup>")]
    [InlineData("s^(-1/2)", "<mrow><mo>\u2212</mo><mn>1</mn><mo>/</mo><mn>2</mn></mrow>")]
    public void MathMl_renders_each_function(string text, string expected) =>
        Assert.Contains(expected, MathMlOf(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("sqrt(x'*x)", @"\sqrt{\mathbf{x}^T \mathbf{x}}")]
    [InlineData("abs(t)", @"\left| \mathbf{t} \right|")]
    [InlineData("tan(t)", @"\tan\left( \mathbf{t} \right)")]
    [InlineData("s^(3/2)", @"\mathbf{s}^{3/2}")]
    public void LaTeX_prints_each_function(string text, string expected) =>
        Assert.Contains(expected, LatexPrinter.Print(Parser.Parse(text).Node!), StringComparison.Ordinal);

    [Fact]
    public void Bars_around_a_matrix_are_not_guessed()
    {
        var reading = LatexReader.Read(@"|\mathbf{X}|");
        var error = Assert.Single(reading.Sides).Error;
        Assert.NotNull(error);
        Assert.Equal("TV0124", error!.Code);
    }
}
