using System.CommandLine;

namespace TraceVerify.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("TraceVerify: decides whether matrix-calculus identities are true.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(DeriveCommand.Create());
        root.Subcommands.Add(EqualCommand.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"traceverify: error: {error.Message}");
            return ExitCodes.Usage;
        }
        return parsed.Invoke();
    }
}
