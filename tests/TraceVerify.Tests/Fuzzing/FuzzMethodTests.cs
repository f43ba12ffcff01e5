using TraceVerify.Fuzzing;

namespace TraceVerify.Tests.Fuzzing;

public class FuzzMethodTests
{
    [Fact]
    public void ARefutation_CarriesItsCounterexample()
    {
        var evidence = new FuzzMethod(50).Run(Entries.Derivative("tr(A*X*B)", "X", "A*B'"), 17, CancellationToken.None);

        Assert.Equal("fuzz", evidence.Result.Name);
        Assert.Equal("refuted", evidence.Result.Outcome);
        Assert.True(evidence.Refutes);
        Assert.False(evidence.Holds);
        Assert.Equal(17L, evidence.Counterexample!.Seed);
    }

    [Fact]
    public void AConfirmation_Holds()
    {
        var evidence = new FuzzMethod(30).Run(Entries.Derivative("tr(A*X*B)", "X", "A'*B'"), 17, CancellationToken.None);

        Assert.Equal("confirmed", evidence.Result.Outcome);
        Assert.True(evidence.Holds);
        Assert.False(evidence.Refutes);
    }

    // A hypothesis-search candidate reports its outcome only: unshrunk, the same case refutes (the first failing
    // one, of the same run); after a proof, the cross-check's cases are the first of the full run's.
    [Theory]
    [InlineData("A*B'", "refuted")]
    [InlineData("A'*B'", "confirmed")]
    public void ACandidate_HasTheFullRunsOutcome(string claim, string outcome)
    {
        var entry = Entries.Derivative("tr(A*X*B)", "X", claim);
        var full = new FuzzMethod(100).Run(entry, 17, CancellationToken.None);
        var candidate = new FuzzMethod(100).ForCandidate(afterProof: false).Run(entry, 17, CancellationToken.None);
        Assert.Equal(outcome, full.Result.Outcome);
        Assert.Equal(outcome, candidate.Result.Outcome);
        Assert.Equal(full.Refutes, candidate.Refutes);
        if (full.Refutes) Assert.Contains("shrunk in 0 steps", candidate.Result.Detail, StringComparison.Ordinal);
        var crossCheck = new FuzzMethod(100).ForCandidate(afterProof: true).Run(entry, 17, CancellationToken.None);
        Assert.Equal(outcome, crossCheck.Result.Outcome);
        if (!full.Refutes) Assert.Equal(FuzzMethod.CrossCheckCases, crossCheck.DefinedCases);
    }

    [Fact]
    public void TheTimeLimit_IsInconclusiveRatherThanAnException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var evidence = new FuzzMethod(30).Run(Entries.Equality("tr(A*B)", "tr(B*A)"), 17, cancelled.Token);

        Assert.Equal("inconclusive", evidence.Result.Outcome);
        Assert.Contains("time limit", evidence.Result.Detail, StringComparison.Ordinal);
        Assert.False(evidence.Holds);
    }
}
