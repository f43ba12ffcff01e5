using TraceVerify.Catalog;

namespace TraceVerify.Fuzzing;

// What fuzzing one entry concluded. Outcome is "confirmed" (every case agreed), "refuted" (a case
// disagreed; Counterexample holds it, shrunk) or "inconclusive" (nothing to fuzz, or too few cases inside
// the domain). Cases counts the cases checked, Discards those outside the domain (log of a non-positive
// value, division by zero); ShapesCovered lists each dimension assignment checked, such as "m=2,n=3".
internal sealed record FuzzOutcome(
    string Outcome,
    int Cases,
    int Discards,
    IReadOnlyList<string> ShapesCovered,
    Counterexample? Counterexample,
    string Detail);
