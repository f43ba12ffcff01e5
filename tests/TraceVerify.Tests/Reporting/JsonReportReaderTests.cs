using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

public class JsonReportReaderTests
{
    private static readonly IReadOnlyDictionary<string, Func<Report, string>> Formats = new Dictionary<string, Func<Report, string>>
    {
        ["text"] = TextReport.Render,
        ["json"] = JsonReport.Render,
        ["junit"] = JUnitReport.Render,
        ["sarif"] = SarifReport.Render,
        ["markdown"] = MarkdownReport.Render,
        ["html"] = HtmlReport.Render,
    };

    private static (Report? Report, string? Problem) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonReportReader.Read(document.RootElement, "r.json");
    }

    private static Report ReadBack(Report report) => Read(JsonReport.Render(report)).Report ?? throw new InvalidOperationException("unreadable");

    public static TheoryData<string> FormatNames => [.. Formats.Keys];

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void A_report_read_back_renders_in_every_format_as_the_original(string format)
    {
        Assert.Equal(Formats[format](SampleReport.Create()), Formats[format](ReadBack(SampleReport.Create())));
        Assert.Equal(Formats[format](SampleReport.Shard()), Formats[format](ReadBack(SampleReport.Shard())));
    }

    [Fact]
    public void The_shard_and_the_whole_catalogs_are_read_back()
    {
        var report = ReadBack(SampleReport.Shard());
        Assert.Equal(new Shard(2, 3), report.Shard);
        Assert.Equal(SampleReport.Shard().CatalogEntries, report.CatalogEntries);
        Assert.Equal("sha256:5e1f", report.CatalogDigest);
        Assert.Equal(SampleReport.Shard().CatalogErrors, report.CatalogErrors);
    }

    [Fact]
    public void Only_the_tool_and_each_entrys_id_file_and_verdict_are_required()
    {
        var (report, problem) = Read("""{"tool": "traceverify", "entries": [{"id": "a", "file": "f.yaml", "verdict": "confirmed"}]}""");
        Assert.Null(problem);
        var entry = Assert.Single(report!.Entries);
        Assert.Equal((Verdict.Confirmed, ExpectedVerdict.Holds, true), (entry.Verdict, entry.Expected, entry.MatchesExpected));
        Assert.Equal((null, 0, 0), (report.Shard, report.CatalogEntries.Count, report.CatalogErrors.Count));
    }

    [Theory]
    [InlineData("""{"id": "a", "file": "f.yaml", "verdict": "proved", "line": "7"}""", "entry 1 (`a`) of r.json: \"line\" is a string, expected a number")]
    [InlineData("""{"id": "a", "file": "f.yaml", "verdict": "proved", "expected": "maybe"}""", "entry 1 (`a`) of r.json: unknown expectation \"maybe\"")]
    [InlineData("""{"id": "a", "file": "f.yaml", "verdict": "proved", "kind": "lemma"}""", "entry 1 (`a`) of r.json: unknown kind \"lemma\"")]
    [InlineData("""{"id": "a", "file": "f.yaml", "verdict": "proved", "methods": [{"name": 1}]}""", "entry 1 (`a`) of r.json: \"name\" is a number, expected a string")]
    [InlineData("""{"id": "a", "file": "f.yaml", "verdict": "proved", "counterexample": {"exact": "yes"}}""", "entry 1 (`a`) of r.json: \"exact\" is a string, expected a boolean")]
    [InlineData("""{"id": 3, "file": "f.yaml", "verdict": "proved"}""", "entry 1 of r.json lacks a string \"id\", \"file\" or \"verdict\"")]
    public void A_field_of_the_wrong_kind_makes_the_report_unreadable_naming_the_entry(string entry, string problem)
    {
        var (report, actual) = Read($$"""{"tool": "traceverify", "entries": [{{entry}}]}""");
        Assert.Null(report);
        Assert.Equal(problem, actual);
    }

    [Theory]
    [InlineData("""{"tool": "traceverify", "entries": [], "shard": {"index": 3, "count": 2}}""", "r.json: \"shard\" must have 1 ≤ index ≤ count, found 3/2")]
    [InlineData("""{"tool": "traceverify", "entries": [], "seed": 1.5}""", "r.json: a value is not a 64-bit integer")]
    [InlineData("""{"tool": "traceverify", "entries": [], "catalog_entries": [{"file": "f.yaml", "id": []}]}""", "r.json: \"id\" is a list, expected a string")]
    public void A_run_field_of_the_wrong_kind_makes_the_report_unreadable(string json, string problem)
    {
        Assert.Equal((null, problem), Read(json));
    }
}
