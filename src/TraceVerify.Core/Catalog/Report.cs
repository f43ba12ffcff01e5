namespace TraceVerify.Catalog;

// One run over one or more catalogs: what the JSON report serializes.
internal sealed record Report(
    string Tool,
    string Version,
    long Seed,
    IReadOnlyList<string> Catalogs,
    IReadOnlyList<EntryResult> Entries,
    string? Z3Version)
{
    // What the run covered, so shard reports can be merged and checked: the catalogs' digest and the errors
    // that stopped a catalog being read; for one shard of a sharded run, the shard and every entry of the
    // whole catalogs (written only then; an unsharded report's entries are the whole catalogs).
    public string? CatalogDigest { get; init; }

    public IReadOnlyList<Diagnostics.Diagnostic> CatalogErrors { get; init; } = [];

    public Shard? Shard { get; init; }

    public IReadOnlyList<EntryKey> CatalogEntries { get; init; } = [];

    public int Count(Verdict verdict) => Entries.Count(e => e.Verdict == verdict);

    public int Mismatches => Entries.Count(e => !e.MatchesExpected);

    public int Disagreements => Entries.Count(e => e.Diagnostics.Any(d => d.Code == Diagnostics.DiagnosticCodes.MethodsDisagree));
}
