using System.Globalization;
using System.Text;
using TraceVerify.Catalog;

namespace TraceVerify.Reporting;

// The readable table and summary `check` prints; diagnostics rendered like a compiler's.
internal static class TextReport
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        var idWidth = Math.Max(2, report.Entries.Select(e => e.Id.Length).DefaultIfEmpty(2).Max());
        b.Append("id".PadRight(idWidth)).Append("  eq    kind        verdict     time     evidence\n");
        foreach (var e in report.Entries)
        {
            var mark = e.MatchesExpected ? " " : "!";
            var evidence = string.Join("; ", e.Methods.Select(m => $"{m.Name}: {m.Outcome}"));
            b.Append(e.Id.PadRight(idWidth)).Append("  ")
             .Append(e.Eq.PadRight(5)).Append(' ')
             .Append((e.Kind?.ToString().ToLowerInvariant() ?? "-").PadRight(11)).Append(' ')
             .Append((mark + Expectations.Text(e.Verdict)).PadRight(11)).Append(' ')
             .Append((e.Seconds.ToString("0.000", CultureInfo.InvariantCulture) + "s").PadRight(8)).Append(' ')
             .Append(evidence).Append('\n');
        }
        b.Append('\n');
        foreach (var e in report.Entries)
        {
            foreach (var d in e.Diagnostics) b.Append(d).Append('\n');
            if (!e.MatchesExpected)
                b.Append($"{e.File}:{e.Line}:{e.Column}: {e.Id}: verdict {Expectations.Text(e.Verdict)}, expected {Expectations.Text(e.Expected)}\n");
            if (e.Verdict == Verdict.Refuted)
            {
                if (e.Counterexample is { } c) b.Append($"  {e.Id}: counterexample ({c.Method}, {(c.Exact ? "exact" : "rigorous bound")}): {c.Description}\n");
                if (e.Suggestion is { } s) b.Append($"  {e.Id}: suggestion: {s}\n");
                if (e.Details?.Corrected is { } corrected) b.Append($"  {e.Id}: corrected: {corrected}\n");
            }
        }
        b.Append($"summary: {report.Count(Verdict.Proved)} proved, {report.Count(Verdict.Confirmed)} confirmed, {report.Count(Verdict.Refuted)} refuted, ")
         .Append($"{report.Count(Verdict.Undecided)} undecided, {report.Count(Verdict.IllFormed)} ill-formed, {report.Count(Verdict.Definition)} definitions; ")
         .Append(report.Count(Verdict.Error) is var errors and > 0 ? $"{errors} internal error{(errors == 1 ? "" : "s")}; " : "")
         .Append($"{report.Mismatches} mismatch{(report.Mismatches == 1 ? "" : "es")} with expectations; seed {report.Seed}\n");
        return b.ToString();
    }
}
