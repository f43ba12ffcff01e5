using System.Globalization;
using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// The per-run memory budget: VerifierOptions.DefaultMemoryBudgetBytes, or TRACEVERIFY_MEMORY_MIB mebibytes
// (a whole number from 64 up) for a machine with more room. Entries are stopped (`undecided`, TV0904) while the
// process's resident size is above it.
internal static class MemoryBudget
{
    public const string Variable = "TRACEVERIFY_MEMORY_MIB";

    public static bool TryRead(out long bytes, out string? error)
    {
        bytes = VerifierOptions.DefaultMemoryBudgetBytes;
        error = null;
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mebibytes) && mebibytes is >= 64 and <= 1L << 30)
        {
            bytes = mebibytes * 1024 * 1024;
            return true;
        }
        error = $"{Variable} takes a whole number of MiB from 64 up, found `{text}`";
        return false;
    }
}
