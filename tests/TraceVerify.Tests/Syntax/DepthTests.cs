using TraceVerify.Catalog;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Syntax;

// Deeply nested input is a located "nested too deeply" (TV0107), never a stack overflow in a later pass; the
// limit counts tree levels, so a chain of operators counts one level per operator.
public class DepthTests
{
    public static TheoryData<string, string> Deep => new()
    {
        { "parentheses", new string('(', 3000) + "A" + new string(')', 3000) },
        { "minus signs", new string('-', 3000) + "A" },
        { "transposes", "A" + new string('\'', 3000) },
        { "transposes as ^T", "A" + string.Concat(Enumerable.Repeat("^T", 2500)) },
        { "a long sum", string.Join("+", Enumerable.Repeat("A", 5000)) },
        { "calls", string.Concat(Enumerable.Repeat("tr(", 500)) + "A" + new string(')', 500) },
    };

    [Theory]
    [MemberData(nameof(Deep))]
    public void Deep_nesting_is_nested_too_deeply_with_a_position(string what, string text)
    {
        var result = Parser.Parse(text);

        Assert.False(result.Succeeded, what);
        var error = Assert.Single(result.Errors);
        Assert.Equal("TV0107", error.Code);
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Span.Start, 0, text.Length);
    }

    [Theory]
    [MemberData(nameof(Deep))]
    public void A_deeply_nested_entry_is_ill_formed_through_the_whole_verifier(string what, string text)
    {
        var yaml = $"- id: deep\n  kind: equality\n  lhs: \"{text}\"\n  rhs: A\n";
        var result = new Verifier(new VerifierOptions(1), []).Check(CatalogLoader.Parse(yaml, "deep.yaml").Entries[0]);

        Assert.True(result.Verdict == Verdict.IllFormed, what);
        Assert.Contains(result.Diagnostics, d => d.Code == "TV0107" && d.Location!.Line == 3);
    }

    [Fact]
    public void Nesting_just_under_the_limits_still_parses()
    {
        Assert.True(Parser.Parse(new string('(', Parser.MaxNesting - 1) + "A" + new string(')', Parser.MaxNesting - 1)).Succeeded);
        Assert.True(Parser.Parse(string.Join("+", Enumerable.Repeat("A", Parser.MaxDepth / 2))).Succeeded);
        Assert.True(Parser.Parse(new string('-', Parser.MaxDepth - 2) + "A").Succeeded);
    }
}
