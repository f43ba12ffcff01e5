using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Tests.Reporting;

// A small report with every kind of outcome a reader meets, fixed to the last digit (seconds 0, fixed version
// and seed) so renderers can be pinned by golden files:
//   traa-9   proved, as expected;
//   traa-21  refuted although expected to hold, with an exact counterexample, a suggestion, a correction, the
//            term comparison and a warning located in its claim (line 221); its title needs escaping everywhere;
//   bad-shape ill-formed with a located shape error (line 235, column 12);
//   traa-6   a definition, in a second catalog file.
internal static class SampleReport
{
    public const string MainFile = "identities.yaml";
    public const string OtherFile = "identities/extra.yaml";

    public static Report Create() => new("traceverify", "0.1.0", 42, [MainFile, OtherFile], [Proved(), Refuted(), IllFormed(), Definition()], "4.12.2");

    // Shard 2 of 3 of a run over the sample's catalogs, one of which could not be read.
    public static Report Shard() => Create() with
    {
        Catalogs = [MainFile, OtherFile, "identities/locked.yaml"],
        Entries = [Refuted()],
        CatalogDigest = "sha256:5e1f",
        CatalogErrors = [Diagnostic.Error(DiagnosticCodes.FileUnreadable, "cannot read the catalog: access denied", new SourceLocation("identities/locked.yaml", 1, 1))],
        Shard = new Shard(2, 3),
        CatalogEntries = [new EntryKey(MainFile, "traa-9"), new EntryKey(MainFile, "traa-21"), new EntryKey(MainFile, "bad-shape"), new EntryKey(OtherFile, "traa-6")],
    };

    public static EntryResult Proved() => new(
        "traa-9", "9", MainFile, 81, 3, EntryKind.Derivative, Verdict.Proved, ExpectedVerdict.Holds,
        [new MethodResult("symbolic", "proved", "one canonical index form (1 term), for every shape")],
        null, null, [], 0,
        new EntryDetails("Derivative of tr(AXB)", @"\frac{\partial tr[AXB]}{\partial X} = A^T B^T", null, ["A'*B'"], "A'*B'", null, [], ["A[j,i]*B[k,j]"]));

    public static Counterexample Counterexample() => new(
        "z3", true, 7,
        new Dictionary<string, int> { ["n"] = 2 },
        new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["X"] = [["1", "0"], ["0", "1"]],
            ["A"] = [["0", "1"], ["-1/2", "2"]],
            ["B"] = [["1", "0"], ["0", "0"]],
            ["C"] = [["1", "0"], ["0", "1"]],
        },
        new Dictionary<string, int>(),
        "[[1, 0], [1/2, 2]]",
        "[[1, -1/2], [0, 2]]",
        ["[1,2]: 0 vs -1/2", "[2,1]: 1/2 vs 0"],
        "at n = 2 the sides differ in 2 of 4 entries");

    public static EntryResult Refuted() => new(
        "traa-21", "21", MainFile, 208, 3, EntryKind.Derivative, Verdict.Refuted, ExpectedVerdict.Holds,
        [
            new MethodResult("symbolic", "inconclusive", "canonical forms differ — claim 1: 1 of 4 expected term(s) unmatched"),
            new MethodResult("z3", "refuted", "counterexample at n = 2 (seed 7)"),
        ],
        Counterexample(),
        "the first term should read A'*C'*X'*X*C'*B'*X (A -> A^T)",
        [Diagnostic.Warning(DiagnosticCodes.ClaimRestrictsShapes, "the claim type-checks only if X is square; the left side is defined without that", new SourceLocation(MainFile, 221, 10))],
        0,
        new EntryDetails(
            "Derivative of the beast <expanded> & \"misprinted\" | first term",
            @"= \mathbf{A}\mathbf{C}^{T}\mathbf{X}^{T}\mathbf{X}\mathbf{C}^{T}\mathbf{B}^{T}\mathbf{X} + \dots",
            "A -> A^T in the first term.",
            ["A*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'"],
            "A'*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'",
            "A'*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'",
            ["term 1: claimed A*C'*X'*X*C'*B'*X, derived A'*C'*X'*X*C'*B'*X (A -> A')", "terms 2-4: match"],
            []));

    public static EntryResult IllFormed() => new(
        "bad-shape", "", MainFile, 230, 3, EntryKind.Equality, Verdict.IllFormed, ExpectedVerdict.Holds,
        [], null, null,
        [Diagnostic.Error(DiagnosticCodes.ShapeMismatch, "shape mismatch in `A*B`: A is m×n, B is m×n (needs n = m)", new SourceLocation(MainFile, 235, 12, 3))],
        0,
        new EntryDetails("A product that does not type-check", null, null, ["A*B", "B*A + sum(i; x[i])"], null, null, [], []));

    public static EntryResult Definition() => new(
        "traa-6", "6", OtherFile, 4, 3, EntryKind.Definition, Verdict.Definition, ExpectedVerdict.Definition,
        [new MethodResult("binder", "well-formed", "parses and type-checks")],
        null, null, [], 0,
        new EntryDetails("Example 1: f = tr(AXB)", @"f = tr \left[ \mathbf{AXB} \right]", null, ["tr(A*X*B)"], null, null, [], []));
}
