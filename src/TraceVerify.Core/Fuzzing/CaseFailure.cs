namespace TraceVerify.Fuzzing;

// Where one case fails: the free-index values (0-based) of the failing assignment, both sides printed
// as matrices (for a derivative: the forward-mode gradient and the claim), and each differing entry as
// "[row,col]: left x, right y" with 1-based positions.
internal sealed record CaseFailure(
    IReadOnlyDictionary<string, int> IndexValues,
    string Left,
    string Right,
    IReadOnlyList<string> Differences,
    string Description);
