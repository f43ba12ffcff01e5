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
