using System.CommandLine;
using Spectre.Console;
using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "catalog files (default: identities.yaml and identities/*.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = ReportOutputs.FormatHelp, DefaultValueFactory = _ => "text" };
        var seed = new Option<long>("--seed") { Description = "seed for every random choice (printed in the report)", DefaultValueFactory = _ => 20261121 };
        var cases = new Option<int>("--cases") { Description = "fuzz cases per entry", DefaultValueFactory = _ => 100 };
        var jobs = new Option<int>("--jobs") { Description = "entries checked in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout") { Description = "seconds allowed per entry before it is `undecided`", DefaultValueFactory = _ => 60 };
        var shard = new Option<string?>("--shard") { Description = "check only shard i of n (`2/4`), split deterministically by entry id" };
        var require = new Option<string?>("--require") { Description = "`proved`: accept nothing less than a proof for entries expected to hold" };
        var noZ3 = new Option<bool>("--no-z3") { Description = "skip the Z3 method (same as --z3 never)" };
        var z3 = new Option<string>("--z3") { Description = "when Z3 runs: unproved (where the symbolic engine gave no proof), always, never", DefaultValueFactory = _ => "unproved" };
        var z3MaxDim = new Option<int>("--z3-max-dim") { Description = "Z3 proves every shape with dimensions in 1..N", DefaultValueFactory = _ => 3 };
        var reports = new Option<string[]>("--report") { Description = "also write FORMAT=PATH (repeatable), e.g. junit=results.xml" };
        var noHypotheses = new Option<bool>("--no-hypotheses") { Description = "skip the search for the hypothesis a refuted entry forgot (it changes no verdict)" };
        var hypothesisBudget = new Option<int>("--hypothesis-budget")
        {
            Description = "candidates the hypothesis search may try in the whole run, shared among refuted entries in catalog order",
            DefaultValueFactory = _ => VerifierOptions.DefaultHypothesisBudget,
        };
        var baseline = new Option<string?>("--baseline") { Description = "a previous JSON report: print what changed and fail on regressions" };
        var command = new Command("check", "check every entry of the catalogs and report verdicts") { paths, format, seed, cases, jobs, timeout, shard, require, noZ3, z3, z3MaxDim, reports, baseline, noHypotheses, hypothesisBudget };
        command.SetAction(result =>
        {
            if ((result.GetValue(paths) ?? []).FirstOrDefault(p => p.StartsWith('-')) is { } unknown)
                return Usage($"unknown option `{unknown}`");
            var problem = Limits.Range("--cases", result.GetValue(cases), 1, Limits.MaxCases)
                ?? Limits.Range("--jobs", result.GetValue(jobs), 1, Limits.MaxJobs)
                ?? Limits.Range("--z3-max-dim", result.GetValue(z3MaxDim), 1, Limits.MaxZ3Dimension)
                ?? Limits.Range("--hypothesis-budget", result.GetValue(hypothesisBudget), 0, Limits.MaxHypothesisBudget)
                ?? Limits.Timeout(result.GetValue(timeout));
            if (problem is not null) return Usage(problem);
            Z3Policy? policy = result.GetValue(z3) switch { "unproved" => Z3Policy.Unproved, "always" => Z3Policy.Always, "never" => Z3Policy.Never, _ => null };
            if (policy is null) return Usage($"--z3 takes unproved, always or never, found `{result.GetValue(z3)}`");
            if (result.GetValue(noZ3)) policy = Z3Policy.Never;
            if (!Shard.TryParse(result.GetValue(shard), out var selected))
                return Usage($"--shard takes i/n with 1 ≤ i ≤ n, found `{result.GetValue(shard)}`");
            var requireProof = result.GetValue(require) switch
            {
                null => false,
                "proved" => true,
                var other => (bool?)null,
            };
            if (requireProof is null) return Usage($"--require takes `proved`, found `{result.GetValue(require)}`");
            var (outputs, usage) = ReportOutputs.Parse(result.GetValue(format)!, result.GetValue(reports) ?? [], result.GetValue(baseline));
            if (outputs is null) return Usage(usage!);

            var (files, digest) = DefaultCatalogs.Read(result.GetValue(paths) ?? []);
            if (!MemoryBudget.TryRead(out var memory, out var memoryError)) return Usage(memoryError!);
            var options = new VerifierOptions(result.GetValue(seed), result.GetValue(cases), policy != Z3Policy.Never, result.GetValue(z3MaxDim), TimeSpan.FromSeconds(result.GetValue(timeout)), memory)
            {
                HypothesisSearch = !result.GetValue(noHypotheses) && result.GetValue(hypothesisBudget) > 0,
                HypothesisBudget = result.GetValue(hypothesisBudget),
            };
            var verifier = Methods.Verifier(options, policy.Value);
            var entries = files.SelectMany(f => f.Entries).Where(e => selected?.Contains(e) ?? true).ToArray();
            RunProfile.Mark("loaded");
            var outcome = WithProgress(entries.Length, progress =>
                CheckRun.Run(files, verifier, options.Seed, Methods.Z3Version(options), result.GetValue(jobs), e => selected?.Contains(e) ?? true, progress, RunProfile.Mark));

            var report = RunScope.Describe(outcome.Report, files, digest, selected);
            return outputs.Emit(requireProof == true ? RequireProof(report) : report);
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"traceverify: error: {message}");
        return ExitCodes.Usage;
    }

    // Under --require proved an entry expected to hold must be proved, not merely confirmed.
    private static Report RequireProof(Report report) => report with
    {
        Entries = report.Entries.Select(e => e.Expected == ExpectedVerdict.Holds ? e with { Expected = ExpectedVerdict.Proved } : e).ToArray(),
    };

    // A progress bar on an interactive terminal; silent when output is redirected or CI is set.
    private static CheckRun.Outcome WithProgress(int total, Func<IProgress<EntryResult>?, CheckRun.Outcome> run)
    {
        var interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (!interactive || total < 2) return run(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        CheckRun.Outcome? outcome = null;
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("checking entries", maxValue: total);
            outcome = run(new Progress<EntryResult>(_ => task.Increment(1)));
        });
        return outcome!;
    }
}
