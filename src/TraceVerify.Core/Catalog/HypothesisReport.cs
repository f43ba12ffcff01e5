namespace TraceVerify.Catalog;

// The forgotten-hypothesis search on one entry (HypothesisSearch): every candidate set of attributes it tried
// with the verdict the ordinary methods gave the entry under it, the smallest sets under which the entry holds
// (Found, each with how it was decided), and Outcome, one sentence. The entry's own verdict is untouched.
internal sealed record HypothesisReport(string Outcome, IReadOnlyList<HypothesisCandidate> Tried, IReadOnlyList<HypothesisFinding> Found);

// "W symmetric", "A square and B symmetric".
internal sealed record HypothesisCandidate(string Set, string Verdict);

internal sealed record HypothesisFinding(string Set, string Verdict, string Evidence);
