using System.Diagnostics;
using TraceVerify.Fuzzing;

namespace TraceVerify.Tests.Fuzzing;

// Cases are generated one at a time from the seed: asking for a hundred million cases costs nothing until they
// are checked, so a false entry is refuted at once, and the same seed gives the same cases.
public class LazyCasesTests
{
    [Fact]
    public void A_huge_case_count_refutes_a_false_entry_at_once()
    {
        var clock = Stopwatch.StartNew();

        var outcome = new Fuzzer(new FuzzOptions(Seed: 3, Cases: 100_000_000)).Run(Entries.Equality("A*B", "B*A"));

        Assert.Equal("refuted", outcome.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_huge_case_count_is_stopped_by_cancellation()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => new Fuzzer(new FuzzOptions(Seed: 3, Cases: int.MaxValue)).Run(Entries.Equality("tr(A*B)", "tr(B*A)"), cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public void The_same_seed_checks_the_same_cases()
    {
        var entry = Entries.Equality("tr(A*B*C)", "tr(C*A*B)");

        var first = new Fuzzer(new FuzzOptions(Seed: 11, Cases: 30)).Run(entry);
        var second = new Fuzzer(new FuzzOptions(Seed: 11, Cases: 30)).Run(entry);

        Assert.Equal("confirmed", first.Outcome);
        Assert.Equal(first.ShapesCovered, second.ShapesCovered);
        Assert.Equal(first.Detail, second.Detail);
    }
}
