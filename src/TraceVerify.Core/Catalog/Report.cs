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
    public int Count(Verdict verdict) => Entries.Count(e => e.Verdict == verdict);

    public int Mismatches => Entries.Count(e => !e.MatchesExpected);

    public int Disagreements => Entries.Count(e => e.Diagnostics.Any(d => d.Code == Diagnostics.DiagnosticCodes.MethodsDisagree));
}
