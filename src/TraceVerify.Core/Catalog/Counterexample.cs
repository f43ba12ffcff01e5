namespace TraceVerify.Catalog;

// A concrete failing instance, with exact values where Exact is true. Matrices are given row by row as
// text (rationals like -1/2), ready to paste. Differences lists the entries where the two sides differ.
internal sealed record Counterexample(
    string Method,
    bool Exact,
    long? Seed,
    IReadOnlyDictionary<string, int> Dimensions,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Values,
    IReadOnlyDictionary<string, int> IndexValues,
    string Left,
    string Right,
    IReadOnlyList<string> Differences,
    string Description);
