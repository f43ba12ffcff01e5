using System.Text.Json;

namespace TraceVerify.Tests.Cli;

public class ContributorCommandTests
{
    [Theory]
    [InlineData("tr(A*X*B)", "X")]
    [InlineData("tr(A*X*X'*B*C*X'*X*C)", "X")]
    [InlineData("tr(V'*log(A*diag(x)*B))", "x")]
    [InlineData("tr(ones*ones'*A*diag(x)*B)", "x")]
    [InlineData("fro(X - W*H)^2", "W")]
    [InlineData("tr(A*X*B)", "X[j,k]")]
    public void New_prints_an_entry_that_checks_as_proved_when_pasted_into_a_catalog(string of, string wrt) =>
        AssertPastedEntryIsProved("--of", of, "--wrt", wrt);

    // `new` with these arguments prints an entry that, pasted into a catalog, checks as proved.
    internal static void AssertPastedEntryIsProved(params string[] arguments)
    {
        var created = CliRunner.Invoke(CliRunner.RepositoryRoot, ["new", .. arguments, "--id", "pasted"]);
        Assert.True(created.ExitCode == 0, created.Error);
        var dir = Directory.CreateTempSubdirectory("tv-new-");
        File.WriteAllText(Path.Combine(dir.FullName, "pasted.yaml"), created.Output + "  expect: proved\n");
        var check = CliRunner.Invoke(dir.FullName, "check", "pasted.yaml", "--format", "json");
        Assert.True(check.ExitCode == 0, created.Output + check.Output + check.Error);
        using var json = JsonDocument.Parse(check.Output);
        Assert.Equal("proved", json.RootElement.GetProperty("entries")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Derive_prints_the_notes_20_term_by_term_with_explain()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "tr(A*X*X'*B*C*X'*X*C)", "--wrt", "X", "--explain");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("A'*C'*X'*X*C'*B'*X", lines[0], StringComparison.Ordinal);
        Assert.Equal("  appearance 1: X: A'*C'*X'*X*C'*B'*X", lines[1]);
        Assert.Equal(5, lines.Length);
    }

    // Issue 11's targets: the derivatives of log det and of a trace through an inverse, as references print them.
    [Theory]
    [InlineData("log(det(X))", "inv(X)'")]
    [InlineData("tr(A*inv(X)*B)", "-inv(X)'*A'*B'*inv(X)'")]
    [InlineData("tr(A*X^-1*B)", "-inv(X)'*A'*B'*inv(X)'")]
    [InlineData("det(X)", "det(X)*inv(X)'")]
    [InlineData("tr(X^3)", "3*X'^2")]
    [InlineData("tr(A*X^2)", "A'*X' + X'*A'")]
    [InlineData("tr(X^256)", "256*X'^255")]
    public void Derive_prints_derivatives_through_inverses_and_determinants(string of, string expected)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", of, "--wrt", "X");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Output.Trim());
    }

    [Fact]
    public void Explain_shows_the_evidence_and_the_correction_of_21()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "explain", "traa-21", "--catalog", "identities.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("verdict: refuted (expected refuted)", run.Output, StringComparison.Ordinal);
        Assert.Contains("✗ term 1 `A*C'*X'*X*C'*B'*X` matches no derived term", run.Output, StringComparison.Ordinal);
        Assert.Contains("suggestion: claim, term 1: `A` → `A'`", run.Output, StringComparison.Ordinal);
        Assert.Contains("counterexample (", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_flags_the_notes_index_reuse_as_warnings()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "lint", "identities.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning TV0301", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": error ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzz_and_prove_answer_for_one_entry()
    {
        var fuzz = CliRunner.Invoke(CliRunner.RepositoryRoot, "fuzz", "traa-21", "--catalog", "identities.yaml", "--seed", "3", "--cases", "50");
        Assert.Equal(0, fuzz.ExitCode);
        Assert.Contains("traa-21: refuted", fuzz.Output, StringComparison.Ordinal);
        Assert.Contains("X = [", fuzz.Output, StringComparison.Ordinal);
        var smt = Path.Combine(Directory.CreateTempSubdirectory("tv-smt-").FullName, "t9.smt2");
        var prove = CliRunner.Invoke(CliRunner.RepositoryRoot, "prove", "traa-9", "--catalog", "identities.yaml", "--max-dim", "2", "--smt", smt);
        Assert.Equal(0, prove.ExitCode);
        Assert.Contains("z3 confirmed — unsat at all 8 shapes", prove.Output, StringComparison.Ordinal);
        Assert.Contains("(check-sat)", File.ReadAllText(smt), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("derive", "tr(A*X)", "--wrt", "A*B", "TV0208")]
    [InlineData("derive", "tr(A*X)", "--wrt", "X[:,k]", "TV0208")]
    [InlineData("derive", "A*X", "--wrt", "X", "only a scalar")]
    [InlineData("new", "--of=tr(A*X", "--wrt", "X", "TV0103")]
    [InlineData("derive", "tr(X[2,2])", "--wrt", "X", "TV0223")]
    [InlineData("derive", "tr(I(n)*X)", "--wrt", "X", "TV0221")]
    [InlineData("derive", "det([a, b; c])", "--wrt", "a", "TV0132")]
    public void Bad_command_line_input_is_a_located_error_never_a_stack_trace(string command, string a, string b, string c, string expected)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, command, a, b, c);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_says_which_shapes_were_declared_and_which_inferred()
    {
        var dir = Directory.CreateTempSubdirectory("tv-explain-");
        File.WriteAllText(Path.Combine(dir.FullName, "d.yaml"), "- id: d\n  kind: derivative\n  shapes: {X: n x n}\n  of: tr(A*X)\n  wrt: X\n  claim: A'\n");
        var run = CliRunner.Invoke(dir.FullName, "explain", "d", "--catalog", "d.yaml");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("shapes: A: n×n (inferred), X: n×n (declared)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I", "I", 0, "proved")]
    [InlineData("ones*ones'", "ones*ones'", 0, "proved")]
    [InlineData("diag(x)*ones", "x'", 1, "not proved for every shape: the sides have one shape only if x has 1 row")]
    [InlineData("tr(A)", "A*ones", 1, "not proved")]
    [InlineData("A - A", "0", 0, "proved")]
    [InlineData("X^2*X^3", "X^5", 0, "proved")]
    public void Equal_gives_both_sides_one_shape(string left, string right, int exitCode, string expected)
    {
        // Before: `I I` was not proved (two unrelated sizes), and a column "equalled" its transpose.
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", left, right);
        Assert.True(exitCode == run.ExitCode, run.Output + run.Error);
        Assert.Contains(expected, run.Output + run.Error, StringComparison.Ordinal);
    }
}
