using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// The methods that run beside the symbolic engine.
internal static class Methods
{
    public static IReadOnlyList<ICheckMethod> Create(VerifierOptions options) => [new Fuzzing.FuzzMethod(options.FuzzCases)];

    public static string? Z3Version(VerifierOptions options) => options.UseZ3 ? Proof.Z3Solver.NativeVersion : null;
}
