using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// How a run differs from a previous one. Entries are matched by (file, id). Before is null for a new entry,
// After null for a removed one.
internal sealed record BaselineChange(string File, string Id, string Eq, Verdict? Before, Verdict? After)
{
    public string Name => Eq.Length == 0 ? Id : $"{Id} (eq {Eq})";

    // File and id come from a catalog or from the previous JSON report: both escaped (Printable), ids cut.
    public override string ToString() => $"{Printable.Escape(File)}: {Printable.Shortened(Name, TextReport.NamedIdWidth)}: {Text(Before)} → {Text(After)}";

    private static string Text(Verdict? verdict) => verdict is { } v ? Expectations.Text(v) : "(absent)";
}
