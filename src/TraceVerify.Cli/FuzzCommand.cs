using System.CommandLine;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Fuzzing;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

internal static class FuzzCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "the entry's id, e.g. traa-21" };
        var paths = new Option<string[]>("--catalog") { Description = "catalogs to search (default: identities.yaml and identities/*.yaml)", AllowMultipleArgumentsPerToken = true };
        var cases = new Option<int>("--cases") { Description = "cases to run", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "the run's seed; the same seed replays the same cases", DefaultValueFactory = _ => 20261121 };
        var maxDim = new Option<int>("--max-dim") { Description = "largest size of any dimension", DefaultValueFactory = _ => 4 };
        var command = new Command("fuzz", "fuzz one entry with exact arithmetic and print the evidence") { id, paths, cases, seed, maxDim };
        command.SetAction(result =>
        {
            var problem = Limits.Range("--cases", result.GetValue(cases), 1, Limits.MaxCases)
                ?? Limits.Range("--max-dim", result.GetValue(maxDim), 1, Limits.MaxFuzzDimension);
            if (problem is not null)
            {
                Console.Error.WriteLine($"traceverify: error: {problem}");
                return ExitCodes.Usage;
            }
            if (EntryLookup.Find(result.GetValue(id)!, result.GetValue(paths) ?? []) is not { } found) return ExitCodes.Usage;
            if (found.Binding.Entry!.Kind == EntryKind.Definition)
            {
                Console.Out.WriteLine($"{Printable.Escape(found.Entry.Id)}: a definition states no identity; nothing to fuzz");
                return ExitCodes.Success;
            }
            var options = new FuzzOptions(result.GetValue(seed), result.GetValue(cases), result.GetValue(maxDim));
            var outcome = new Fuzzer(options).Run(found.Binding.Entry);
            Console.Out.WriteLine($"{Printable.Escape(found.Entry.Id)}: {outcome.Outcome} — {outcome.Detail}");
            Console.Out.WriteLine($"  seed {options.Seed}; {outcome.Cases} cases, {outcome.Discards} discarded; shapes: {string.Join(" | ", outcome.ShapesCovered)}");
            if (outcome.Counterexample is { } c) Console.Out.Write(CounterexampleText.Render(c));
            var expected = found.Entry.Expected;
            var holds = outcome.Outcome == "confirmed";
            var refuted = outcome.Outcome == "refuted";
            return (expected == ExpectedVerdict.Refuted && refuted) || (expected is ExpectedVerdict.Holds or ExpectedVerdict.Proved && holds)
                ? ExitCodes.Success
                : ExitCodes.Mismatch;
        });
        return command;
    }
}
