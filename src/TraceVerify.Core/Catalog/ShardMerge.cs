using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// Combines the reports of the shards of one sharded run into the report an unsharded run would have written.
// Accepted only when the reports provably come from one run and cover the catalogs exactly once:
//   1. same tool version, seed, Z3 version, catalog paths, catalog digest, list of catalog entries and shard
//      count (a report without a shard is shard 1/1, its own entries the whole catalogs);
//   2. every shard 1..n given exactly once;
//   3. each shard holds exactly the catalog entries whose id hashes to it (Shard.Of) — no more, no fewer.
// Then the shards are disjoint and their union is the catalogs, and the merged entries are put back in
// catalog order. Entries are keyed by (file, id, occurrence), so a duplicated id (a TV0007 error) still pairs
// its k-th use with its k-th use. Nothing is merged when any check fails: the problems are the result.
internal static class ShardMerge
{
    public sealed record Input(string Name, Report Report);

    public sealed record Outcome(Report? Merged, IReadOnlyList<Diagnostic> Problems);

    private const int Listed = 5;

    public static Outcome Merge(IReadOnlyList<Input> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new ArgumentException("merge needs at least one report", nameof(inputs));
        var first = inputs[0];
        var catalog = Catalog(first.Report);
        var problems = inputs.Skip(1).SelectMany(i => Differences(first, i)).ToList();
        if (problems.Count > 0) return new Outcome(null, problems);

        var count = ShardOf(first.Report).Count;
        var byIndex = inputs.GroupBy(i => ShardOf(i.Report).Index).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (index, given) in byIndex.OrderBy(p => p.Key).Where(p => p.Value.Count > 1))
            problems.Add(Problem(DiagnosticCodes.ShardDuplicated, $"shard {index}/{count} is given {given.Count} times: {string.Join(", ", given.Select(i => i.Name))}"));
        for (var index = 1; index <= count; index++)
        {
            if (byIndex.ContainsKey(index)) continue;
            var lost = catalog.Where(k => Shard.Of(k.Key.Id, count) == index).ToList();
            problems.Add(Problem(DiagnosticCodes.ShardMissing, $"shard {index}/{count} is missing: no report holds its {Entries(lost.Count)}{Sample(lost)}"));
        }
        if (problems.Count > 0) return new Outcome(null, problems);

        var merged = new Dictionary<(EntryKey, int), EntryResult>();
        var inCatalog = catalog.ToHashSet();
        foreach (var input in inputs)
        {
            var shard = ShardOf(input.Report);
            var share = catalog.Where(k => Shard.Of(k.Key.Id, count) == shard.Index).ToList();
            var shareSet = share.ToHashSet();
            var held = Keyed(input.Report.Entries.Select(e => (new EntryKey(e.File, e.Id), e)));
            var heldSet = held.Select(h => h.Key).ToHashSet();
            var foreign = held.Select(h => h.Key).Where(k => !shareSet.Contains(k)).ToList();
            var lacking = share.Where(k => !heldSet.Contains(k)).ToList();
            if (foreign.Count > 0)
            {
                var where = foreign.Take(Listed).Select(k => $"{k.Key.Id} ({(inCatalog.Contains(k) ? $"shard {Shard.Of(k.Key.Id, count)}/{count}" : "not in the catalogs")})");
                problems.Add(Problem(DiagnosticCodes.ShardEntriesWrong, $"shard {shard} holds {Entries(foreign.Count)} outside its share of the catalogs: {string.Join(", ", where)}{(foreign.Count > Listed ? ", …" : "")}", input.Name));
            }
            if (lacking.Count > 0)
                problems.Add(Problem(DiagnosticCodes.ShardEntriesWrong, $"shard {shard} lacks {Entries(lacking.Count)} of its share of the catalogs{Sample(lacking)}", input.Name));
            foreach (var (key, entry) in held) merged.TryAdd(key, entry);
        }
        if (problems.Count > 0) return new Outcome(null, problems);

        var report = first.Report with { Entries = catalog.Select(k => merged[k]).ToArray(), Shard = null, CatalogEntries = [] };
        return new Outcome(report, []);
    }

    private static Shard ShardOf(Report report) => report.Shard ?? new Shard(1, 1);

    // The whole catalogs' entries, in catalog order, as (key, occurrence).
    private static List<(EntryKey Key, int Occurrence)> Catalog(Report report) =>
        Keyed((report.Shard is null ? report.Entries.Select(e => new EntryKey(e.File, e.Id)) : report.CatalogEntries).Select(k => (k, k)))
            .Select(p => p.Key).ToList();

    private static List<((EntryKey Key, int Occurrence) Key, T Item)> Keyed<T>(IEnumerable<(EntryKey Key, T Item)> items)
    {
        var seen = new Dictionary<EntryKey, int>();
        var keyed = new List<((EntryKey, int), T)>();
        foreach (var (key, item) in items)
        {
            var occurrence = seen.TryGetValue(key, out var n) ? n + 1 : 0;
            seen[key] = occurrence;
            keyed.Add(((key, occurrence), item));
        }
        return keyed;
    }

    // What must agree between two reports of one run; each difference names both reports and both values.
    private static IEnumerable<Diagnostic> Differences(Input first, Input other)
    {
        var (a, b) = (first.Report, other.Report);
        Diagnostic Differ(string what, string here, string there) => Problem(
            DiagnosticCodes.ReportsFromDifferentRuns,
            $"{what} {here} differs from {there} in {first.Name}: only the shards of one run can be merged (same catalogs, seed, version and shard count)",
            other.Name);
        if (a.Version != b.Version) yield return Differ("version", b.Version, a.Version);
        if (a.Seed != b.Seed) yield return Differ("seed", $"{b.Seed}", $"{a.Seed}");
        if (a.Z3Version != b.Z3Version) yield return Differ("Z3 version", b.Z3Version ?? "(none)", a.Z3Version ?? "(none)");
        if (!a.Catalogs.SequenceEqual(b.Catalogs)) yield return Differ("catalog list", List(b.Catalogs), List(a.Catalogs));
        else if (a.CatalogDigest != b.CatalogDigest)
            yield return Differ("catalog contents (digest)", b.CatalogDigest ?? "(none)", a.CatalogDigest ?? "(none)");
        else if (a.Shard is not null && b.Shard is not null && !a.CatalogEntries.SequenceEqual(b.CatalogEntries))
            yield return Differ("catalog entry list", $"({Entries(b.CatalogEntries.Count)})", $"({Entries(a.CatalogEntries.Count)})");
        if (ShardOf(a).Count != ShardOf(b).Count) yield return Differ("shard count", $"{ShardOf(b)}", $"{ShardOf(a)}");
    }

    private static Diagnostic Problem(string code, string message, string? report = null) =>
        Diagnostic.Error(code, message, report is null ? null : new SourceLocation(report, 1, 1));

    private static string Entries(int n) => n == 1 ? "1 entry" : $"{n} entries";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string Sample(IReadOnlyList<(EntryKey Key, int Occurrence)> keys) =>
        keys.Count == 0 ? "" : ": " + string.Join(", ", keys.Take(Listed).Select(k => k.Key.Id)) + (keys.Count > Listed ? ", …" : "");
}
