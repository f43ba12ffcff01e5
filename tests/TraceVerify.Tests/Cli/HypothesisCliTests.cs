using System.Text.Json;

namespace TraceVerify.Tests.Cli;

// The hypotheses catalog through the real binary: every expectation holds, the JSON report carries the search
// on the entries that forgot a hypothesis (and on no other), and `explain` shows the attributes and the search.
public class HypothesisCliTests
{
    [Fact]
    public void The_hypotheses_catalog_meets_its_expectations_and_reports_the_search_in_json()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities/hypotheses.yaml", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        string Found(string id) => string.Join("; ", entries[id].GetProperty("hypotheses").GetProperty("found").EnumerateArray()
            .Select(f => $"{f.GetProperty("set").GetString()}: {f.GetProperty("verdict").GetString()}"));
        Assert.Equal("W symmetric: proved", Found("hyp-quadratic-forgotten"));
        Assert.Equal("A symmetric: proved", Found("hyp-trace-xtax-forgotten"));
        Assert.Equal("Q orthogonal: proved", Found("hyp-orthogonal-forgotten"));
        Assert.Contains("A square: proved", Found("hyp-inverse-of-product-square"), StringComparison.Ordinal);
        Assert.Equal("proved", entries["hyp-quadratic-symmetric"].GetProperty("verdict").GetString());
        Assert.False(entries["hyp-quadratic-symmetric"].TryGetProperty("hypotheses", out _));
        Assert.True(entries["hyp-quadratic-forgotten"].GetProperty("hypotheses").GetProperty("tried").GetArrayLength() > 1);
    }

    [Fact]
    public void No_hypotheses_skips_the_search_and_keeps_every_verdict()
    {
        static Dictionary<string, JsonElement> Entries(CliRunner.Run run)
        {
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            using var json = JsonDocument.Parse(run.Output);
            return json.RootElement.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
        }
        var with = Entries(CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities/hypotheses.yaml", "--format", "json", "--no-z3"));
        var without = Entries(CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities/hypotheses.yaml", "--format", "json", "--no-z3", "--no-hypotheses"));
        Assert.Equal(with.Keys, without.Keys);
        foreach (var (id, entry) in with)
            Assert.Equal(entry.GetProperty("verdict").GetString(), without[id].GetProperty("verdict").GetString());
        Assert.All(without.Values, e => Assert.False(e.TryGetProperty("hypotheses", out _)));
        Assert.Contains(with.Values, e => e.TryGetProperty("hypotheses", out _));
    }

    [Fact]
    public void The_hypothesis_budget_is_an_option_with_a_range_and_zero_turns_the_search_off()
    {
        var bad = CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities/hypotheses.yaml", "--hypothesis-budget", "-1");
        Assert.Equal(64, bad.ExitCode);
        Assert.Contains("--hypothesis-budget", bad.Error, StringComparison.Ordinal);
        var off = CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities/hypotheses.yaml", "--format", "json", "--no-z3", "--hypothesis-budget", "0");
        Assert.True(off.ExitCode == 0, off.Output + off.Error);
        using var json = JsonDocument.Parse(off.Output);
        Assert.All(json.RootElement.GetProperty("entries").EnumerateArray(), e => Assert.False(e.TryGetProperty("hypotheses", out _)));
        // A budget of 8 candidates reaches the first entry that forgot a hypothesis only (its single attributes).
        var small = CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities/hypotheses.yaml", "--format", "json", "--no-z3", "--hypothesis-budget", "8");
        Assert.True(small.ExitCode == 0, small.Output + small.Error);
        using var smallJson = JsonDocument.Parse(small.Output);
        var outcomes = smallJson.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.TryGetProperty("hypotheses", out _))
            .Select(e => e.GetProperty("hypotheses").GetProperty("outcome").GetString()!).ToArray();
        Assert.Contains(outcomes, o => o.StartsWith("not searched: the run's budget of 8 candidates", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("holds if", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_shows_the_attributes_and_the_search()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "explain", "hyp-quadratic-forgotten", "--catalog", "identities/hypotheses.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("hypothesis search: refuted as stated; holds if W is symmetric (proved)", run.Output, StringComparison.Ordinal);
        Assert.Contains("  tried W invertible: refuted", run.Output, StringComparison.Ordinal);
        Assert.Contains("  found W symmetric: proved", run.Output, StringComparison.Ordinal);
        var attributes = CliRunner.Invoke(CliRunner.RepositoryRoot, "explain", "hyp-logdet-positive-definite", "--catalog", "identities/hypotheses.yaml");
        Assert.Contains("X: n×n square symmetric invertible positive-definite (declared)", attributes.Output, StringComparison.Ordinal);
    }
}
