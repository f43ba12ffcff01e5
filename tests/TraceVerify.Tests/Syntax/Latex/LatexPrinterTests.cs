using TraceVerify.Catalog;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Tests.Syntax.Latex;

// LaTeX output in the notes' style that the reader reads back to the same expression.
public class LatexPrinterTests
{
    private static string RoundTrip(string text)
    {
        var latex = LatexPrinter.Print(Parser.Parse(text).Node!);
        var reading = LatexReader.Read(latex);
        Assert.True(reading.Read && reading.Sides.All(s => s.Mapped), $"`{latex}` (from `{text}`) does not read back: {string.Join("; ", reading.AllErrors.Select(e => e.Message))}");
        return SyntaxPrinter.Print(Assert.Single(reading.Sides).Expression!);
    }

    [Theory]
    [InlineData("A'*B'", @"\mathbf{A}^T \mathbf{B}^T")]
    [InlineData("-2*X*H' + 2*W*H*H'", @"-2 \mathbf{X} \mathbf{H}^T + 2 \mathbf{W} \mathbf{H} \mathbf{H}^T")]
    [InlineData("(A' .* B)*ones", @"\left( \mathbf{A}^T \odot \mathbf{B} \right) \mathbf{1}")]
    [InlineData("A'*(V ./ (A*X*B))*B'", @"\mathbf{A}^T \frac{\mathbf{V}}{\mathbf{A} \mathbf{X} \mathbf{B}} \mathbf{B}^T")]
    [InlineData("tr(A*diag(x)*B)", @"\operatorname{tr}\left( \mathbf{A} \operatorname{diag}\left( \mathbf{x} \right) \mathbf{B} \right)")]
    [InlineData("sum(i; A[i,j]*B[j,i])", @"\sum_{i} \mathbf{A}_{i,j} \mathbf{B}_{j,i}")]
    [InlineData("fro(X - W*H)^2", @"\left\| \mathbf{X} - \mathbf{W} \mathbf{H} \right\|_F^{2}")]
    [InlineData("B'*rows(k; B[k,:]*X)", @"\mathbf{B}^T \begin{bmatrix} \mathbf{B}_{1,:} \mathbf{X} \\ \vdots \\ \mathbf{B}_{K,:} \mathbf{X} \end{bmatrix}")]
    public void Prints_in_the_notes_style(string text, string expected)
    {
        Assert.Equal(expected, LatexPrinter.Print(Parser.Parse(text).Node!));
    }

    [Theory]
    [InlineData("sum(i; x[i])*y[j]")]
    [InlineData("-(A - B) + C")]
    [InlineData("B*(-A)")]
    [InlineData("x[i] ./ y[i]")]
    [InlineData("X/s")]
    [InlineData("1/2*W2'*W2")]
    [InlineData("matrix(i,j; A[j,i])")]
    [InlineData("(A*B)[i,k]")]
    public void Reads_back_to_the_same_expression(string text)
    {
        Assert.Equal(SyntaxPrinter.Print(Parser.Parse(text).Node!), RoundTrip(text));
    }

    [Fact]
    public void Every_expression_of_the_notes_catalog_reads_back_to_itself()
    {
        var texts = CatalogLoader.Load(SourceTree.Resolve("identities.yaml")).Entries
            .SelectMany(e => e.Sides.Concat(new[] { e.Of }.OfType<SourceText>()).Concat(e.Where.Select(w => w.Value)))
            .Select(t => t.Text).ToArray();
        foreach (var text in texts) Assert.Equal(SyntaxPrinter.Print(Parser.Parse(text).Node!), RoundTrip(text));
    }
}
