namespace TraceVerify.Fuzzing;

// The verdict on one case. Exact says the arithmetic was exact rational; otherwise it was rigorous
// interval arithmetic, where a case fails only when the two sides' enclosures are disjoint.
// Failure is set exactly when Status is Failed, DiscardReason exactly when it is Discarded.
internal sealed record CheckResult(CheckStatus Status, bool Exact, CaseFailure? Failure, string? DiscardReason)
{
    public const string ExactArithmetic = "exact rational";

    public const string IntervalArithmetic = "interval (rigorous bound)";

    public string Arithmetic => Exact ? ExactArithmetic : IntervalArithmetic;
}
