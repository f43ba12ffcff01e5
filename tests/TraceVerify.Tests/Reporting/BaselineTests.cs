using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

public class BaselineTests
{
    private const string Cwd = "/home/ci/project";

    private static JsonDocument Previous(Report report) => JsonDocument.Parse(JsonReport.Render(report));

    private static EntryResult Entry(string id, Verdict verdict, string file = SampleReport.MainFile) =>
        SampleReport.Proved() with { Id = id, Eq = id[1..], File = file, Verdict = verdict };

    private static Report Run(params EntryResult[] entries) => SampleReport.Create() with { Entries = entries };

    [Fact]
    public void The_same_run_has_no_changes()
    {
        var diff = Baseline.Compare(Previous(SampleReport.Create()), SampleReport.Create(), Cwd);
        Assert.False(diff.HasRegressions);
        Assert.Equal(new BaselineDiff([], [], [], [], [], null), diff with { Regressions = [], NewlyRefuted = [], NewlyProved = [], Added = [], Removed = [] });
        Assert.Empty(diff.Regressions.Concat(diff.NewlyRefuted).Concat(diff.NewlyProved).Concat(diff.Added).Concat(diff.Removed));
    }

    [Theory]
    [InlineData("proved", "refuted", true)]
    [InlineData("proved", "undecided", true)]
    [InlineData("proved", "ill-formed", true)]
    [InlineData("proved", "confirmed", true)]
    [InlineData("confirmed", "refuted", true)]
    [InlineData("confirmed", "undecided", true)]
    [InlineData("definition", "ill-formed", true)]
    [InlineData("confirmed", "proved", false)]
    [InlineData("refuted", "refuted", false)]
    [InlineData("undecided", "refuted", false)]
    [InlineData("ill-formed", "proved", false)]
    [InlineData("refuted", "proved", false)]
    public void A_regression_is_a_verdict_that_held_and_no_longer_does(string beforeText, string afterText, bool regression)
    {
        var before = Enum.GetValues<Verdict>().Single(v => Expectations.Text(v) == beforeText);
        var after = Enum.GetValues<Verdict>().Single(v => Expectations.Text(v) == afterText);
        var diff = Baseline.Compare(Previous(Run(Entry("e1", before))), Run(Entry("e1", after)), Cwd);
        Assert.Equal(regression, diff.HasRegressions);
        Assert.Equal(regression ? [new BaselineChange(SampleReport.MainFile, "e1", "1", before, after)] : [], diff.Regressions);
    }

    [Fact]
    public void Newly_refuted_newly_proved_new_and_removed_entries_are_listed()
    {
        var before = Run(Entry("e1", Verdict.Proved), Entry("e2", Verdict.Confirmed), Entry("e3", Verdict.Undecided), Entry("e4", Verdict.Proved));
        var after = Run(Entry("e1", Verdict.Refuted), Entry("e2", Verdict.Proved), Entry("e3", Verdict.Refuted), Entry("e5", Verdict.Proved, "identities/new.yaml"));
        var diff = Baseline.Compare(Previous(before), after, Cwd);
        Assert.Equal(["e1"], diff.Regressions.Select(c => c.Id));
        Assert.Equal(["e1", "e3"], diff.NewlyRefuted.Select(c => c.Id));
        Assert.Equal(["e2"], diff.NewlyProved.Select(c => c.Id));
        Assert.Equal([new BaselineChange("identities/new.yaml", "e5", "5", null, Verdict.Proved)], diff.Added);
        Assert.Equal([new BaselineChange(SampleReport.MainFile, "e4", "4", Verdict.Proved, null)], diff.Removed);
        Golden.Verify("baseline.txt", diff.Render());
    }

    [Fact]
    public void Entries_are_matched_by_file_and_id_with_paths_normalized()
    {
        var diff = Baseline.Compare(Previous(Run(Entry("e1", Verdict.Proved, "./identities/a.yaml"))), Run(Entry("e1", Verdict.Proved, "identities\\a.yaml")), Cwd);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        var moved = Baseline.Compare(Previous(Run(Entry("e1", Verdict.Proved, "a.yaml"))), Run(Entry("e1", Verdict.Proved, "b.yaml")), Cwd);
        Assert.Equal((1, 1), (moved.Added.Count, moved.Removed.Count));
    }

    [Fact]
    public void A_relative_path_matches_the_same_file_named_absolutely_from_the_working_directory()
    {
        var diff = Baseline.Compare(Previous(Run(Entry("e1", Verdict.Proved, "identities/a.yaml"))),
            Run(Entry("e1", Verdict.Refuted, Cwd + "/identities/a.yaml")), Cwd);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Single(diff.Regressions);
        var back = Baseline.Compare(Previous(Run(Entry("e1", Verdict.Proved, Cwd + "/identities/../identities/a.yaml"))),
            Run(Entry("e1", Verdict.Refuted, "identities/a.yaml")), Cwd);
        Assert.Single(back.Regressions);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"tool": "other", "entries": []}""", "not a traceverify JSON report")]
    [InlineData("""{"tool": "traceverify"}""", "no \"entries\" list")]
    [InlineData("""{"tool": "traceverify", "entries": [{"id": "a", "file": "f.yaml"}]}""", "entry 1 of the baseline lacks")]
    [InlineData("""{"tool": "traceverify", "entries": [{"id": "a", "file": "f.yaml", "verdict": "maybe"}]}""", "unknown verdict \"maybe\"")]
    public void A_baseline_that_is_not_our_report_fails_the_gate_closed(string json, string problem)
    {
        var diff = Baseline.Compare(JsonDocument.Parse(json), SampleReport.Create(), Cwd);
        Assert.Contains(problem, diff.Problem, StringComparison.Ordinal);
        Assert.True(diff.HasRegressions);
        Assert.StartsWith("baseline: cannot compare: ", diff.Render(), StringComparison.Ordinal);
    }
}
