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
    // A transcription error (the latex states another claim) fails the gate whatever the verdict.
    // For a refuted entry (or one ill-formed by a shape condition): the hypotheses under which it holds.
    public HypothesisReport? Hypotheses { get; init; }

    public bool MatchesExpected => Expectations.Matches(Expected, Verdict) && !Diagnostics.Any(TranscriptionCheck.FailsGate);
}
