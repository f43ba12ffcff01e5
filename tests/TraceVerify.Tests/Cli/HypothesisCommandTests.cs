namespace TraceVerify.Tests.Cli;

// Issue 12 §1 at the command line, through the real binary: `equal`, `derive` and `new` take hypotheses in
// `--shape "W: k x k symmetric"`, bound and decided as a catalog entry with those `shapes:` would be.
public class HypothesisCommandTests
{
    [Theory]
    [InlineData("Q'*Q", "I", "Q: n x n orthogonal", "under the hypotheses (Q orthogonal invertible)")]
    [InlineData("Q*Q'", "I", "Q: orthogonal", "under the hypotheses (Q orthogonal invertible)")]
    [InlineData("W", "W'", "W: n x n symmetric", "under the hypotheses (W symmetric)")]
    [InlineData("K'", "-K", "K: n x n skew", "under the hypotheses (K skew)")]
    [InlineData("D'", "D", "D: n x n diagonal", "under the hypotheses (D symmetric diagonal lower-triangular upper-triangular)")]
    public void Equal_proves_what_holds_under_the_hypotheses(string left, string right, string shape, string under)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", left, right, "--shape", shape);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith($"proved: equal for every shape {under}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_without_the_attribute_does_not_prove_it()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "W", "W'", "--shape", "W: n x n");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("not proved: the canonical forms differ", run.Output, StringComparison.Ordinal);
        var other = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "A*B", "B*A", "--shape", "A: n x n symmetric", "--shape", "B: n x n symmetric");
        Assert.Equal(1, other.ExitCode);
        Assert.StartsWith("not proved: the canonical forms differ under the hypotheses (A symmetric, B symmetric)", other.Output, StringComparison.Ordinal);
    }

    // A proof that needs no hypothesis is reported as one: it holds for every matrix.
    [Fact]
    public void Equal_proves_without_the_hypotheses_first()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "tr(W*A)", "tr(A*W)", "--shape", "W: n x n symmetric");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal("proved: equal for every shape", run.Output.Split('\n')[0]);
    }

    [Theory]
    [InlineData("W: n x m symmetric", "TV0252")]
    [InlineData("W: n x n symmetric skew", "TV0251")]
    [InlineData("W: n x n symetric", "TV0250")]
    public void Equal_reports_a_bad_attribute_with_its_code(string shape, string code)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "W", "W'", "--shape", shape);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(code, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
