using System.CommandLine;

namespace TraceVerify.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        GuardedWriter.Install();
        var code = Run(args);
        if (RunProfile.Enabled) RunProfile.Print();
        // Lost diagnostics on stderr make the run an output error, except that a bug (70) is still a bug.
        return GuardedWriter.StandardError?.Failed == true && code != ExitCodes.InternalError ? ExitCodes.OutputFailed : code;
    }

    private static int Run(string[] args)
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
        root.Subcommands.Add(ImportCommand.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"traceverify: error: {error.Message}");
            return ExitCodes.Usage;
        }
        // Every command runs on a thread with a generous stack: recursion is bounded by the parser (TV0107)
        // and the definition budget (TV0108) far below it, so no input can end the process by stack overflow.
        var exit = ExitCodes.InternalError;
        var command = new Thread(() => exit = Invoke(parsed), Catalog.Verifier.EntryStackBytes) { Name = "traceverify" };
        command.Start();
        command.Join();
        return exit;
    }

    private static int Invoke(ParseResult parsed)
    {
        try
        {
            // Our own handler below, not the library's, which would print a stack trace.
            var code = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            Console.Out.Flush();
            return code;
        }
        catch (OutputFailedException e)
        {
            Console.Error.WriteLine($"traceverify: error: {e.Message}");
            return ExitCodes.OutputFailed;
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
