namespace TraceVerify.Benchmarks;

// One derivative to time: ∂Of/∂Wrt, whose right answer is the closed form written in the catalog language as
// the sum of ExpectedTerms — one text for the notes' formulas, one text per term for the long series, whose
// whole sum would pass the parser's limit on expression size.
internal sealed record DerivativeCase(string Id, string Label, string Of, string Wrt, IReadOnlyList<string> ExpectedTerms);
