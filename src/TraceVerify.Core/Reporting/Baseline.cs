using System.Text.Json;
using TraceVerify.Catalog;

namespace TraceVerify.Reporting;

// Compares a run with a previous run's JSON report (the contract JsonReport writes): which verdicts got
// worse, which entries were newly refuted or proved, which appeared or disappeared.
internal static class Baseline
{
    private static readonly IReadOnlyDictionary<string, Verdict> Verdicts =
        Enum.GetValues<Verdict>().ToDictionary(Expectations.Text, v => v, StringComparer.Ordinal);

    private sealed record Previous(string File, string Id, string Eq, Verdict Verdict);

    public static BaselineDiff Compare(JsonDocument previousJson, Report current)
    {
        ArgumentNullException.ThrowIfNull(previousJson);
        ArgumentNullException.ThrowIfNull(current);
        var (previous, problem) = Read(previousJson.RootElement);
        if (previous is null) return BaselineDiff.Unreadable(problem!);

        var beforeInOrder = Keyed(previous, p => (p.File, p.Id));
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
        (not Verdict.Error, Verdict.Error) => true,
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

    private static (IReadOnlyList<Previous>? Entries, string? Problem) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, "the baseline is not a JSON object");
        if (!root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.String || tool.GetString() != CheckRun.ToolName)
            return (null, $"the baseline is not a {CheckRun.ToolName} JSON report (no \"tool\": \"{CheckRun.ToolName}\")");
        if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            return (null, "the baseline has no \"entries\" list");
        var result = new List<Previous>();
        var k = 0;
        foreach (var item in entries.EnumerateArray())
        {
            k++;
            if (item.ValueKind != JsonValueKind.Object) return (null, $"entry {k} of the baseline is not an object");
            string? Text(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var id = Text("id");
            var file = Text("file");
            var verdictText = Text("verdict");
            if (id is null || file is null || verdictText is null)
                return (null, $"entry {k} of the baseline lacks a string \"id\", \"file\" or \"verdict\"");
            if (!Verdicts.TryGetValue(verdictText, out var verdict))
                return (null, $"entry {k} (`{id}`) of the baseline has an unknown verdict \"{verdictText}\"");
            result.Add(new Previous(file, id, Text("eq") ?? "", verdict));
        }
        return (result, null);
    }
}
