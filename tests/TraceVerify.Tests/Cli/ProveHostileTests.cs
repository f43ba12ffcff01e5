namespace TraceVerify.Tests.Cli;

// `prove` has no entry time limit, so whatever it encodes must be bounded on its own, and `--smt` on an entry that
// cannot be encoded at the largest shape is a stated error, never an internal error (exit 70).
public class ProveHostileTests
{
    private const string Catalog = """
        - id: tower
          kind: equality
          lhs: ((2^1000)^1000)^1000
          rhs: "2"
        - id: log-of-zero
          kind: equality
          shapes: {s: scalar}
          lhs: log(s - s)
          rhs: "1"
        """;

    private static string Write()
    {
        var directory = Directory.CreateTempSubdirectory("tv-prove-").FullName;
        File.WriteAllText(Path.Combine(directory, "hostile.yaml"), Catalog);
        return directory;
    }

    [Fact]
    public void A_constant_of_a_billion_bits_is_over_budget_at_once()
    {
        // ((2^1000)^1000)^1000 kept `prove` multiplying for minutes without end (check stopped it at its 60 s).
        var directory = Write();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = CliRunner.Invoke(directory, "prove", "tower", "--catalog", "hostile.yaml");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tower: z3 inconclusive", run.Output, StringComparison.Ordinal);
        Assert.Contains("a constant of more than 1000000 bits", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tower", "a constant of more than 1000000 bits")]
    [InlineData("log-of-zero", "log of non-positive value 0")]
    public void An_smt_script_that_cannot_be_encoded_is_a_stated_error_not_an_internal_one(string id, string reason)
    {
        var directory = Write();
        var smt = Path.Combine(directory, "out.smt2");
        var run = CliRunner.Invoke(directory, "prove", id, "--catalog", "hostile.yaml", "--smt", smt);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"traceverify: error: no SMT-LIB2 script written: the entry cannot be encoded at fixed sizes ({reason})", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(smt));
        Assert.Contains($"{id}: z3 inconclusive", run.Output, StringComparison.Ordinal);
    }
}
