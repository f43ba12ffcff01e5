namespace TraceVerify.Catalog;

// What reports show beside the verdict: the texts as written, the derived result in matrix notation and
// the term-by-term comparison of a claim with the derivation.
internal sealed record EntryDetails(
    string? Title,
    string? Latex,
    string? Note,
    IReadOnlyList<string> Texts,
    string? Derived,
    string? Corrected,
    IReadOnlyList<string> TermComparison,
    IReadOnlyList<string> CanonicalForms);
