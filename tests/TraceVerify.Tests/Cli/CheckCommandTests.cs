using System.Text.Json;

namespace TraceVerify.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public void The_notes_catalog_passes_the_gate_with_21_refuted()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities.yaml", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToArray();
        var numbers = entries.Select(e => e.GetProperty("eq").GetString()!).Select(eq => int.Parse(new string(eq.TakeWhile(char.IsAsciiDigit).ToArray()))).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 46).ToHashSet(), numbers);
        var twentyOne = Assert.Single(entries, e => e.GetProperty("id").GetString() == "traa-21");
        Assert.Equal("refuted", twentyOne.GetProperty("verdict").GetString());
        Assert.All(entries.Where(e => e.GetProperty("id").GetString() != "traa-21"),
            e => Assert.Contains(e.GetProperty("verdict").GetString(), new[] { "proved", "confirmed", "definition" }));
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("mismatches").GetInt32());
    }

    [Fact]
    public void The_json_report_has_the_contract_fields()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "check", "identities.yaml", "--format", "json", "--seed", "123");
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("traceverify", root.GetProperty("tool").GetString());
        Assert.Equal(123, root.GetProperty("seed").GetInt64());
        Assert.Equal(["identities.yaml"], root.GetProperty("catalogs").EnumerateArray().Select(c => c.GetString()));
        var entry = root.GetProperty("entries")[0];
        foreach (var field in new[] { "id", "eq", "file", "line", "kind", "verdict", "expected", "matches_expected", "methods", "counterexample", "suggestion", "diagnostics", "seconds" })
            Assert.True(entry.TryGetProperty(field, out _), $"missing field {field}");
        foreach (var field in new[] { "proved", "confirmed", "refuted", "undecided", "ill_formed", "definition", "mismatches" })
            Assert.True(root.GetProperty("summary").TryGetProperty(field, out _), $"missing summary field {field}");
    }

    [Fact]
    public void A_mismatch_exits_1_and_an_unreadable_catalog_exits_2()
    {
        var dir = Directory.CreateTempSubdirectory("tv-cli-");
        File.WriteAllText(Path.Combine(dir.FullName, "wrong.yaml"), "- id: wrong\n  kind: derivative\n  of: tr(X*X)\n  wrt: X\n  claim: 2*X\n");
        File.WriteAllText(Path.Combine(dir.FullName, "broken.yaml"), "just: a mapping\n");
        Assert.Equal(1, CliRunner.Invoke(dir.FullName, "check", "wrong.yaml").ExitCode);
        var unreadable = CliRunner.Invoke(dir.FullName, "check", "broken.yaml");
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("broken.yaml:1:1: error TV0002", unreadable.Error, StringComparison.Ordinal);
        Assert.Equal(64, CliRunner.Invoke(dir.FullName, "check", "--no-such-option").ExitCode);
    }

    [Fact]
    public void Without_paths_and_without_a_local_catalog_the_embedded_notes_are_checked()
    {
        var dir = Directory.CreateTempSubdirectory("tv-cli-");
        var run = CliRunner.Invoke(dir.FullName, "check", "--format", "json");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(46, json.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public void Derive_and_equal_answer_on_the_command_line()
    {
        var derive = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "tr(A*X*B)", "--wrt", "X");
        Assert.Equal(0, derive.ExitCode);
        Assert.Contains("A", derive.Output, StringComparison.Ordinal);
        var equal = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "tr(A*B*C)", "tr(C*A*B)");
        Assert.Equal(0, equal.ExitCode);
        Assert.StartsWith("proved", equal.Output, StringComparison.Ordinal);
        var notEqual = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "A*B", "B*A");
        Assert.Equal(1, notEqual.ExitCode);
        var bad = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "tr(A*B", "A");
        Assert.Equal(64, bad.ExitCode);
        Assert.Contains("TV0103", bad.Error, StringComparison.Ordinal);
    }
}
