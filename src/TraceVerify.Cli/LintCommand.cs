using System.CommandLine;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

internal static class LintCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "catalog files (default: identities.yaml and identities/*.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("lint", "parse, shapes and index hygiene only — no numeric work, fast enough for an editor save hook") { paths };
        command.SetAction(result =>
        {
            var files = DefaultCatalogs.Load(result.GetValue(paths) ?? []);
            var diagnostics = files.SelectMany(Linter.Lint).ToList();
            var sources = files.Where(f => File.Exists(f.Path)).ToDictionary(f => f.Path, f => File.ReadAllText(f.Path), StringComparer.Ordinal);
            Console.Out.Write(LintReport.Render(diagnostics, sources));
            if (files.Any(f => f.Unreadable)) return ExitCodes.CatalogUnreadable;
            return diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.Mismatch : ExitCodes.Success;
        });
        return command;
    }
}
