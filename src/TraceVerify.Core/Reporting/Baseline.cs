using System.Text.Json;
using TraceVerify.Catalog;

namespace TraceVerify.Reporting;

// Compares a run with a previous run's JSON report (read back by JsonReportReader): which verdicts got
// worse, which entries were newly refuted or proved, which appeared or disappeared.
internal static class Baseline
{
    public static BaselineDiff Compare(JsonDocument previousJson, Report current)
    {
        ArgumentNullException.ThrowIfNull(previousJson);
        ArgumentNullException.ThrowIfNull(current);
        var (previous, problem) = JsonReportReader.Read(previousJson.RootElement, "the baseline");
        return previous is null ? BaselineDiff.Unreadable(problem!) : Compare(previous, current);
    }

    public static BaselineDiff Compare(Report previous, Report current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var beforeInOrder = Keyed(previous.Entries, p => (p.File, p.Id));
        var before = beforeInOrder.ToDictionary(p => p.Key, p => p.Item);
        var afterInOrder = Keyed(current.Entries, e => (e.File, e.Id));
        var after = afterInOrder.ToDictionary(p => p.Key, p => p.Item);
        var regressions = new List<BaselineChange>();
        var newlyRefuted = new List<BaselineChange>();
        var newlyProved = new List<BaselineChange>();
        var added = new List<BaselineChange>();
        foreach (var (key, entry) in afterInOrder)
        {
            if (!before.TryGetValue(key, out var old))
            {
                added.Add(new BaselineChange(entry.File, entry.Id, entry.Eq, null, entry.Verdict));
                continue;
            }
            var change = new BaselineChange(entry.File, entry.Id, entry.Eq, old.Verdict, entry.Verdict);
            if (IsRegression(old.Verdict, entry.Verdict)) regressions.Add(change);
            if (old.Verdict != Verdict.Refuted && entry.Verdict == Verdict.Refuted) newlyRefuted.Add(change);
            if (old.Verdict != Verdict.Proved && entry.Verdict == Verdict.Proved) newlyProved.Add(change);
        }
        var removed = beforeInOrder.Where(p => !after.ContainsKey(p.Key))
            .Select(p => new BaselineChange(p.Item.File, p.Item.Id, p.Item.Eq, p.Item.Verdict, null)).ToList();
        return new BaselineDiff(regressions, newlyRefuted, newlyProved, added, removed, null);
    }

    public static bool IsRegression(Verdict before, Verdict after) => (before, after) switch
    {
        (Verdict.Proved or Verdict.Confirmed, Verdict.Refuted or Verdict.Undecided or Verdict.IllFormed) => true,
        (Verdict.Proved, Verdict.Confirmed) => true,
        (Verdict.Definition, Verdict.IllFormed) => true,
        _ => false,
    };

    // Keys are (file, id, occurrence): a duplicated id (itself a TV0007 error) still pairs its k-th use with
    // the k-th use before. Paths compare with `/` separators and without a leading `./`.
    private static List<((string File, string Id, int Occurrence) Key, T Item)> Keyed<T>(IEnumerable<T> items, Func<T, (string File, string Id)> key)
    {
        var keyed = new List<((string, string, int), T)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var item in items)
        {
            var (file, id) = key(item);
            var k = (NormalizePath(file), id);
            var occurrence = seen.TryGetValue(k, out var n) ? n + 1 : 0;
            seen[k] = occurrence;
            keyed.Add(((k.Item1, id, occurrence), item));
        }
        return keyed;
    }

    private static string NormalizePath(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p;
    }
}
