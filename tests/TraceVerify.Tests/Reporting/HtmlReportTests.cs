using System.Text.RegularExpressions;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

public partial class HtmlReportTests
{
    private static readonly string Page = HtmlReport.Render(SampleReport.Create());

    [Fact]
    public void The_page_is_self_contained()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", Page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", Page, StringComparison.OrdinalIgnoreCase);
        // The only absolute URL is the MathML namespace name, which is never fetched.
        Assert.All(AbsoluteUrl().Matches(Page), m => Assert.Equal(MathMl.Namespace, m.Value));
    }

    [Fact]
    public void Catalog_text_is_escaped()
    {
        Assert.Contains("Derivative of the beast &lt;expanded&gt; &amp; &quot;misprinted&quot; | first term", Page, StringComparison.Ordinal);
        Assert.DoesNotContain("<expanded>", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_entry_has_its_badge_and_its_formula_as_mathml()
    {
        var refuted = Article("entry-traa-21");
        Assert.Contains("<span class=\"badge refuted\">refuted</span>", refuted, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge mismatch\">mismatch</span>", refuted, StringComparison.Ordinal);
        Assert.Contains("<figcaption>as printed</figcaption>", refuted, StringComparison.Ordinal);
        Assert.Contains("<figcaption>corrected</figcaption>", refuted, StringComparison.Ordinal);
        Assert.Contains("<section class=\"counterexample\">", refuted, StringComparison.Ordinal);
        Assert.Contains("<mi>A</mi><mo>=</mo><mrow class=\"matrix\"><mo>[</mo><mtable><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mrow><mo>−</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow></mtd>", refuted, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge proved\">proved</span>", Article("entry-traa-9"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge definition\">definition</span>", Article("entry-traa-6"), StringComparison.Ordinal);
        var illFormed = Article("entry-bad-shape");
        Assert.Contains("<li class=\"error\"><code>identities.yaml:235:12: error TV0201: shape mismatch in `A*B`: A is m×n", illFormed, StringComparison.Ordinal);
        // An equality is one formula a = b, with both sides typeset.
        Assert.Contains("<mo>=</mo><mrow><mrow><mi>B</mi><mo>&#x2062;</mo><mi>A</mi></mrow><mo>+</mo>", illFormed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_does_not_parse_is_shown_as_code()
    {
        var entry = SampleReport.IllFormed() with { Details = SampleReport.IllFormed().Details! with { Texts = ["A*B", "A*(B"] } };
        var page = HtmlReport.Render(SampleReport.Create() with { Entries = [entry] });
        Assert.Contains("<code class=\"unparsed\">A*(B</code>", page, StringComparison.Ordinal);
        Assert.Contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><mrow><mi>A</mi>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_ids_get_distinct_anchors()
    {
        var page = HtmlReport.Render(SampleReport.Create() with { Entries = [SampleReport.Proved(), SampleReport.Proved() with { File = "other.yaml" }] });
        Assert.Contains("id=\"entry-traa-9\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"entry-traa-9-2\"", page, StringComparison.Ordinal);
    }

    private static string Article(string id)
    {
        var start = Page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, id);
        return Page[start..Page.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("""https?://[^"'\s<>)]+""")]
    private static partial Regex AbsoluteUrl();
}
