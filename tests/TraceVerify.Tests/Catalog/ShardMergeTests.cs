using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Reporting;
using TraceVerify.Tests.Reporting;

namespace TraceVerify.Tests.Catalog;

public class ShardMergeTests
{
    private static readonly string[] Ids = ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10", "e11", "e12"];

    // The whole run: the sample's entries renamed e1…e12, verdicts cycling through the sample's kinds.
    private static Report Whole()
    {
        EntryResult[] kinds = [SampleReport.Proved(), SampleReport.Refuted(), SampleReport.IllFormed(), SampleReport.Definition()];
        var entries = Ids.Select((id, k) => kinds[k % kinds.Length] with { Id = id, File = k < 8 ? SampleReport.MainFile : SampleReport.OtherFile }).ToArray();
        return SampleReport.Create() with { Entries = entries, CatalogDigest = "sha256:00" };
    }

    // Shard i of n as `check --shard i/n` writes it: its share, in catalog order, and the whole catalogs' keys.
    private static ShardMerge.Input Part(Report whole, int index, int count) => new(
        $"shard-{index}.json",
        whole with
        {
            Entries = whole.Entries.Where(e => Shard.Of(e.Id, count) == index).ToArray(),
            Shard = new Shard(index, count),
            CatalogEntries = whole.Entries.Select(e => new EntryKey(e.File, e.Id)).ToArray(),
        });

    private static List<ShardMerge.Input> Parts(Report whole, int count) => Enumerable.Range(1, count).Select(i => Part(whole, i, count)).ToList();

    private static IReadOnlyList<Diagnostic> Problems(IReadOnlyList<ShardMerge.Input> inputs)
    {
        var outcome = ShardMerge.Merge(inputs);
        Assert.Null(outcome.Merged);
        Assert.NotEmpty(outcome.Problems);
        return outcome.Problems;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void Complete_shards_merge_into_the_unsharded_report_in_any_order(int count)
    {
        var whole = Whole();
        var parts = Parts(whole, count);
        Assert.True(count == 1 || parts.Count(p => p.Report.Entries.Count > 0) > 1, "the shards interleave");
        var outcome = ShardMerge.Merge(parts.AsEnumerable().Reverse().ToList());
        Assert.Empty(outcome.Problems);
        Assert.Equal(JsonReport.Render(whole), JsonReport.Render(outcome.Merged!));
    }

    [Fact]
    public void One_unsharded_report_merges_into_itself()
    {
        var outcome = ShardMerge.Merge([new ShardMerge.Input("all.json", Whole())]);
        Assert.Equal(JsonReport.Render(Whole()), JsonReport.Render(outcome.Merged!));
    }

    [Fact]
    public void A_missing_shard_is_named_with_the_entries_left_unchecked()
    {
        var parts = Parts(Whole(), 4);
        var lost = parts[2].Report.Entries.Select(e => e.Id).ToList();
        Assert.NotEmpty(lost);
        parts.RemoveAt(2);
        var problem = Assert.Single(Problems(parts));
        Assert.Equal(DiagnosticCodes.ShardMissing, problem.Code);
        Assert.StartsWith($"shard 3/4 is missing: no report holds its {lost.Count} entr", problem.Message, StringComparison.Ordinal);
        Assert.All(lost.Take(5), id => Assert.Contains(id, problem.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_shard_given_twice_is_refused_even_when_the_copies_agree()
    {
        var parts = Parts(Whole(), 3);
        parts.Add(parts[1] with { Name = "copy.json" });
        var problem = Assert.Single(Problems(parts));
        Assert.Equal(DiagnosticCodes.ShardDuplicated, problem.Code);
        Assert.Equal("shard 2/3 is given 2 times: shard-2.json, copy.json", problem.Message);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("version")]
    [InlineData("Z3 version")]
    [InlineData("catalog list")]
    [InlineData("catalog contents (digest)")]
    [InlineData("shard count")]
    public void Reports_of_different_runs_are_refused_naming_what_differs(string what)
    {
        var parts = Parts(Whole(), 2);
        var other = parts[1].Report;
        parts[1] = parts[1] with
        {
            Report = what switch
            {
                "seed" => other with { Seed = 7 },
                "version" => other with { Version = "0.2.0" },
                "Z3 version" => other with { Z3Version = null },
                "catalog list" => other with { Catalogs = [SampleReport.MainFile] },
                "catalog contents (digest)" => other with { CatalogDigest = "sha256:01" },
                "shard count" => other with { Shard = new Shard(2, 3) },
                _ => throw new ArgumentOutOfRangeException(nameof(what)),
            },
        };
        var problem = Assert.Single(Problems(parts));
        Assert.Equal(DiagnosticCodes.ReportsFromDifferentRuns, problem.Code);
        Assert.Equal("shard-2.json", problem.Location?.File);
        Assert.StartsWith(what + " ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("in shard-1.json: only the shards of one run can be merged", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_with_an_entry_of_another_shard_or_without_one_of_its_own_is_refused()
    {
        var whole = Whole();
        var parts = Parts(whole, 2);
        var stray = whole.Entries.First(e => Shard.Of(e.Id, 2) == 2);
        var own = parts[0].Report.Entries[0];
        parts[0] = parts[0] with { Report = parts[0].Report with { Entries = [.. parts[0].Report.Entries.Skip(1), stray] } };
        var problems = Problems(parts);
        Assert.All(problems, p => Assert.Equal((DiagnosticCodes.ShardEntriesWrong, "shard-1.json"), (p.Code, p.Location?.File)));
        Assert.Equal(
            [$"shard 1/2 holds 1 entry outside its share of the catalogs: {stray.Id} (shard 2/2)", $"shard 1/2 lacks 1 entry of its share of the catalogs: {own.Id}"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void An_entry_not_in_the_catalogs_is_refused()
    {
        var parts = Parts(Whole(), 1);
        parts[0] = parts[0] with { Report = parts[0].Report with { Entries = [.. parts[0].Report.Entries, SampleReport.Proved() with { Id = "ghost" }] } };
        Assert.Contains("ghost (not in the catalogs)", Assert.Single(Problems(parts)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_id_pairs_each_use_with_its_own_result()
    {
        var whole = Whole();
        whole = whole with { Entries = [.. whole.Entries, whole.Entries[0] with { Verdict = Verdict.IllFormed, Line = 999 }] };
        var outcome = ShardMerge.Merge(Parts(whole, 3));
        Assert.Equal(JsonReport.Render(whole), JsonReport.Render(outcome.Merged!));
    }
}
