using System.Text;
using TraceVerify.Catalog;

namespace TraceVerify.Reporting;

// The gate's view of a baseline comparison. Regressions: a verdict that held (proved, confirmed) is now
// refuted, undecided or ill-formed; a proof was lost (proved → confirmed); a definition stopped being
// well-formed. Problem is set when the baseline could not be read as a TraceVerify JSON report; the gate
// then fails closed (HasRegressions is true), because a comparison that could not be made passes nothing.
internal sealed record BaselineDiff(
    IReadOnlyList<BaselineChange> Regressions,
    IReadOnlyList<BaselineChange> NewlyRefuted,
    IReadOnlyList<BaselineChange> NewlyProved,
    IReadOnlyList<BaselineChange> Added,
    IReadOnlyList<BaselineChange> Removed,
    string? Problem)
{
    public bool HasRegressions => Problem is not null || Regressions.Count > 0;

    public static BaselineDiff Unreadable(string problem) => new([], [], [], [], [], problem);

    public string Render()
    {
        var b = new StringBuilder();
        if (Problem is not null)
        {
            b.Append("baseline: cannot compare: ").Append(Problem).Append(" (treated as a regression)\n");
            return b.ToString();
        }
        b.Append($"baseline: {Count(Regressions.Count, "regression")}, {NewlyRefuted.Count} newly refuted, {NewlyProved.Count} newly proved, ")
         .Append($"{Count(Added.Count, "new entry", "new entries")}, {Removed.Count} removed\n");
        Section(b, "regression", Regressions);
        Section(b, "newly refuted", NewlyRefuted);
        Section(b, "newly proved", NewlyProved);
        Section(b, "new", Added);
        Section(b, "removed", Removed);
        return b.ToString();
    }

    private static void Section(StringBuilder b, string label, IReadOnlyList<BaselineChange> changes)
    {
        foreach (var change in changes) b.Append("  ").Append(label).Append(": ").Append(change).Append('\n');
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
