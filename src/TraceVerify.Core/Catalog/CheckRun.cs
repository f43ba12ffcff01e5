using System.Reflection;

namespace TraceVerify.Catalog;

// One `check` run: read the catalogs, verify every entry (in parallel, reported in catalog order), report.
internal static class CheckRun
{
    public const string ToolName = "traceverify";

    public static string Version =>
        typeof(CheckRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public sealed record Outcome(Report Report, IReadOnlyList<CatalogFile> Files)
    {
        public bool AnyUnreadable => Files.Any(f => f.Unreadable);
    }

    public static Outcome Run(IReadOnlyList<CatalogFile> files, Verifier verifier, long seed, string? z3Version, int jobs, Func<CatalogEntry, bool>? select = null, IProgress<EntryResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(verifier);
        var entries = files.SelectMany(f => f.Entries).Where(e => select?.Invoke(e) ?? true).ToArray();
        var results = new EntryResult[entries.Length];
        Parallel.For(0, entries.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, k =>
        {
            results[k] = verifier.Check(entries[k]);
            progress?.Report(results[k]);
        });
        var report = new Report(ToolName, Version, seed, files.Select(f => f.Path).ToArray(), results, z3Version);
        return new Outcome(report, files);
    }
}
