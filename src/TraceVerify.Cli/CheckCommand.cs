using System.CommandLine;
using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "catalog files (default: identities.yaml and identities/*.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var seed = new Option<long>("--seed") { Description = "seed for every random choice (printed in the report)", DefaultValueFactory = _ => 20261121 };
        var cases = new Option<int>("--cases") { Description = "fuzz cases per entry", DefaultValueFactory = _ => 200 };
        var jobs = new Option<int>("--jobs") { Description = "entries checked in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout") { Description = "seconds allowed per entry before it is `undecided`", DefaultValueFactory = _ => 60 };
        var command = new Command("check", "check every entry of the catalogs and report verdicts") { paths, format, seed, cases, jobs, timeout };
        command.SetAction(result =>
        {
            var files = DefaultCatalogs.Load(result.GetValue(paths) ?? []);
            var options = new VerifierOptions(result.GetValue(seed), result.GetValue(cases), EntryTimeLimit: TimeSpan.FromSeconds(result.GetValue(timeout)));
            var verifier = new Verifier(options, Methods.Create(options));
            var outcome = CheckRun.Run(files, verifier, options.Seed, Methods.Z3Version, result.GetValue(jobs));
            foreach (var file in files)
            {
                foreach (var error in file.FatalErrors) Console.Error.WriteLine(error);
            }
            var text = result.GetValue(format) switch
            {
                "json" => JsonReport.Render(outcome.Report),
                "text" => TextReport.Render(outcome.Report),
                var other => null,
            };
            if (text is null)
            {
                Console.Error.WriteLine($"traceverify: error: unknown format `{result.GetValue(format)}` (text, json)");
                return ExitCodes.Usage;
            }
            Console.Out.Write(text);
            if (outcome.AnyUnreadable) return ExitCodes.CatalogUnreadable;
            return outcome.Report.Mismatches > 0 || outcome.Report.Disagreements > 0 ? ExitCodes.Mismatch : ExitCodes.Success;
        });
        return command;
    }
}
