using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Cli;

// The methods beside the symbolic engine. Fuzzing runs on every entry, so every symbolic proof is
// cross-checked by exact evaluation. Z3 runs where the symbolic engine gave no proof, or on every entry
// with `--z3 always`.
internal static class Methods
{
    public static Verifier Verifier(VerifierOptions options, Z3Policy z3 = Z3Policy.Unproved)
    {
        ICheckMethod[] fuzz = [new FuzzMethod(options.FuzzCases)];
        if (!options.UseZ3 || z3 == Z3Policy.Never || Z3Solver.NativeVersion is null) return new Verifier(options, fuzz);
        var solver = new Z3Method(options.Z3MaxDimension);
        return z3 == Z3Policy.Always ? new Verifier(options, [.. fuzz, solver]) : new Verifier(options, fuzz, [solver]);
    }

    public static string? Z3Version(VerifierOptions options) => options.UseZ3 ? Z3Solver.NativeVersion : null;
}
