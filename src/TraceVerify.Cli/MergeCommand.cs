using System.CommandLine;
using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

// `merge`: the JSON reports of the shards of one `check --shard i/n` run → the one report an unsharded run
// would have written (ShardMerge checks they come from one run and cover the catalogs exactly once), printed
// and written like `check`'s, ending with the same gate. A report that cannot be read, or shards that do not
// fit together, exit 2 like an unreadable catalog: the gate cannot pass what it cannot see.
internal static class MergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("reports") { Description = "the JSON reports of every shard (`check --shard i/n --format json`)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = ReportOutputs.FormatHelp, DefaultValueFactory = _ => "text" };
        var reports = new Option<string[]>("--report") { Description = "also write FORMAT=PATH (repeatable), e.g. junit=results.xml" };
        var baseline = new Option<string?>("--baseline") { Description = "a previous JSON report: print what changed and fail on regressions" };
        var command = new Command("merge", "combine the JSON reports of all shards of a run into one report and gate on it") { inputs, format, reports, baseline };
        command.SetAction(result =>
        {
            var paths = result.GetValue(inputs) ?? [];
            if (paths.FirstOrDefault(p => p.StartsWith('-')) is { } unknown) return Usage($"unknown option `{unknown}`");
            var (outputs, usage) = ReportOutputs.Parse(result.GetValue(format)!, result.GetValue(reports) ?? [], result.GetValue(baseline));
            if (outputs is null) return Usage(usage!);

            var read = paths.Select(Read).ToList();
            var problems = read.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
            if (problems.Count == 0)
            {
                var merged = ShardMerge.Merge(read.Select(r => r.Input!).ToList());
                if (merged.Merged is { } report) return outputs.Emit(report);
                problems.AddRange(merged.Problems);
            }
            foreach (var problem in problems) Console.Error.WriteLine(problem);
            Console.Error.WriteLine($"traceverify: error: cannot merge {paths.Length} report(s): {Count(problems.Count)}; nothing was reported");
            return ExitCodes.CatalogUnreadable;
        });
        return command;
    }

    private static (ShardMerge.Input? Input, Diagnostic? Problem) Read(string path)
    {
        Diagnostic Unreadable(string message) => Diagnostic.Error(DiagnosticCodes.ReportUnreadable, message, new SourceLocation(path, 1, 1));
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var (report, problem) = JsonReportReader.Read(json.RootElement, path);
            return report is null ? (null, Unreadable(problem!)) : (new ShardMerge.Input(path, report), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, Unreadable($"cannot read the report: {e.Message}"));
        }
    }

    private static string Count(int n) => n == 1 ? "1 problem" : $"{n} problems";

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"traceverify: error: {message}");
        return ExitCodes.Usage;
    }
}
