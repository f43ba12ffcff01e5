namespace TraceVerify.Benchmarks;

// What bench/sympy_side.py reports for one derivative: Status is correct, wrong, unevaluated, error or
// timeout; Seconds the median time of diff() (null when it never finished); Detail the reason.
internal sealed record SympyResult(string Status, double? Seconds, string Detail);
