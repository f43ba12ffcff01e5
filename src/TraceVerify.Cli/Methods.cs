using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// The methods that run beside the symbolic engine.
internal static class Methods
{
    public static IReadOnlyList<ICheckMethod> Create(VerifierOptions options)
    {
        _ = options;
        return [];
    }

    public static string? Z3Version => null;
}
