using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

// The search's findings in every report a user sees: the JSON field round-trips through the reader (so merge
// and --baseline keep it), the text and Markdown reports state it beside the counterexample and the repair,
// and the HTML report shows it in the browser's DOM.
public sealed class HypothesisReportTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("traceverify-hypotheses-");

    public void Dispose() => _directory.Delete(recursive: true);

    private static Report Sample(string yaml = """
            - id: traa-21-like
              kind: derivative
              shapes: {A: n x n, X: n x m}
              of: tr(X'*A*X)
              wrt: X
              claim: 2*A*X
              expect: refuted
            """)
    {
        var entry = CatalogLoader.Parse(yaml, "sample.yaml").Entries.Single();
        var result = new Verifier(new VerifierOptions(3, FuzzCases: 30), [new FuzzMethod(30)]).Check(entry);
        return new Report("traceverify", "test", 3, ["sample.yaml"], [result], null);
    }

    [Fact]
    public void The_json_field_round_trips()
    {
        var report = Sample();
        var json = JsonReport.Render(report);
        using var document = JsonDocument.Parse(json);
        var (read, problem) = JsonReportReader.Read(document.RootElement, "sample.json");
        Assert.Null(problem);
        var written = report.Entries[0].Hypotheses!;
        var back = read!.Entries[0].Hypotheses!;
        Assert.Equal(written.Outcome, back.Outcome);
        Assert.Equal(written.Tried, back.Tried);
        Assert.Equal(written.Found, back.Found);
        Assert.Equal(json, JsonReport.Render(read));
    }

    [Fact]
    public void Text_and_markdown_show_the_hypothesis_beside_the_repair()
    {
        // A claim with both a repair (transpose B) and a hypothesis (A symmetric): both are shown.
        var both = TextReport.Render(Sample("""
            - id: both
              kind: equality
              shapes: {A: n x n, B: n x n}
              lhs: tr(A*B)
              rhs: tr(A'*B)
            """));
        Assert.Contains("both: suggestion:", both, StringComparison.Ordinal);
        Assert.Contains("both: hypotheses: refuted as stated; holds if A is symmetric (proved)", both, StringComparison.Ordinal);
        var report = Sample();
        var text = TextReport.Render(report);
        Assert.Contains("traa-21-like: counterexample", text, StringComparison.Ordinal);
        Assert.Contains("traa-21-like: hypotheses: refuted as stated; holds if A is symmetric (proved)", text, StringComparison.Ordinal);
        var markdown = MarkdownReport.Render(report);
        Assert.Contains("Forgotten hypothesis: refuted as stated; holds if A is symmetric (proved)", markdown, StringComparison.Ordinal);
        Assert.Contains("- A symmetric: proved", markdown, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void The_html_report_shows_the_hypothesis_in_the_browser_dom()
    {
        var path = Path.Combine(_directory.FullName, "report.html");
        File.WriteAllText(path, HtmlReport.Render(Sample()));
        var dom = Chromium.DumpDom(path);
        var start = dom.IndexOf("id=\"entry-traa-21-like\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no article for the entry");
        var article = dom[start..dom.IndexOf("</article>", start, StringComparison.Ordinal)];
        Assert.Contains("<strong>Forgotten hypothesis:</strong> refuted as stated; holds if A is symmetric (proved)", article, StringComparison.Ordinal);
        Assert.Contains("<li><code>A symmetric</code>: proved", article, StringComparison.Ordinal);
    }
}
