using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// A pull-request summary in GitHub-flavoured Markdown: the counts, a table of every entry, then the errata
// (each refuted entry as printed, its counterexample and the correction) and the other entries that miss
// their expectation. Text from the catalog is escaped in table cells and fenced elsewhere, with a fence
// longer than any backtick run inside, so no catalog text can change the page's structure.
internal static class MarkdownReport
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        var gate = report.Mismatches == 0 && report.Disagreements == 0;
        b.Append("## TraceVerify ").Append(gate ? "✅" : "❌").Append('\n').Append('\n');
        b.Append("**").Append(ReportText.Headline(report)).Append("**; ").Append(ReportText.Mismatches(report));
        if (report.Disagreements > 0) b.Append("; **").Append(report.Disagreements).Append(" internal disagreement").Append(report.Disagreements == 1 ? "" : "s").Append("**");
        b.Append(".\n\n");
        b.Append("Run: ").Append(Cell($"{report.Tool} {report.Version}")).Append(", seed ").Append(report.Seed);
        if (report.Z3Version is { } z3) b.Append(", Z3 ").Append(Cell(z3));
        b.Append(", catalogs ").Append(string.Join(", ", report.Catalogs.Select(Code))).Append(".\n\n");

        b.Append("| id | eq | kind | verdict | expected | evidence |\n");
        b.Append("|---|---|---|---|---|---|\n");
        foreach (var e in report.Entries)
        {
            var verdict = (e.MatchesExpected ? "" : "❌ ") + Expectations.Text(e.Verdict);
            b.Append("| ").Append(Cell(e.Id)).Append(" | ").Append(Cell(e.Eq)).Append(" | ").Append(ReportText.Kind(e))
             .Append(" | ").Append(verdict).Append(" | ").Append(Expectations.Text(e.Expected))
             .Append(" | ").Append(e.Methods.Count == 0 ? "—" : Cell(ReportText.Evidence(e))).Append(" |\n");
        }

        var refuted = report.Entries.Where(e => e.Verdict == Verdict.Refuted).ToList();
        if (refuted.Count > 0)
        {
            b.Append("\n### Errata\n");
            foreach (var e in refuted) AppendErratum(b, e);
        }
        var problems = report.Entries.Where(e => e.Verdict != Verdict.Refuted && (!e.MatchesExpected || e.Diagnostics.Count > 0)).ToList();
        if (problems.Count > 0)
        {
            b.Append("\n### Diagnostics\n");
            foreach (var e in problems)
            {
                b.Append("\n#### ").Append(Cell(ReportText.EntryName(e))).Append(" — ").Append(ReportText.Outcome(e)).Append('\n').Append('\n');
                var lines = e.Diagnostics.Select(d => d.ToString()).DefaultIfEmpty($"{e.File}:{e.Line}:{e.Column}: evidence: {ReportText.Evidence(e)}");
                AppendFence(b, "text", lines);
            }
        }
        return b.ToString();
    }

    private static void AppendErratum(StringBuilder b, EntryResult e)
    {
        b.Append("\n#### ").Append(Cell(ReportText.EntryName(e)));
        if (e.Details?.Title is { } title) b.Append(": ").Append(Cell(title));
        b.Append('\n').Append('\n');
        b.Append('`').Append(Cell($"{e.File}:{e.Line}:{e.Column}")).Append("` — ").Append(ReportText.Outcome(e)).Append(".\n");
        if (e.Details is { } details)
        {
            if (details.Texts.Count > 0)
            {
                b.Append("\nAs printed:\n\n");
                AppendFence(b, "text", details.Texts);
            }
            if (details.Latex is { } latex)
            {
                b.Append('\n');
                AppendFence(b, "math", [latex]);
            }
        }
        if (e.Counterexample is { } c)
        {
            b.Append("\nCounterexample (").Append(Cell(c.Method)).Append(", ").Append(c.Exact ? "exact arithmetic" : "rigorous interval bound");
            if (c.Seed is { } seed) b.Append(", seed ").Append(seed);
            b.Append("): ").Append(Cell(c.Description)).Append('\n').Append('\n');
            var lines = new List<string>();
            if (c.Dimensions.Count > 0) lines.Add("sizes: " + ReportText.Assignments(c.Dimensions));
            if (c.IndexValues.Count > 0) lines.Add("indices: " + ReportText.Assignments(c.IndexValues));
            foreach (var (name, rows) in c.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var matrix = ReportText.Matrix(rows);
                var label = name + " = ";
                lines.AddRange(matrix.Select((row, k) => (k == 0 ? label : new string(' ', label.Length)) + row));
            }
            lines.Add("left:  " + c.Left);
            lines.Add("right: " + c.Right);
            lines.AddRange(c.Differences.Select(d => "differs at " + d));
            AppendFence(b, "text", lines);
        }
        if (e.Suggestion is { } suggestion) b.Append("\nSuggested correction: ").Append(Cell(suggestion)).Append('\n');
        if (e.Hypotheses is { } hypotheses)
        {
            b.Append("\nForgotten hypothesis: ").Append(Cell(hypotheses.Outcome)).Append('\n');
            foreach (var f in hypotheses.Found) b.Append("- ").Append(Cell(f.Set)).Append(": ").Append(Cell(f.Verdict)).Append(" (").Append(Cell(f.Evidence)).Append(")\n");
        }
        if (e.Details?.Corrected is { } corrected)
        {
            b.Append("\nCorrected:\n\n");
            AppendFence(b, "text", [corrected]);
        }
        if (e.Details is { TermComparison.Count: > 0 } d)
        {
            b.Append("\nTerm by term:\n\n");
            AppendFence(b, "text", d.TermComparison);
        }
    }

    private static void AppendFence(StringBuilder b, string info, IEnumerable<string> lines)
    {
        var body = string.Join("\n", lines.Select(Printable.Escape));
        var longest = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        b.Append(fence).Append(info).Append('\n').Append(body).Append('\n').Append(fence).Append('\n');
    }

    private static string Code(string text) => "`" + Printable.Escape(text).Replace("`", "'", StringComparison.Ordinal) + "`";

    // Inline text: one printable line (control and invisible characters as `U+001B`, see Printable), with every
    // character that Markdown or a table would read as syntax escaped.
    private static string Cell(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in Printable.Escape(text))
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    b.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!' or '~' or '$' or '&':
                    b.Append('\\').Append(c);
                    break;
                default:
                    b.Append(c);
                    break;
            }
        }
        return b.ToString();
    }
}
