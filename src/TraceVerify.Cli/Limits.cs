using System.Globalization;

namespace TraceVerify.Cli;

// The documented ranges of the numeric options (README, "Option limits"). A value outside its range is a
// usage error (exit 64) before any work starts, never an overflow or an internal error later:
//   --cases 1..100,000 (a larger count would overflow the fuzzer's discard budget and fuzz nothing);
//   --timeout a finite number of seconds in (0, 86,400]; --jobs 1..256;
//   --z3-max-dim and prove --max-dim 1..8 (Z3 works on every shape up to the bound: 8^k shapes);
//   fuzz --max-dim 1..16 (exact matrices of that size per case); prove --max-shapes 1..100,000;
//   --hypothesis-budget 0..3,600,000 (0 turns the search off).
internal static class Limits
{
    public const int MaxCases = 100_000;
    public const double MaxTimeoutSeconds = 86_400;
    public const int MaxJobs = 256;

    // Candidates of the hypothesis search in one run: 36 for each of 100,000 refuted entries at most.
    public const int MaxHypothesisBudget = 3_600_000;
    public const int MaxZ3Dimension = 8;
    public const int MaxFuzzDimension = 16;
    public const int MaxShapes = 100_000;

    // Null when value is in [min, max]; otherwise the usage message.
    public static string? Range(string option, long value, long min, long max) =>
        value >= min && value <= max ? null
            : $"{option} must be between {min.ToString("N0", CultureInfo.InvariantCulture)} and {max.ToString("N0", CultureInfo.InvariantCulture)}, found {value.ToString(CultureInfo.InvariantCulture)}";

    public static string? Timeout(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds ? null
            : $"--timeout must be a number of seconds above 0 and at most {MaxTimeoutSeconds.ToString("N0", CultureInfo.InvariantCulture)}, found {seconds.ToString(CultureInfo.InvariantCulture)}";
}
