using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

// Every format a user sees, pinned byte for byte on the sample report; the JSON report is a contract.
public class ReportGoldenTests
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

    [Theory]
    [InlineData("text", "sample.txt")]
    [InlineData("json", "sample.json")]
    [InlineData("junit", "sample.junit.xml")]
    [InlineData("sarif", "sample.sarif.json")]
    [InlineData("markdown", "sample.md")]
    [InlineData("html", "sample.html")]
    public void Each_format_renders_the_sample_report_as_its_golden_file(string format, string golden)
    {
        Golden.Verify(golden, Formats[format](SampleReport.Create()));
    }

    [Fact]
    public void The_json_report_of_a_shard_carries_the_shard_and_every_entry_of_the_whole_catalogs()
    {
        Golden.Verify("sample.shard.json", JsonReport.Render(SampleReport.Shard()));
    }

    [Fact]
    public void Rendering_is_a_pure_function_of_the_report()
    {
        Assert.All(Formats.Values, render => Assert.Equal(render(SampleReport.Create()), render(SampleReport.Create())));
    }
}
