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

    // The printed derivative uses what the hypotheses make equal, and is checked against the derivative under them.
    [Theory]
    [InlineData(new[] { "x'*W*x", "--wrt", "x", "--shape", "x: n", "--shape", "W: n x n symmetric" }, "2*W*x")]
    [InlineData(new[] { "x'*W*x", "--wrt", "x", "--shape", "x: n", "--shape", "W: n x n" }, "W*x + W'*x")]
    [InlineData(new[] { "x'*K*x", "--wrt", "x", "--shape", "x: n", "--shape", "K: n x n skew" }, "0*ones")]
    [InlineData(new[] { "W*x", "--wrt", "x", "--shape", "x: n", "--shape", "W: n x n symmetric", "--layout", "numerator" }, "W")]
    [InlineData(new[] { "tr(X'*A*X)", "--wrt", "X", "--shape", "A: symmetric" }, "2*A*X")]
    [InlineData(new[] { "tr(K*X)", "--wrt", "X", "--shape", "K: skew" }, "-K")]
    [InlineData(new[] { "tr(Q'*Q*X)", "--wrt", "X", "--shape", "Q: n x n orthogonal", "--shape", "X: n x n" }, "I")]
    [InlineData(new[] { "x'*Q'*Q*y", "--wrt", "y", "--shape", "Q: n x n orthogonal", "--shape", "x: n", "--shape", "y: n" }, "x")]
    public void Derive_prints_under_the_hypotheses(string[] arguments, string expected)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, ["derive", .. arguments]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(expected, run.Output.Trim());
    }

    // --index still prints the derivative's canonical form under the hypotheses, and --explain each appearance's
    // own contribution (which no hypothesis makes symmetric on its own).
    [Fact]
    public void Derive_explains_each_appearance_as_it_is()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "x'*W*x", "--wrt", "x", "--shape", "x: n", "--shape", "W: n x n symmetric", "--explain");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["2*W*x", "  appearance 1: x': W*x", "  appearance 2: x: W'*x"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void New_writes_the_attributes_into_an_entry_that_checks_as_proved()
    {
        string[] arguments = ["--of", "x'*W*x", "--wrt", "x", "--shape", "x: n", "--shape", "W: n x n symmetric"];
        var created = CliRunner.Invoke(CliRunner.RepositoryRoot, ["new", .. arguments]);
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("    W: \"n x n symmetric\"\n", created.Output, StringComparison.Ordinal);
        Assert.Contains("  claim: \"2*W*x\"\n", created.Output, StringComparison.Ordinal);
        ContributorCommandTests.AssertPastedEntryIsProved(arguments);
        ContributorCommandTests.AssertPastedEntryIsProved("--of", "tr(X'*A*X)", "--wrt", "X", "--shape", "A: symmetric");
    }

    // A derivative by a structured matrix needs a convention (TV0253), given as an entry's `structured-derivative:`.
    [Theory]
    [InlineData("unconstrained", "inv(X)")]
    [InlineData("symmetric", "-(inv(X) .* I) + 2*inv(X)")]
    public void Derive_takes_the_structured_derivative_convention(string convention, string expected)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "log(det(X))", "--wrt", "X", "--shape", "X: positive-definite", "--structured-derivative", convention);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(expected, run.Output.Trim());
        ContributorCommandTests.AssertPastedEntryIsProved("--of", "log(det(X))", "--wrt", "X", "--shape", "X: positive-definite", "--structured-derivative", convention);
    }

    [Fact]
    public void A_structured_derivative_without_a_convention_is_refused_and_one_that_applies_to_nothing_is_a_warning()
    {
        var refused = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "log(det(X))", "--wrt", "X", "--shape", "X: positive-definite");
        Assert.Equal(64, refused.ExitCode);
        Assert.Contains("TV0253", refused.Error, StringComparison.Ordinal);
        var bad = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "log(det(X))", "--wrt", "X", "--shape", "X: positive-definite", "--structured-derivative", "cookbook");
        Assert.Equal(64, bad.ExitCode);
        Assert.Contains("TV0030", bad.Error, StringComparison.Ordinal);
        var ignored = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "tr(A*X)", "--wrt", "X", "--structured-derivative", "symmetric");
        Assert.True(ignored.ExitCode == 0, ignored.Error);
        Assert.Equal("A'", ignored.Output.Trim());
        Assert.Contains("warning TV0031", ignored.Error, StringComparison.Ordinal);
    }
}
