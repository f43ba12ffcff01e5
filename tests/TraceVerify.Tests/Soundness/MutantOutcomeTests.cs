using TraceVerify.Catalog;

namespace TraceVerify.Tests.Soundness;

// What counts as a wrong verdict: a proof or a confirmation of a false or ill-formed mutant, a refutation of
// a true or ill-formed one; an undecided or ill-formed verdict on a true mutant is only counted.
public class MutantOutcomeTests
{
    [Theory]
    [InlineData(Truth.Fails, "Proved", "wrong proof")]
    [InlineData(Truth.IllFormed, "Proved", "wrong proof")]
    [InlineData(Truth.Fails, "Confirmed", "wrong confirmation")]
    [InlineData(Truth.IllFormed, "Confirmed", "wrong confirmation")]
    [InlineData(Truth.Holds, "Refuted", "wrong refutation")]
    [InlineData(Truth.IllFormed, "Refuted", "wrong refutation")]
    [InlineData(Truth.Holds, "Proved", "none")]
    [InlineData(Truth.Holds, "Confirmed", "none")]
    [InlineData(Truth.Holds, "Undecided", "none")]
    [InlineData(Truth.Fails, "Refuted", "none")]
    [InlineData(Truth.Fails, "IllFormed", "none")]
    [InlineData(Truth.IllFormed, "IllFormed", "none")]
    [InlineData(Truth.Excluded, "Proved", "none")]
    [InlineData(Truth.Excluded, "Refuted", "none")]
    public void Verdict_AgainstTruth(Truth truth, string verdictName, string problem)
    {
        var verdict = Enum.Parse<Verdict>(verdictName);
        var outcome = new MutantOutcome(new Mutant("m", "e", MutationCategory.FlipSign, ""), new OracleVerdict(truth, ""), verdict, false, null, "");
        Assert.Equal(problem, outcome.Problem);
        Assert.Equal(problem != "none", outcome.IsWrong);
        Assert.Equal(truth == Truth.Holds && verdict == Verdict.Undecided, outcome.TrueButUndecided);
    }

    [Fact]
    public void AnExceptionOrADisagreement_IsWrongWhateverTheTruth()
    {
        var mutant = new Mutant("m", "e", MutationCategory.FlipSign, "");
        Assert.Equal("internal error", new MutantOutcome(mutant, new OracleVerdict(Truth.Excluded, ""), null, false, "boom", "").Problem);
        Assert.Equal("TV0901", new MutantOutcome(mutant, new OracleVerdict(Truth.Excluded, ""), Verdict.Undecided, true, null, "").Problem);
    }
}
