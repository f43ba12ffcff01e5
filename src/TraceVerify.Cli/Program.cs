using System.CommandLine;

namespace TraceVerify.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("TraceVerify: decides whether matrix-calculus identities are true.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(DeriveCommand.Create());
        root.Subcommands.Add(EqualCommand.Create());
        root.Subcommands.Add(FuzzCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(ProveCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"traceverify: error: {error.Message}");
            return ExitCodes.Usage;
        }
        try
        {
            // Our own handler below, not the library's, which would print a stack trace.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Symbolic.ExpansionLimitException e)
        {
            Console.Error.WriteLine($"traceverify: error: {e.Message}");
            return ExitCodes.Mismatch;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Expected failures are diagnostics; reaching here is a bug in TraceVerify, said as such.
            Console.Error.WriteLine($"traceverify: internal error (please report): {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
