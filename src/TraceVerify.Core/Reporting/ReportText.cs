using System.Globalization;
using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// Plain-text pieces every renderer shares, so the formats say the same thing in the same words.
internal static class ReportText
{
    // "traa-21 (eq 21)"; an entry without an equation label is just its id.
    public static string EntryName(EntryResult entry) => entry.Eq.Length == 0 ? entry.Id : $"{entry.Id} (eq {entry.Eq})";

    public static string Kind(EntryResult entry) => entry.Kind?.ToString().ToLowerInvariant() ?? "-";

    public static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Evidence(EntryResult entry) => string.Join("; ", entry.Methods.Select(m => $"{m.Name}: {m.Outcome}"));

    public static string Headline(Report report) =>
        $"{report.Count(Verdict.Proved)} proved, {report.Count(Verdict.Confirmed)} confirmed, {report.Count(Verdict.Refuted)} refuted, " +
        $"{report.Count(Verdict.Undecided)} undecided, {report.Count(Verdict.IllFormed)} ill-formed, {report.Count(Verdict.Definition)} definition{(report.Count(Verdict.Definition) == 1 ? "" : "s")}" +
        (report.Count(Verdict.Error) is var errors and > 0 ? $", {errors} internal error{(errors == 1 ? "" : "s")}" : "");

    public static string Mismatches(Report report) => $"{report.Mismatches} mismatch{(report.Mismatches == 1 ? "" : "es")} with expectations";

    public static string Outcome(EntryResult entry) =>
        $"verdict {Expectations.Text(entry.Verdict)}, expected {Expectations.Text(entry.Expected)}";

    // The entries grouped by catalog file: the report's catalogs in their order (a catalog without entries
    // still gets its group), then any file that only the entries name, in order of first appearance.
    public static IReadOnlyList<(string File, IReadOnlyList<EntryResult> Entries)> ByFile(Report report)
    {
        var files = report.Catalogs.Concat(report.Entries.Select(e => e.File)).Distinct(StringComparer.Ordinal);
        return files.Select(f => (f, (IReadOnlyList<EntryResult>)report.Entries.Where(e => e.File == f).ToArray())).ToArray();
    }

    // A matrix as aligned rows, each column right-aligned to its widest value:
    //   [  1  -1/2 ]
    //   [  0     2 ]
    public static IReadOnlyList<string> Matrix(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (rows.Count == 0) return ["[ ]"];
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        return rows.Select(r => "[ " + string.Join("  ", Enumerable.Range(0, columns).Select(c => (c < r.Count ? r[c] : "").PadLeft(widths[c]))) + " ]").ToArray();
    }

    public static string CounterexampleHeader(Counterexample c) =>
        $"counterexample ({c.Method}, {(c.Exact ? "exact arithmetic" : "rigorous interval bound")}{(c.Seed is { } seed ? $", seed {seed}" : "")}): {c.Description}";

    public static string Assignments(IReadOnlyDictionary<string, int> values) =>
        string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}"));

    // The counterexample in full, values as aligned matrices, for formats read as plain text; the words are
    // CounterexampleText's, which prints the compact one-line form.
    public static IReadOnlyList<string> CounterexampleLines(Counterexample c)
    {
        var lines = new List<string> { CounterexampleHeader(c) };
        if (c.Dimensions.Count > 0) lines.Add("  sizes: " + Assignments(c.Dimensions));
        if (c.IndexValues.Count > 0) lines.Add("  indices: " + Assignments(c.IndexValues));
        foreach (var (name, rows) in c.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.Add($"  {name} =");
            lines.AddRange(Matrix(rows).Select(row => "    " + row));
        }
        lines.Add("  left:  " + c.Left);
        lines.Add("  right: " + c.Right);
        lines.AddRange(c.Differences.Select(d => "  differs at " + d));
        return lines;
    }

    // XML 1.0 forbids most control characters even as references, and a reader cannot see invisible ones; YAML
    // escapes can smuggle either into a message, so they are written as `U+001B` (see Printable). Line breaks
    // too: a multi-line body is built by joining escaped lines, so no catalog text starts a line of its own.
    public static string XmlSafe(string text) => Printable.Escape(text);
}
