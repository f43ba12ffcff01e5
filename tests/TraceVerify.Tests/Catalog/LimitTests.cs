using TraceVerify.Catalog;

namespace TraceVerify.Tests.Catalog;

// Runaway input becomes a verdict, not a hang: an expansion past the term limit is inconclusive for the
// symbolic engine, and an over-long expression is ill-formed.
public class LimitTests
{
    [Fact]
    public void An_expansion_past_the_limit_is_inconclusive_not_a_hang()
    {
        var text = "- id: big\n  kind: equality\n  shapes:\n    a: scalar\n    b: scalar\n  lhs: (a+b)^40\n  rhs: (b+a)^40\n";
        var entry = CatalogLoader.Parse(text, "big.yaml").Entries[0];
        var result = new Verifier(new VerifierOptions(1, EntryTimeLimit: TimeSpan.FromSeconds(20)), []).Check(entry);
        Assert.Equal(Verdict.Undecided, result.Verdict);
        Assert.Contains("exceeds the limit", result.Methods[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_over_long_expression_is_ill_formed_with_its_own_code()
    {
        var sum = string.Join("+", Enumerable.Repeat("A", 30_000));
        var text = $"- id: long\n  kind: equality\n  lhs: {sum}\n  rhs: A\n";
        var result = new Verifier(new VerifierOptions(1), []).Check(CatalogLoader.Parse(text, "long.yaml").Entries[0]);
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        Assert.Equal("TV0106", result.Diagnostics[0].Code);
    }
}
