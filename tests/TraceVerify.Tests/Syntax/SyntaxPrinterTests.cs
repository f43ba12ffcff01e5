using TraceVerify.Catalog;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Syntax;

// The printer writes text the parser reads back to the same tree: parentheses only where precedence and
// left associativity need them, plus around products under .* and ./ for the reader.
public class SyntaxPrinterTests
{
    [Theory]
    [InlineData("A*B*C", "A*B*C")]
    [InlineData("A*(B*C)", "A*(B*C)")]
    [InlineData("A - (B - C)", "A - (B - C)")]
    [InlineData("(A + B)*C", "(A + B)*C")]
    [InlineData("A'*ones .* B*ones", "(A'*ones) .* (B*ones)")]
    [InlineData("V ./ (A*X*B)", "V ./ (A*X*B)")]
    [InlineData("-2*X*H'", "-2*X*H'")]
    [InlineData("-(A - B)", "-(A - B)")]
    [InlineData("(A*B)'", "(A*B)'")]
    [InlineData("(A*B)[i,k]", "(A*B)[i,k]")]
    [InlineData("B[k,:]*C[:,l]", "B[k,:]*C[:,l]")]
    [InlineData("x[j]", "x[j]")]
    [InlineData("(x[i] - y[i])^2", "(x[i] - y[i])^2")]
    [InlineData("sum(i,j; A[i,j])", "sum(i,j; A[i,j])")]
    [InlineData("rows(k; B[k,:]*X)", "rows(k; B[k,:]*X)")]
    [InlineData("1/2*A", "1/2*A")]
    [InlineData("0.5*A", "1/2*A")]
    [InlineData("tr(V'*log(A*X*B))", "tr(V'*log(A*X*B))")]
    public void Prints_text_the_parser_reads_back(string text, string expected)
    {
        var printed = SyntaxPrinter.Print(Parser.Parse(text).Node!);
        Assert.Equal(expected, printed);
        Assert.Equal(printed, SyntaxPrinter.Print(Parser.Parse(printed).Node!));
    }

    [Fact]
    public void Every_expression_of_the_notes_catalog_round_trips()
    {
        var texts = CatalogLoader.Load(SourceTree.Resolve("identities.yaml")).Entries
            .SelectMany(e => e.Sides.Concat(new[] { e.Of }.OfType<SourceText>()).Concat(e.Where.Select(w => w.Value)))
            .Select(t => t.Text).ToArray();
        Assert.True(texts.Length > 80);
        foreach (var text in texts)
        {
            var printed = SyntaxPrinter.Print(Parser.Parse(text).Node!);
            var reparsed = Parser.Parse(printed);
            Assert.True(reparsed.Succeeded, $"`{printed}` (from `{text}`) does not parse");
            Assert.Equal(printed, SyntaxPrinter.Print(reparsed.Node!));
        }
    }
}
