namespace TraceVerify.Proof;

// Encoding an entry at one shape would write a script past SmtEncoder.MaxScriptNodes: a limit reached by the
// input, reported by Z3Method as an inconclusive answer naming the budget, never an internal error.
internal sealed class SmtBudgetException(string message) : Exception(message);
