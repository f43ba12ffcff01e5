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

    // A crashed entry is an `error` in every format: an error result in JUnit and SARIF, its own summary count.
    [Theory]
    [InlineData("text", "sample-error.txt")]
    [InlineData("json", "sample-error.json")]
    [InlineData("junit", "sample-error.junit.xml")]
    [InlineData("sarif", "sample-error.sarif.json")]
    [InlineData("markdown", "sample-error.md")]
    [InlineData("html", "sample-error.html")]
    public void Each_format_renders_an_entry_whose_check_crashed_as_its_golden_file(string format, string golden)
    {
        Golden.Verify(golden, Formats[format](SampleReport.CreateWithError()));
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
