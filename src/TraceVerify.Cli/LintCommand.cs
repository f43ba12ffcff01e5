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
            // Excerpts only from files that were read as catalogs (regular files within the size cap).
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files.Where(f => !f.Unreadable && File.Exists(f.Path)))
            {
                if (RegularFile.TryRead(file.Path, out _) is { } text) sources[file.Path] = text;
            }
            Console.Out.Write(LintReport.Render(diagnostics, sources));
            if (files.Any(f => f.Unreadable)) return ExitCodes.CatalogUnreadable;
            return diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.Mismatch : ExitCodes.Success;
        });
        return command;
    }
}
