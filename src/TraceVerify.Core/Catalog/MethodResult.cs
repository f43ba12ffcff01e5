namespace TraceVerify.Catalog;

// What one method concluded about an entry. Outcome is one of "proved", "confirmed", "refuted",
// "inconclusive", "error"; Detail says on what evidence (shapes, cases, seed, canonical forms).
internal sealed record MethodResult(string Name, string Outcome, string Detail);
