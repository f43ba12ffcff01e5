using System.Reflection;

namespace TraceVerify.Catalog;

// One `check` run: read the catalogs, verify every entry (in parallel, reported in catalog order), then search
// the refuted ones for a forgotten hypothesis, then report. The search's per-run budget of candidates is shared
// out in catalog order before any search runs — each entry reserves the most it could try — so which entries are
// searched, and how far, depends on the catalogs and verdicts only, never on the number of jobs or the load.
internal static class CheckRun
{
    public const string ToolName = "traceverify";

    public static string Version =>
        typeof(CheckRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public sealed record Outcome(Report Report, IReadOnlyList<CatalogFile> Files)
    {
        public bool AnyUnreadable => Files.Any(f => f.Unreadable);
    }

    public static Outcome Run(IReadOnlyList<CatalogFile> files, Verifier verifier, long seed, string? z3Version, int jobs, Func<CatalogEntry, bool>? select = null, IProgress<EntryResult>? progress = null,
        Action<string>? phase = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(verifier);
        var entries = files.SelectMany(f => f.Entries).Where(e => select?.Invoke(e) ?? true).ToArray();
        var results = new EntryResult[entries.Length];
        var reserves = new int?[entries.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        Parallel.For(0, entries.Length, parallel, k =>
        {
            results[k] = verifier.Verify(entries[k]);
            progress?.Report(results[k]);
            reserves[k] = verifier.HypothesisReserve(entries[k], results[k]);
        });

        phase?.Invoke("verified");

        var budget = verifier.HypothesisBudget;
        var allowances = new int[entries.Length];
        var searched = new List<int>();
        var left = budget;
        for (var k = 0; k < entries.Length && budget > 0; k++)
        {
            if (reserves[k] is not { } reserve) continue;
            allowances[k] = Math.Min(reserve, left);
            left -= allowances[k];
            searched.Add(k);
        }
        var cut = $"the run's budget of {budget} candidates (--hypothesis-budget), spent on earlier entries";
        Parallel.ForEach(searched, parallel, k => results[k] = allowances[k] == 0
            ? results[k] with { Hypotheses = HypothesisSearch.Skipped(reserves[k]!.Value, cut) }
            : verifier.WithHypotheses(entries[k], results[k], allowances[k], cut));
        phase?.Invoke("searched");
        var report = new Report(ToolName, Version, seed, files.Select(f => f.Path).ToArray(), results, z3Version);
        return new Outcome(report, files);
    }
}
