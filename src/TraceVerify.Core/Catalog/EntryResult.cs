using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// The verdict on one catalog entry with all its evidence: the JSON report's `entries` items.
internal sealed record EntryResult(
    string Id,
    string Eq,
    string File,
    int Line,
    int Column,
    EntryKind? Kind,
    Verdict Verdict,
    ExpectedVerdict Expected,
    IReadOnlyList<MethodResult> Methods,
    Counterexample? Counterexample,
    string? Suggestion,
    IReadOnlyList<Diagnostic> Diagnostics,
    double Seconds,
    EntryDetails? Details)
{
    public bool MatchesExpected => Expectations.Matches(Expected, Verdict);
}
