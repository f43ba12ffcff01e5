using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

// The HTML report in a real browser: the DOM chromium builds from it, not our own string.
public sealed partial class HtmlBrowserTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("traceverify-html-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string html)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, html);
        return path;
    }

    private static string Article(string dom, string id)
    {
        var start = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {id} in the browser's DOM");
        return dom[start..dom.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    [ChromiumFact]
    public void The_refuted_entry_keeps_its_badge_and_its_mathml_counterexample_in_the_browser_dom()
    {
        var dom = Chromium.DumpDom(Write("report.html", HtmlReport.Render(SampleReport.Create())));
        var refuted = Article(dom, "entry-traa-21");
        Assert.Contains("<span class=\"badge refuted\">refuted</span>", refuted, StringComparison.Ordinal);
        var counterexample = refuted[refuted.IndexOf("<section class=\"counterexample\">", StringComparison.Ordinal)..];
        Assert.Matches("<math [^>]*><mrow><mi>A</mi><mo>=</mo><mrow class=\"matrix\"><mo>\\[</mo><mtable>", counterexample);
        Assert.Contains("<msup><mi>X</mi><mi mathvariant=\"normal\">T</mi></msup>", refuted, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge ill-formed\">ill-formed</span>", Article(dom, "entry-bad-shape"), StringComparison.Ordinal);
    }

    // A probe appended to a copy of the page asks the browser itself: are these MathML elements, and did it lay
    // the matrix out as a table (taller than one number) rather than as unknown inline tags?
    [ChromiumFact]
    public void The_browser_lays_out_the_mathml()
    {
        const string probe = """
            <script>
            (function () {
              var all = document.querySelectorAll('math, math *');
              var table = document.querySelector('#entry-traa-21 .counterexample mtable');
              var number = document.querySelector('#entry-traa-21 .counterexample mn');
              var result = {
                math: document.querySelectorAll('math').length,
                mathml: Array.prototype.every.call(all, function (e) { return e instanceof MathMLElement; }),
                table: table ? table.getBoundingClientRect().height : 0,
                number: number ? number.getBoundingClientRect().height : 0
              };
              document.body.setAttribute('data-probe', JSON.stringify(result));
            })();
            </script>
            """;
        var page = HtmlReport.Render(SampleReport.Create()).Replace("</body>", probe + "</body>", StringComparison.Ordinal);
        var dom = Chromium.DumpDom(Write("probe.html", page));
        var match = Probe().Match(dom);
        Assert.True(match.Success, "the probe did not run");
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = result.RootElement;
        Assert.True(root.GetProperty("math").GetInt32() >= 5);
        Assert.True(root.GetProperty("mathml").GetBoolean(), "some MathML element is not a MathMLElement");
        Assert.True(root.GetProperty("table").GetDouble() > 1.5 * root.GetProperty("number").GetDouble(),
            $"the 2-row matrix is {root.GetProperty("table").GetDouble()} px high, a number {root.GetProperty("number").GetDouble()} px");
    }

    [ChromiumFact]
    public void The_page_renders_to_a_screenshot()
    {
        var png = Path.Combine(_directory.FullName, "report.png");
        Chromium.Screenshot(Write("report.html", HtmlReport.Render(SampleReport.Create())), png, 1200, 1600);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"the screenshot has only {bytes.Length} bytes");
    }

    // The notes' whole catalog as the symbolic checker sees it: every entry reaches the DOM, every text parses.
    [ChromiumFact]
    public void The_notes_catalog_renders_every_entry_with_mathml()
    {
        var files = new[] { SourceTree.Resolve("identities.yaml") }.Concat(Directory.GetFiles(SourceTree.Resolve("identities"), "*.yaml").Order(StringComparer.Ordinal));
        var verifier = new Verifier(new VerifierOptions(1), []);
        var results = files.Select(CatalogLoader.Load).SelectMany(f => f.Entries).Select(verifier.Check).ToList();
        var report = new Report("traceverify", "0.1.0", 1, files.ToList(), results, null);
        var dom = Chromium.DumpDom(Write("catalog.html", HtmlReport.Render(report)));
        Assert.Equal(results.Count, Regex.Matches(dom, "<article class=\"entry").Count);
        Assert.DoesNotContain("class=\"unparsed\"", dom, StringComparison.Ordinal);
        Assert.Contains("<munder><mo>∑</mo>", Article(dom, "entry-traa-26"), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-probe=\"([^\"]*)\"")]
    private static partial Regex Probe();
}
