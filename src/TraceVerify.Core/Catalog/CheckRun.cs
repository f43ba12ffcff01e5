using System.Reflection;

namespace TraceVerify.Catalog;

// One `check` run: read the catalogs, verify every entry (in parallel, reported in catalog order), search the
// refuted ones for a forgotten hypothesis, report. The search's per-run budget of candidates is shared out in
// catalog order — each entry the search applies to reserves the most it could try — by a frontier that moves
// over the entries as their verdicts arrive: entry k's share is fixed once entries 0..k are verified, and its
// search may start then, beside the verification of later entries. So which entries are searched, and how far,
// depends on the catalogs and verdicts only, never on the number of jobs or the load.
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
        var searches = new Searches(entries, results, verifier);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        Parallel.For(0, entries.Length, parallel, k =>
        {
            results[k] = verifier.Verify(entries[k]);
            progress?.Report(results[k]);
            searches.Verified(k, verifier.HypothesisReserve(entries[k], results[k]));
            searches.RunReady();
        });
        phase?.Invoke("verified");
        Parallel.ForEach(searches.TakeReady(), parallel, searches.Run);
        phase?.Invoke("searched");
        var report = new Report(ToolName, Version, seed, files.Select(f => f.Path).ToArray(), results, z3Version);
        return new Outcome(report, files);
    }

    // The frontier over the entries' verdicts and the searches it has made ready. Invariant: entries before
    // `_frontier` are verified and have their allowance; `_left` is the budget after theirs.
    private sealed class Searches(CatalogEntry[] entries, EntryResult[] results, Verifier verifier)
    {
        private readonly int?[] _reserves = new int?[entries.Length];
        private readonly bool[] _verified = new bool[entries.Length];
        private readonly int[] _allowances = new int[entries.Length];
        private readonly System.Collections.Concurrent.ConcurrentQueue<int> _ready = new();
        private readonly object _gate = new();
        private readonly int _budget = verifier.HypothesisBudget;
        private readonly string _cut = $"the run's budget of {verifier.HypothesisBudget} candidates (--hypothesis-budget), spent on earlier entries";
        private int _frontier;
        private int _left = verifier.HypothesisBudget;

        // Entry k is verified (its result stored) with this reserve (null: the search does not apply).
        public void Verified(int k, int? reserve)
        {
            lock (_gate)
            {
                _reserves[k] = reserve;
                _verified[k] = true;
                while (_frontier < entries.Length && _verified[_frontier])
                {
                    var next = _frontier++;
                    if (_budget <= 0 || _reserves[next] is not { } r) continue;
                    _allowances[next] = Math.Min(r, _left);
                    _left -= _allowances[next];
                    _ready.Enqueue(next);
                }
            }
        }

        public void RunReady()
        {
            while (_ready.TryDequeue(out var k)) Run(k);
        }

        public List<int> TakeReady()
        {
            var rest = new List<int>();
            while (_ready.TryDequeue(out var k)) rest.Add(k);
            return rest;
        }

        public void Run(int k) => results[k] = _allowances[k] == 0
            ? results[k] with { Hypotheses = HypothesisSearch.Skipped(_reserves[k]!.Value, _cut) }
            : verifier.WithHypotheses(entries[k], results[k], _allowances[k], _cut);
    }
}
