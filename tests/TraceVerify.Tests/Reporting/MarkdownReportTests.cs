using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

public class MarkdownReportTests
{
    private static readonly string Summary = MarkdownReport.Render(SampleReport.Create());

    private static IReadOnlyList<string> TableRows(string markdown) =>
        markdown.Split('\n').SkipWhile(l => !l.StartsWith("| id |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();

    [Fact]
    public void The_summary_leads_with_the_counts_and_tabulates_every_entry()
    {
        Assert.StartsWith("## TraceVerify ❌\n\n**1 proved, 0 confirmed, 1 refuted, 0 undecided, 1 ill-formed, 1 definition**; 2 mismatches with expectations.", Summary, StringComparison.Ordinal);
        var rows = TableRows(Summary);
        Assert.Equal(4, rows.Count);
        Assert.Equal("| traa-21 | 21 | derivative | ❌ refuted | holds | symbolic: inconclusive; z3: refuted |", rows[1]);
        Assert.All(rows, r => Assert.Equal(7, r.Split(" | ").Length + 1));
    }

    [Fact]
    public void The_errata_give_the_formula_the_counterexample_as_matrices_and_the_correction()
    {
        var errata = Summary[Summary.IndexOf("### Errata", StringComparison.Ordinal)..];
        Assert.Contains("#### traa-21 (eq 21): Derivative of the beast \\<expanded\\> \\& \"misprinted\" \\| first term", errata, StringComparison.Ordinal);
        Assert.Contains("As printed:\n\n```text\nA*C'*X'*X*C'*B'*X + ", errata, StringComparison.Ordinal);
        Assert.Contains("```math\n= \\mathbf{A}", errata, StringComparison.Ordinal);
        Assert.Contains("A = [    0  1 ]\n    [ -1/2  2 ]\n", errata, StringComparison.Ordinal);
        Assert.Contains("Corrected:\n\n```text\nA'*C'*X'*X*C'*B'*X + ", errata, StringComparison.Ordinal);
        Assert.Contains("Term by term:\n\n```text\nterm 1: claimed", errata, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_text_cannot_break_out_of_a_table_cell_or_a_fence()
    {
        var entry = SampleReport.Refuted() with
        {
            Id = "a|b",
            Details = SampleReport.Refuted().Details! with { Texts = ["A ``` B"], Corrected = "````" },
        };
        var markdown = MarkdownReport.Render(SampleReport.Create() with { Entries = [entry] });
        Assert.StartsWith("| a\\|b | 21 |", TableRows(markdown)[0], StringComparison.Ordinal);
        Assert.Contains("````text\nA ``` B\n````\n", markdown, StringComparison.Ordinal);
        Assert.Contains("`````text\n````\n`````\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_refuted_entries_there_are_no_errata()
    {
        var markdown = MarkdownReport.Render(SampleReport.Create() with { Entries = [SampleReport.Proved(), SampleReport.Definition()] });
        Assert.StartsWith("## TraceVerify ✅", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("### Errata", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("### Diagnostics", markdown, StringComparison.Ordinal);
    }
}
