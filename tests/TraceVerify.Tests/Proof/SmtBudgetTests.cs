using System.Diagnostics;
using TraceVerify.Catalog;
using TraceVerify.Proof;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Proof;

// The SMT encoding has an expansion budget: a product of 40 sums is a small DAG but an astronomically large
// script; past SmtEncoder.MaxScriptNodes the shape is refused and Z3 is inconclusive, naming the budget,
// instead of exhausting memory.
public class SmtBudgetTests
{
    private static readonly string Product = string.Join("*", Enumerable.Repeat("(A+B)", 40));

    [Fact]
    public void Encoding_past_the_budget_is_refused_with_its_reason()
    {
        var entry = Entries.Equality($"tr({Product})", $"tr(({Product})')");

        var refused = Assert.Throws<SmtBudgetException>(() => SmtEncoder.Encode(entry, entry.Dimensions.ToDictionary(d => d, _ => 3)));
        Assert.Contains("expansion budget", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_z3_method_is_inconclusive_at_the_budget_and_finishes_quickly()
    {
        var entry = Entries.Equality($"tr({Product})", $"tr(({Product})')");
        var clock = Stopwatch.StartNew();

        var evidence = new Z3Method().Run(entry, 1, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal("inconclusive", evidence.Result.Outcome);
        Assert.Contains("expansion budget", evidence.Result.Detail, StringComparison.Ordinal);
        Assert.False(evidence.Refutes);
    }
}
