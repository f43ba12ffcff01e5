using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Cli;
using TraceVerify.Diagnostics;

namespace TraceVerify.Tests.Soundness;

// Mutates the shipped catalogs, decides every mutant with the oracle and checks it with the real tool — the
// Verifier the `check` command builds (symbolic, fuzz, and Z3 where there is no proof, at the CLI's default
// cases and Z3 bounds) — entries in parallel as `check --jobs` does.
internal static class MutationRun
{
    public sealed record Result(int Seed, IReadOnlyList<MutantOutcome> Outcomes, TimeSpan Elapsed, TimeSpan OracleTime, TimeSpan ToolTime)
    {
        public IReadOnlyList<MutantOutcome> Wrong => Outcomes.Where(o => o.IsWrong).ToList();

        public IReadOnlyList<MutationTally> Tallies =>
            [.. Outcomes.GroupBy(o => o.Mutant.Category).OrderBy(g => g.Key).Select(g => MutationTally.Of(g.Key.ToString(), g.ToList())), MutationTally.Of("all", Outcomes.ToList())];

        public string Summary()
        {
            var text = new StringBuilder($"mutation suite: seed {Seed}, {Outcomes.Count} mutants, {Elapsed.TotalSeconds:0.0} s (summed over threads: oracle {OracleTime.TotalSeconds:0.0} s, tool {ToolTime.TotalSeconds:0.0} s)\n");
            foreach (var tally in Tallies) text.AppendLine(tally.ToString());
            return text.ToString();
        }

        public string Report()
        {
            var text = new StringBuilder(Summary());
            text.AppendLine().AppendLine("excluded by the oracle, by reason:");
            foreach (var reason in Outcomes.Where(o => o.Truth.Truth == Truth.Excluded).GroupBy(o => o.Truth.Reason).OrderByDescending(g => g.Count()))
                text.AppendLine($"  {reason.Count(),5}  {reason.Key}");
            foreach (var group in Wrong.GroupBy(o => o.Problem))
            {
                text.AppendLine().AppendLine($"== {group.Key}: {group.Count()}");
                foreach (var o in group)
                {
                    text.AppendLine($"# truth: {o.Truth.Truth} ({o.Truth.Reason}); tool: {o.Verdict?.ToString() ?? "exception"} — {o.ToolDetail}");
                    text.Append(o.Mutant.Yaml);
                }
            }
            var undecided = Outcomes.Where(o => o.TrueButUndecided).ToList();
            if (undecided.Count > 0) text.AppendLine().AppendLine($"== true but undecided or ill-formed (not a soundness failure): {undecided.Count}");
            foreach (var o in undecided)
            {
                text.AppendLine($"# truth: {o.Truth.Truth} ({o.Truth.Reason}); tool: {o.Verdict} — {o.ToolDetail}");
                text.Append(o.Mutant.Yaml);
            }
            return text.ToString();
        }
    }

    public static Result Run(int seed, int count, int jobs)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var entries = Catalogs.All().SelectMany(Catalogs.Load).ToList();
        var mutants = Mutator.Generate(entries, seed, count);
        // Verdicts only: the hypothesis search never changes one, so it is not run on the mutants.
        var options = new VerifierOptions(seed) { HypothesisSearch = false };
        var verifier = Methods.Verifier(options);
        var outcomes = new MutantOutcome[mutants.Count];
        long oracleTicks = 0, toolTicks = 0;
        Parallel.For(0, mutants.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, k =>
        {
            var mutant = mutants[k];
            var entry = CatalogLoader.Parse(mutant.Yaml, "mutant.yaml").Entries.Single();
            OracleVerdict truth;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                truth = Oracle.Decide(entry, seed ^ k);
                Interlocked.Add(ref oracleTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                started = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            catch (Exception e) when (e is InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
            {
                throw new InvalidOperationException($"oracle bug on this mutant:\n{mutant.Yaml}", e);
            }
            try
            {
                var result = verifier.Check(entry);
                Interlocked.Add(ref toolTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                var disagreement = result.Diagnostics.Any(d => d.Code == DiagnosticCodes.MethodsDisagree);
                var detail = string.Join("; ", result.Methods.Select(m => $"{m.Name}: {m.Outcome}")
                    .Concat(result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Code} {d.Message}")));
                outcomes[k] = new MutantOutcome(mutant, truth, result.Verdict, disagreement, null, Shorten(detail));
            }
            catch (Exception e)
            {
                outcomes[k] = new MutantOutcome(mutant, truth, null, false, $"{e.GetType().Name}: {e.Message}", Shorten(e.ToString()));
            }
        });
        return new Result(seed, outcomes, clock.Elapsed, System.Diagnostics.Stopwatch.GetElapsedTime(0, oracleTicks), System.Diagnostics.Stopwatch.GetElapsedTime(0, toolTicks));
    }

    private static string Shorten(string text) => text.Length <= 400 ? text.ReplaceLineEndings(" ") : text[..397].ReplaceLineEndings(" ") + "...";
}
