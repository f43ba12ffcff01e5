namespace TraceVerify.Symbolic;

// Expanding to index form would exceed Lowering.MaxTerms terms ((a+b)^40 has 2^40) or Lowering.MaxFactorsPerTerm
// factors in one term (((s^1000)^1000)^1000): a limit reached by the
// input, reported as an inconclusive symbolic result rather than exhausting memory. IndexSplitException, an index
// form that cannot be built, is reported the same way.
internal class ExpansionLimitException(string message) : Exception(message);
