using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Coefficient × factors with canonically numbered indices: parameters 0..P-1, then bound indices
// P, P+1, … in canonical order with their ranges. Key identifies the term up to its coefficient.
internal sealed record CanonicalTerm(Rational Coefficient, EquatableArray<Factor> Factors, EquatableArray<Dim> BoundRanges, string Key);
