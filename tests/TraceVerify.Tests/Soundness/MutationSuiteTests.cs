namespace TraceVerify.Tests.Soundness;

// The soundness gate: mutants of the shipped catalogs, decided by the independent oracle, must never be
// proved or confirmed when false or ill-formed, never refuted when true or ill-formed, and never crash the
// tool or make its methods disagree (TV0901). The CI sample is fixed (seed and count below);
// bench/mutation-soak.sh runs a large one by setting TV_MUTATION_SEED and TV_MUTATION_COUNT.
public class MutationSuiteTests
{
    public const int DefaultSeed = 20261128;
    public const int DefaultCount = 1000;

    [Fact]
    public void Mutants_GetNoWrongVerdict()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TV_MUTATION_SEED"), out var s) ? s : DefaultSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("TV_MUTATION_COUNT"), out var c) ? c : DefaultCount;
        var result = MutationRun.Run(seed, count, Environment.ProcessorCount);
        var report = result.Report();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "mutation-report.txt"), report);
        if (Environment.GetEnvironmentVariable("TV_MUTATION_REPORT") is { Length: > 0 } path) File.WriteAllText(path, report);

        Assert.Equal(count, result.Outcomes.Count);
        Assert.True(result.Outcomes.Count(o => o.Truth.Truth != Truth.Excluded) >= count / 2, "the oracle excluded more than half of the mutants:\n" + result.Summary());
        Assert.True(result.Wrong.Count == 0, $"{result.Wrong.Count} wrong verdicts (each mutant's YAML below can be pasted into a catalog)\n{report}");
    }
}
