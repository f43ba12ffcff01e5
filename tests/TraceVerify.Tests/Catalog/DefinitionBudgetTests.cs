using System.Diagnostics;
using System.Text;
using TraceVerify.Catalog;

namespace TraceVerify.Tests.Catalog;

// `where:` definitions are measured inlined before binding: a deep chain or one that doubles at each line is a
// located TV0108 in well under a second, for `check` and `lint` alike, instead of a stack overflow or gigabytes.
public class DefinitionBudgetTests
{
    private static CatalogEntry Chain(int lines, string step)
    {
        var yaml = new StringBuilder("- id: chain\n  kind: equality\n  where:\n    D_0: A\n");
        for (var k = 1; k <= lines; k++) yaml.Append("    D_").Append(k).Append(": ").Append(step.Replace("PREV", $"D_{k - 1}", StringComparison.Ordinal)).Append('\n');
        yaml.Append($"  lhs: tr(D_{lines})\n  rhs: tr(D_{lines})\n");
        return CatalogLoader.Parse(yaml.ToString(), "chain.yaml").Entries[0];
    }

    [Theory]
    [InlineData(6000, "PREV + A", "nested more than")]
    [InlineData(35, "PREV + PREV", "nodes")]
    public void A_runaway_where_chain_is_ill_formed_before_it_is_expanded(int lines, string step, string why)
    {
        var entry = Chain(lines, step);
        var clock = Stopwatch.StartNew();

        var result = new Verifier(new VerifierOptions(1), []).Check(entry);
        var lint = Linter.Lint(entry);

        // 2^35 nodes expanded would never finish: any bound far below that catches a budget that is not checked
        // before expansion, and 10 s stays far from the time a loaded CI machine takes for the real work.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        var budget = Assert.Single(result.Diagnostics, d => d.Code == "TV0108");
        Assert.Contains(why, budget.Message, StringComparison.Ordinal);
        Assert.True(budget.Location!.Line > 3, "located at the definition past the limit");
        Assert.Contains(lint, d => d.Code == "TV0108");
    }

    [Fact]
    public void A_modest_chain_that_doubles_is_still_bound_and_proved()
    {
        var result = new Verifier(new VerifierOptions(1), []).Check(Chain(8, "PREV + PREV"));

        Assert.Equal(Verdict.Proved, result.Verdict);
    }
}
