using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

// A catalog cannot forge report lines, CI annotations or terminal escape codes through any text it controls:
// every format prints control and invisible characters as `U+001B`, and the text table cuts long ids.
public class ForgedOutputTests
{
    private const string Forged = "x\nsummary: 99 proved, 0 refuted\n::error::forged\u001b[2J\u0007\u200b\u202e";

    private static Report Hostile()
    {
        var refuted = SampleReport.Refuted() with
        {
            Id = Forged,
            Eq = "1\n::warning::x",
            Suggestion = "fix\n::error::suggested",
            Diagnostics = [Diagnostic.Error("TV0201", "bad `" + Forged + "`", new SourceLocation("c\n::error::.yaml", 3, 4))],
            Details = SampleReport.Refuted().Details! with { Title = Forged, Texts = [Forged], Corrected = Forged, TermComparison = [Forged] },
        };
        return SampleReport.Create() with { Entries = [SampleReport.Proved(), refuted] };
    }

    private static void AssertNothingForged(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            Assert.False(line.StartsWith("summary: 99", StringComparison.Ordinal), line);
            Assert.False(line.StartsWith("::", StringComparison.Ordinal), line);
        }
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.DoesNotContain('\u200b', output);
        Assert.DoesNotContain('\u202e', output);
    }

    public static TheoryData<string> Formats => ["text", "markdown", "junit", "sarif", "html"];

    private static string Render(string format, Report report) => format switch
    {
        "text" => TextReport.Render(report),
        "markdown" => MarkdownReport.Render(report),
        "junit" => JUnitReport.Render(report),
        "sarif" => SarifReport.Render(report),
        "html" => HtmlReport.Render(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_format_passes_control_or_invisible_characters_from_the_catalog(string format)
    {
        var output = Render(format, Hostile());
        AssertNothingForged(output);
        Assert.Contains("U+001B[2J", output, StringComparison.Ordinal);
        Assert.Contains("U+200B", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_message_texts_start_no_line_with_catalog_text()
    {
        using var sarif = System.Text.Json.JsonDocument.Parse(SarifReport.Render(Hostile()));
        var messages = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("message").GetProperty("text").GetString()!).ToArray();
        Assert.NotEmpty(messages);
        foreach (var message in messages) AssertNothingForged(message);
    }

    [Fact]
    public void The_text_summary_is_the_only_summary_line()
    {
        var lines = TextReport.Render(Hostile()).Split('\n');
        Assert.Single(lines, l => l.StartsWith("summary:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("xU+000Asummary: 99 proved", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_id_is_cut_in_the_text_table_so_rows_stay_short()
    {
        var huge = new string('a', 1 << 20);
        var entries = Enumerable.Range(0, 1200).Select(k => SampleReport.Proved() with { Id = k == 0 ? huge : $"e{k}" }).ToArray();
        var text = TextReport.Render(SampleReport.Create() with { Entries = entries });
        Assert.True(text.Length < 200_000, $"{text.Length} characters");
        var rows = text.Split('\n').Skip(1).Take(1200).ToArray();
        Assert.StartsWith(new string('a', TextReport.IdWidth - 1) + "…", rows[0], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.True(r.Length < 200, r));
    }

    [Fact]
    public void Escaping_is_the_identity_on_ordinary_text_and_names_every_hidden_code_point()
    {
        Assert.Equal("traa-21 ∂ tr(Aᵀ) λ", Printable.Escape("traa-21 ∂ tr(Aᵀ) λ"));
        Assert.Equal("aU+0000bU+000AcU+001BdU+0085eU+00A0fU+2028gU+FEFFhU+1F4A9", Printable.Escape("a\0b\nc\u001bd\u0085e\u00a0f\u2028g\ufeffh") + "U+1F4A9");
        Assert.Equal("line1\nline2U+001B", Printable.EscapeKeepingLines("line1\r\nline2\u001b"));
        Assert.True(Printable.IsPrintable("traa-9"));
        Assert.False(Printable.IsPrintable("a\u200bb"));
    }
}
