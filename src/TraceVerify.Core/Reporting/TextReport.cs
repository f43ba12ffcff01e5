using System.Globalization;
using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// The readable table and summary `check` prints; diagnostics rendered like a compiler's. Every catalog text
// goes through Printable, so no id, label or message can start a line of its own or reach the terminal as
// an escape sequence; ids are cut to IdWidth in the table (one huge id must not pad every row to its width).
internal static class TextReport
{
    public const int IdWidth = 40;
    public const int NamedIdWidth = 200;

    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        var ids = report.Entries.Select(e => Printable.Shortened(e.Id, IdWidth)).ToArray();
        var idWidth = Math.Max(2, ids.Select(id => id.Length).DefaultIfEmpty(2).Max());
        b.Append("id".PadRight(idWidth)).Append("  eq    kind        verdict     time     evidence\n");
        for (var k = 0; k < report.Entries.Count; k++)
        {
            var e = report.Entries[k];
            var mark = e.MatchesExpected ? " " : "!";
            var evidence = string.Join("; ", e.Methods.Select(m => $"{m.Name}: {m.Outcome}"));
            b.Append(ids[k].PadRight(idWidth)).Append("  ")
             .Append(Printable.Shortened(e.Eq, 12).PadRight(5)).Append(' ')
             .Append((e.Kind?.ToString().ToLowerInvariant() ?? "-").PadRight(11)).Append(' ')
             .Append((mark + Expectations.Text(e.Verdict)).PadRight(11)).Append(' ')
             .Append((e.Seconds.ToString("0.000", CultureInfo.InvariantCulture) + "s").PadRight(8)).Append(' ')
             .Append(evidence).Append('\n');
        }
        b.Append('\n');
        foreach (var e in report.Entries)
        {
            var id = Printable.Shortened(e.Id, NamedIdWidth);
            foreach (var d in e.Diagnostics) b.Append(d).Append('\n');
            if (!e.MatchesExpected)
                b.Append($"{new SourceLocation(e.File, e.Line, e.Column)}: {id}: verdict {Expectations.Text(e.Verdict)}, expected {Expectations.Text(e.Expected)}\n");
            if (e.Verdict == Verdict.Refuted)
            {
                if (e.Counterexample is { } c) b.Append($"  {id}: counterexample ({c.Method}, {(c.Exact ? "exact" : "rigorous bound")}): {Printable.Escape(c.Description)}\n");
                if (e.Suggestion is { } s) b.Append($"  {id}: suggestion: {Printable.Escape(s)}\n");
                if (e.Details?.Corrected is { } corrected) b.Append($"  {id}: corrected: {Printable.Escape(corrected)}\n");
            }
            if (e.Hypotheses is { } h) b.Append($"  {id}: hypotheses: {Printable.Escape(h.Outcome)}\n");
        }
        b.Append($"summary: {report.Count(Verdict.Proved)} proved, {report.Count(Verdict.Confirmed)} confirmed, {report.Count(Verdict.Refuted)} refuted, ")
         .Append($"{report.Count(Verdict.Undecided)} undecided, {report.Count(Verdict.IllFormed)} ill-formed, {report.Count(Verdict.Definition)} definitions; ")
         .Append(report.Count(Verdict.Error) is var errors and > 0 ? $"{errors} internal error{(errors == 1 ? "" : "s")}; " : "")
         .Append($"{report.Mismatches} mismatch{(report.Mismatches == 1 ? "" : "es")} with expectations; seed {report.Seed}\n");
        return b.ToString();
    }
}
