using System.Text.Json;

namespace TraceVerify.Tests.Cli;

// The CI gate end to end through the real binary: baselines, shards, --require, extra reports.
public class GateTests
{
    private const string Good = "- id: nine\n  kind: derivative\n  of: tr(A*X*B)\n  wrt: X\n  claim: A'*B'\n- id: cyclic\n  kind: equality\n  lhs: tr(A*B*C)\n  rhs: tr(C*A*B)\n";

    [Fact]
    public void A_baseline_reports_a_regression_introduced_in_a_catalog()
    {
        var dir = Directory.CreateTempSubdirectory("tv-gate-").FullName;
        File.WriteAllText(Path.Combine(dir, "c.yaml"), Good);
        var first = CliRunner.Invoke(dir, "check", "c.yaml", "--format", "json", "--no-z3");
        Assert.Equal(0, first.ExitCode);
        File.WriteAllText(Path.Combine(dir, "before.json"), first.Output);
        File.WriteAllText(Path.Combine(dir, "c.yaml"), Good.Replace("claim: A'*B'", "claim: B*A", StringComparison.Ordinal));
        var second = CliRunner.Invoke(dir, "check", "c.yaml", "--no-z3", "--baseline", "before.json");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("nine", second.Error, StringComparison.Ordinal);
        Assert.Contains("regress", second.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Shards_partition_the_catalog_deterministically()
    {
        var ids = new List<string>();
        for (var shard = 1; shard <= 3; shard++)
        {
            var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities.yaml", "--format", "json", "--no-z3", "--cases", "5", "--shard", $"{shard}/3");
            using var json = JsonDocument.Parse(run.Output);
            ids.AddRange(json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
        }
        Assert.Equal(46, ids.Count);
        Assert.Equal(46, ids.Distinct().Count());
    }

    [Fact]
    public void Require_proved_rejects_a_merely_confirmed_entry_and_extra_reports_are_written()
    {
        var dir = Directory.CreateTempSubdirectory("tv-gate-").FullName;
        // exp(log(x)) = x holds on the domain but is beyond the symbolic engine: confirmed, not proved.
        File.WriteAllText(Path.Combine(dir, "c.yaml"), "- id: exp-log\n  kind: equality\n  lhs: exp(log(X))\n  rhs: X\n");
        var plain = CliRunner.Invoke(dir, "check", "c.yaml", "--no-z3", "--report", "junit=out.xml", "--report", "sarif=out.sarif");
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.Contains("confirmed", plain.Output, StringComparison.Ordinal);
        Assert.Contains("<testcase", File.ReadAllText(Path.Combine(dir, "out.xml")), StringComparison.Ordinal);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(Path.Combine(dir, "out.sarif")), StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Invoke(dir, "check", "c.yaml", "--no-z3", "--require", "proved").ExitCode);
        Assert.Equal(64, CliRunner.Invoke(dir, "check", "c.yaml", "--report", "pdf=x.pdf").ExitCode);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        string Run() => CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities.yaml", "--format", "json", "--no-z3", "--cases", "20", "--seed", "99").Output;
        static string WithoutTimes(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"seconds\": [0-9.eE-]+", "");
        Assert.Equal(WithoutTimes(Run()), WithoutTimes(Run()));
    }
}
