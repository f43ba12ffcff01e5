namespace TraceVerify.Tests.Cli;

// Issue 11 §2 at the command line, through the real binary: `derive`, `new` and `equal` take `--shape` (a
// `shapes:` line), `derive` and `new` take `--layout` and a list `--wrt "[x, x]"`, with the catalog's rules.
public class DerivativeCommandTests
{
    // The issue's "Done when" outputs, exactly.
    [Theory]
    [InlineData("log(det(X))", "X", "", "inv(X)'")]
    [InlineData("tr(A*inv(X)*B)", "X", "", "-inv(X)'*A'*B'*inv(X)'")]
    [InlineData("x'*A*x", "x", "x: n", "A*x + A'*x")]
    public void Derive_prints_the_issues_targets(string of, string wrt, string shape, string expected)
    {
        string[] arguments = shape.Length == 0 ? ["derive", of, "--wrt", wrt] : ["derive", of, "--wrt", wrt, "--shape", shape];
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, arguments);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(expected, run.Output.Trim());
    }

    [Theory]
    [InlineData(new[] { "inv(A + t*B)", "--wrt", "t", "--shape", "t: scalar" }, "-inv(A + t*B)*B*inv(A + t*B)")]
    [InlineData(new[] { "A*x", "--wrt", "x", "--shape", "x: n", "--shape", "A: m x n", "--layout", "numerator" }, "A")]
    [InlineData(new[] { "A*x", "--wrt", "x", "--shape", "x: n", "--shape", "A: m x n", "--layout", "denominator" }, "A'")]
    [InlineData(new[] { "x'*A*x", "--wrt", "[x, x]", "--shape", "x: n" }, "A + A'")]
    [InlineData(new[] { "tr(X*X)", "--wrt", "[X[i,j], X[k,l]]" }, "2*I[i,l]*I[j,k]")]
    public void Derive_takes_every_derivative_an_entry_can_state(string[] arguments, string expected)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, ["derive", .. arguments]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(expected, run.Output.Trim());
    }

    [Theory]
    [InlineData("--of|inv(A + t*B)|--wrt|t|--shape|t: scalar")]
    [InlineData("--of|A*x|--wrt|x|--shape|x: n|--shape|A: m x n|--layout|denominator")]
    [InlineData("--of|x'*A*x|--wrt|[x, x]|--shape|x: n")]
    public void New_writes_shapes_layout_and_a_list_wrt_into_an_entry_that_checks_as_proved(string arguments) =>
        ContributorCommandTests.AssertPastedEntryIsProved(arguments.Split('|'));

    [Fact]
    public void Equal_takes_shapes_so_a_quadratic_form_is_its_transpose()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "x'*A*x", "x'*A'*x", "--shape", "x: n");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith("proved: equal for every shape", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "derive", "x'*A*x", "--wrt", "x" }, "TV0207")]
    [InlineData(new[] { "derive", "x", "--wrt", "x", "--shape", "x n" }, "TV0241")]
    [InlineData(new[] { "derive", "x", "--wrt", "x", "--shape", "x: n y" }, "TV0010")]
    [InlineData(new[] { "equal", "x", "x", "--shape", "x: 0" }, "TV0010")]
    [InlineData(new[] { "derive", "A*x", "--wrt", "x", "--shape", "x: n", "--shape", "A: m x n" }, "TV0021")]
    [InlineData(new[] { "derive", "A*x", "--wrt", "x", "--shape", "x: n", "--shape", "A: m x n", "--layout", "rows" }, "TV0022")]
    [InlineData(new[] { "derive", "X*X", "--wrt", "X", "--shape", "X: n x n" }, "TV0240")]
    [InlineData(new[] { "derive", "x'*x", "--wrt", "[x, x, x]", "--shape", "x: n" }, "TV0024")]
    [InlineData(new[] { "new", "--of", "A*x", "--wrt", "x", "--shape", "x: n", "--shape", "A: m x n" }, "TV0021")]
    public void Bad_derivative_input_is_a_coded_error_never_a_stack_trace(string[] arguments, string code)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, arguments);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(code, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
