using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// The methods that run beside the symbolic engine.
internal static class Methods
{
    public static IReadOnlyList<ICheckMethod> Create(VerifierOptions options) => options.UseZ3 && Proof.Z3Solver.NativeVersion is not null
        ? [new Fuzzing.FuzzMethod(options.FuzzCases), new Proof.Z3Method(options.Z3MaxDimension)]
        : [new Fuzzing.FuzzMethod(options.FuzzCases)];

    public static string? Z3Version(VerifierOptions options) => options.UseZ3 ? Proof.Z3Solver.NativeVersion : null;
}
