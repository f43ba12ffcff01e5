using System.Text.RegularExpressions;

namespace TraceVerify.Tests.Cli;

// `merge` through the real binary: each shard is a separate `check --shard i/n` process, as in a CI matrix.
public partial class MergeCommandTests : IClassFixture<MergeCommandTests.NotesShards>
{
    // The notes' catalog checked once unsharded and once as 4 shards (JSON reports in Directory).
    public sealed class NotesShards
    {
        public static readonly string[] Options = ["--no-z3", "--cases", "5"];

        public NotesShards()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("tv-merge-").FullName;
            Unsharded = Check("all.json");
            Shards = Enumerable.Range(1, 4).Select(i => Check($"shard-{i}.json", "--shard", $"{i}/4")).ToArray();
        }

        public string Directory { get; }

        internal CliRunner.Run Unsharded { get; }

        internal IReadOnlyList<CliRunner.Run> Shards { get; }

        public string Path(string name) => System.IO.Path.Combine(Directory, name);

        internal CliRunner.Run Check(string report, params string[] more)
        {
            var run = CliRunner.Invoke(CliRunner.RepositoryRoot, ["check", "identities.yaml", .. Options, "--report", $"json={Path(report)}", .. more]);
            Assert.True(run.ExitCode == 0, run.Error);
            return run;
        }
    }

    private readonly NotesShards _notes;

    public MergeCommandTests(NotesShards notes) => _notes = notes;

    private const string Catalog = """
        - id: nine
          kind: derivative
          of: tr(A*X*B)
          wrt: X
          claim: A'*B'
        - id: cyclic
          kind: equality
          lhs: tr(A*B*C)
          rhs: tr(C*A*B)
        - id: product-of-traces
          kind: equality
          lhs: tr(A*B)
          rhs: tr(A)*tr(B)
          expect: refuted
        - id: transpose
          kind: equality
          lhs: (A*B)'
          rhs: B'*A'
        - id: f
          kind: definition
          expr: tr(A*X)
        - id: broken
          kind: equality
          lhs: tr(A
          rhs: A
          expect: ill-formed

        """;

    private static string WithoutTimes(string text) => Times().Replace(text, "T");

    [GeneratedRegex("\"seconds\": [0-9.eE+-]+|[0-9]+\\.[0-9]{3} ?s\\b|time=\"[0-9.]+\"")]
    private static partial Regex Times();

    private CliRunner.Run Merge(params string[] args) => CliRunner.Invoke(_notes.Directory, ["merge", .. args]);

    private static string Scratch(string catalog = Catalog)
    {
        var dir = Directory.CreateTempSubdirectory("tv-merge-").FullName;
        File.WriteAllText(Path.Combine(dir, "c.yaml"), catalog);
        return dir;
    }

    private static void CheckShards(string dir, int count, params string[] more)
    {
        for (var i = 1; i <= count; i++)
        {
            var run = CliRunner.Invoke(dir, ["check", "c.yaml", .. NotesShards.Options, "--shard", $"{i}/{count}", "--report", $"json=shard-{i}.json", .. more]);
            Assert.True(File.Exists(Path.Combine(dir, $"shard-{i}.json")), run.Error);
        }
    }

    [Fact]
    public void Complete_shards_give_the_unsharded_report_in_every_format()
    {
        Assert.All(_notes.Shards, s => Assert.InRange(Regex.Count(s.Output, "^traa-", RegexOptions.Multiline), 1, 45));
        string[] shards = ["shard-3.json", "shard-1.json", "shard-4.json", "shard-2.json"];
        var merged = Merge([.. shards, "--format", "json", "--report", "text=merged.txt", "--report", "markdown=merged.md", "--report", "junit=merged.xml"]);
        Assert.True(merged.ExitCode == 0, merged.Error);
        Assert.Equal(WithoutTimes(File.ReadAllText(_notes.Path("all.json"))), WithoutTimes(merged.Output));
        Assert.Equal(WithoutTimes(_notes.Unsharded.Output), WithoutTimes(File.ReadAllText(_notes.Path("merged.txt"))));
        foreach (var format in new[] { "markdown", "junit" })
        {
            var unsharded = CliRunner.Invoke(_notes.Directory, "merge", "all.json", "--format", format);
            Assert.Equal(WithoutTimes(unsharded.Output), WithoutTimes(File.ReadAllText(_notes.Path(format == "junit" ? "merged.xml" : "merged.md"))));
        }
    }

    [Fact]
    public void A_missing_shard_exits_2_naming_it_and_reports_nothing()
    {
        var run = Merge("shard-1.json", "shard-2.json", "shard-4.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("error TV0052: shard 3/4 is missing: no report holds its ", run.Error, StringComparison.Ordinal);
        Assert.Contains("traceverify: error: cannot merge 3 report(s): 1 problem; nothing was reported", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_shard_exits_2_naming_both_copies()
    {
        File.Copy(_notes.Path("shard-2.json"), _notes.Path("copy-of-2.json"), overwrite: true);
        var run = Merge("shard-1.json", "shard-2.json", "shard-3.json", "copy-of-2.json", "shard-4.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error TV0053: shard 2/4 is given 2 times: shard-2.json, copy-of-2.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_of_another_seed_exits_2_naming_both_seeds()
    {
        _notes.Check("seed-7-shard-3.json", "--shard", "3/4", "--seed", "7");
        var run = Merge("shard-1.json", "shard-2.json", "seed-7-shard-3.json", "shard-4.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("seed-7-shard-3.json:1:1: error TV0051: seed 7 differs from 20261121 in shard-1.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_of_another_catalog_exits_2_whether_the_path_or_the_text_differs()
    {
        var dir = Scratch();
        CheckShards(dir, 2);
        File.Move(Path.Combine(dir, "shard-2.json"), Path.Combine(dir, "old-2.json"));
        File.WriteAllText(Path.Combine(dir, "c.yaml"), Catalog.Replace("claim: A'*B'", "claim: B'*A'", StringComparison.Ordinal));
        CheckShards(dir, 2);
        var edited = CliRunner.Invoke(dir, "merge", "shard-1.json", "old-2.json");
        Assert.Equal(2, edited.ExitCode);
        Assert.Contains("old-2.json:1:1: error TV0051: catalog contents (digest) sha256:", edited.Error, StringComparison.Ordinal);

        var other = CliRunner.Invoke(dir, "merge", "shard-1.json", _notes.Path("shard-2.json"));
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("error TV0051: catalog list [identities.yaml] differs from [c.yaml] in shard-1.json", other.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merged_report_decides_the_gate_as_check_does()
    {
        var dir = Scratch(Catalog.Replace("  expect: refuted\n", "", StringComparison.Ordinal));
        var unsharded = CliRunner.Invoke(dir, "check", "c.yaml", "--no-z3", "--cases", "5", "--report", "json=before.json");
        Assert.Equal(1, unsharded.ExitCode);
        CheckShards(dir, 3);
        var merged = CliRunner.Invoke(dir, "merge", "shard-1.json", "shard-2.json", "shard-3.json", "--report", "sarif=merged.sarif");
        Assert.Equal(1, merged.ExitCode);
        Assert.Equal(WithoutTimes(unsharded.Output), WithoutTimes(merged.Output));
        Assert.Contains("product-of-traces", File.ReadAllText(Path.Combine(dir, "merged.sarif")), StringComparison.Ordinal);

        // A baseline in which the refuted entry still held: the merged report shows the regression.
        File.WriteAllText(Path.Combine(dir, "before.json"), File.ReadAllText(Path.Combine(dir, "before.json")).Replace("\"refuted\"", "\"confirmed\"", StringComparison.Ordinal));
        var gated = CliRunner.Invoke(dir, "merge", "shard-1.json", "shard-2.json", "shard-3.json", "--baseline", "before.json");
        Assert.Equal(1, gated.ExitCode);
        Assert.Contains("regression: c.yaml: product-of-traces: confirmed → refuted", gated.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_of_an_unreadable_catalog_merge_into_exit_2_with_its_error()
    {
        var dir = Scratch();
        for (var i = 1; i <= 2; i++)
            Assert.Equal(2, CliRunner.Invoke(dir, ["check", "c.yaml", "missing.yaml", .. NotesShards.Options, "--shard", $"{i}/2", "--report", $"json=shard-{i}.json"]).ExitCode);
        var run = CliRunner.Invoke(dir, "merge", "shard-1.json", "shard-2.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.yaml:1:1: error TV0011", run.Error, StringComparison.Ordinal);
        Assert.Contains("nine", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_reports_exit_2_and_usage_errors_exit_64()
    {
        var dir = Scratch();
        File.WriteAllText(Path.Combine(dir, "not-json.json"), "{ nope");
        File.WriteAllText(Path.Combine(dir, "other.json"), """{"tool": "other", "entries": []}""");
        var run = CliRunner.Invoke(dir, "merge", "absent.json", "not-json.json", "other.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent.json:1:1: error TV0050: cannot read the report: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("not-json.json:1:1: error TV0050: cannot read the report: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("other.json:1:1: error TV0050: other.json is not a traceverify JSON report", run.Error, StringComparison.Ordinal);

        Assert.Equal(64, CliRunner.Invoke(dir, "merge").ExitCode);
        Assert.Equal(64, CliRunner.Invoke(dir, "merge", "other.json", "--format", "pdf").ExitCode);
        Assert.Equal(64, CliRunner.Invoke(dir, "merge", "other.json", "--report", "junit").ExitCode);
        Assert.Equal(64, CliRunner.Invoke(dir, "merge", "other.json", "--baseline", "absent.json").ExitCode);
    }
}
