using System.Text.Json;
using System.Text.RegularExpressions;

namespace TraceVerify.Tests.Cli;

// Issue 11, "the language of the field", at the command line through the real binary: `equal` and `derive`
// go through the catalog's binder and verifier (CommandLineEntry), so literal sizes, numeric positions and
// matrix literals get the verdict `check` gives the same formula written as a catalog entry.
public class LiteralSizeCliTests
{
    // Each formula: `equal`'s verdict is `check`'s on the equivalent entry (the `shapes:` written as `--shape`).
    [Theory]
    [InlineData("tr(X)", "X[1,1]+X[2,2]", "X: 2 x 2", "proved")]
    [InlineData("det([a,b;c,d])", "a*d-b*c", "", "proved")]
    [InlineData("det(X)", "X[1,1]*X[2,2]-X[1,2]*X[2,1]", "X: 2 x 2", "proved")]
    [InlineData("inv([a,b;c,d])", "[d,-b;-c,a]/(a*d-b*c)", "", "proved")]
    [InlineData("I(2)", "[1, 0; 0, 1]", "", "proved")]
    [InlineData("tr(X)", "X[1,1]+X[2,1]", "X: 2 x 2", "refuted")]
    [InlineData("X[1,2]", "X[2,1]", "X: 3 x 3", "refuted")]
    [InlineData("x[1]*x[2]", "x'*[0, 1; 0, 0]*x", "x: 2", "proved")]
    public void Equal_gives_the_verdict_check_gives_the_catalog_entry(string left, string right, string shape, string verdict)
    {
        string[] shapes = shape.Length == 0 ? [] : ["--shape", shape];
        var equal = CliRunner.Invoke(CliRunner.RepositoryRoot, ["equal", left, right, .. shapes]);
        Assert.True(equal.ExitCode == (verdict == "proved" ? 0 : 1), equal.Output + equal.Error);
        Assert.Contains($"verdict: {verdict} ", equal.Output, StringComparison.Ordinal);
        Assert.StartsWith(verdict == "proved" ? "proved: equal for every shape" : "not proved", equal.Output, StringComparison.Ordinal);

        var dir = Directory.CreateTempSubdirectory("tv-literal-");
        var declared = shape.Length == 0 ? "" : $"  shapes:\n    {shape.Split(':')[0]}: \"{shape.Split(':')[1].Trim()}\"\n";
        File.WriteAllText(Path.Combine(dir.FullName, "e.yaml"), $"- id: e\n  kind: equality\n{declared}  lhs: \"{left}\"\n  rhs: \"{right}\"\n");
        var check = CliRunner.Invoke(dir.FullName, "check", "e.yaml", "--format", "json", "--no-hypotheses");
        using var json = JsonDocument.Parse(check.Output);
        Assert.Equal(verdict, json.RootElement.GetProperty("entries")[0].GetProperty("verdict").GetString());
    }

    // A wrong claim is refuted at the sizes written: a 3×3 X stays 3×3 in the counterexample, never shrunk.
    [Theory]
    [InlineData("tr(X)", "X[1,1]+X[2,1]", "X: 3 x 3", "X", 3, 3)]
    [InlineData("X[1,2]", "X[2,1]", "X: 4 x 4", "X", 4, 4)]
    [InlineData("x[1]*x[3]", "x[3]^2", "x: 3", "x", 3, 1)]
    public void Equal_refutes_a_wrong_claim_at_the_declared_sizes(string left, string right, string shape, string symbol, int rows, int columns)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", left, right, "--shape", shape);
        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        Assert.Contains("verdict: refuted", run.Output, StringComparison.Ordinal);
        var value = Regex.Match(run.Output, $@"^  {symbol} = \[(.*)\]$", RegexOptions.Multiline);
        Assert.True(value.Success, run.Output);
        var matrixRows = value.Groups[1].Value.Split(';');
        Assert.Equal(rows, matrixRows.Length);
        Assert.All(matrixRows, r => Assert.Equal(columns, r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    // A claim that type-checks only at a narrower shape than written is refuted, as in a catalog, only with that
    // shape named: the answer never silently stands for the shapes written.
    [Fact]
    public void Equal_names_the_narrower_shape_of_a_refutation()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "diag(x)*ones", "2*x'");
        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        Assert.StartsWith("not proved for every shape: the sides have one shape only if x has 1 row", run.Output, StringComparison.Ordinal);
        Assert.Contains("verdict: refuted", run.Output, StringComparison.Ordinal);
        Assert.Contains("at the only shapes where it type-checks (x has 1 row)", run.Output, StringComparison.Ordinal);
    }

    // By a variable of literal size, `derive` writes the derivative entry by entry where `of` names positions,
    // and `new` writes the same claim into an entry that checks as proved.
    [Theory]
    [InlineData("X[1,1]*X[2,2]", "X", "X: 2 x 2", "[X[2,2], 0; 0, X[1,1]]")]
    [InlineData("x[1]*x[2]", "x", "x: 2", "[x[2]; x[1]]")]
    [InlineData("X[1,2]*X[2,1]", "X", "X: 3 x 3", "[0, X[2,1], 0; X[1,2], 0, 0; 0, 0, 0]")]
    [InlineData("det([X[1,1],X[1,2];X[2,1],X[2,2]])", "X", "X: 2 x 2", "[X[2,2], -X[2,1]; -X[1,2], X[1,1]]")]
    [InlineData("tr(X)", "X", "X: 2 x 2", "I")]
    public void Derive_by_a_variable_of_literal_size_prints_a_claim_the_catalog_proves(string of, string wrt, string shape, string expected)
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", of, "--wrt", wrt, "--shape", shape);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(expected, run.Output.Trim());
        ContributorCommandTests.AssertPastedEntryIsProved("--of", of, "--wrt", wrt, "--shape", shape);
    }
}
