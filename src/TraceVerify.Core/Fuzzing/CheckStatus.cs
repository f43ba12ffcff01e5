namespace TraceVerify.Fuzzing;

internal enum CheckStatus
{
    Passed,
    Failed,

    // The case lies outside the entry's domain (log of a non-positive value, division by zero).
    Discarded,
}
