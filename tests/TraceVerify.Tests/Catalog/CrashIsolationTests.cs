using System.Diagnostics;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Fuzzing;

namespace TraceVerify.Tests.Catalog;

// An exception while checking one entry is that entry's verdict `error` (TV0903, with the exception's message);
// every other entry is still checked and reported. A budget that runs out keeps the evidence already found.
public class CrashIsolationTests
{
    private const string Catalog = """
        - id: healthy-before
          kind: equality
          lhs: tr(A*B)
          rhs: tr(B*A)
        - id: crashing
          kind: equality
          lhs: tr(A*B*C)
          rhs: tr(C*A*B)
        - id: false-after
          kind: equality
          lhs: tr(A*B)
          rhs: tr(A'*B)
          expect: refuted
        """;

    private static IReadOnlyList<CatalogEntry> Entries(string text = Catalog) => CatalogLoader.Parse(text, "isolation.yaml").Entries;

    private static Counterexample Injected(string method) => new(method, true, 1, new Dictionary<string, int>(),
        new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(), new Dictionary<string, int>(), "[1]", "[2]", ["[1,1]: 1 vs 2"], "injected counterexample");

    // Throws for the entry with the given id, as a method with a bug would; answers nothing for the others.
    private sealed class CrashesOn(string id) : ICheckMethod
    {
        public string Name => "crashing";

        public MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token) =>
            entry.Id == id
                ? throw new InvalidOperationException("injected failure in a method")
                : new MethodEvidence(new MethodResult(Name, "inconclusive", "nothing to say"), null, false);
    }

    // Refutes at once: a cheap method that found a counterexample.
    private sealed class RefutesAtOnce : ICheckMethod
    {
        public string Name => "quick";

        public MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token) =>
            new(new MethodResult(Name, "refuted", "found at once"), Injected(Name), false, 1, true);
    }

    // Works until cancelled, as a prover that runs out of time does; records whether it was ever started.
    private sealed class RunsUntilCancelled : ICheckMethod
    {
        public int Started;

        public string Name => "slow";

        public MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token)
        {
            Interlocked.Increment(ref Started);
            token.WaitHandle.WaitOne();
            return new MethodEvidence(new MethodResult(Name, "inconclusive", "stopped"), null, false);
        }
    }

    [Fact]
    public void A_crash_in_one_entry_is_its_error_verdict_and_every_other_entry_is_still_checked()
    {
        var verifier = new Verifier(new VerifierOptions(1), [new CrashesOn("crashing"), new FuzzMethod(20)]);
        var files = new[] { CatalogLoader.Parse(Catalog, "isolation.yaml") };

        var report = CheckRun.Run(files, verifier, 1, null, jobs: 2).Report;

        Assert.Equal(["healthy-before", "crashing", "false-after"], report.Entries.Select(e => e.Id));
        var crashed = report.Entries[1];
        Assert.Equal(Verdict.Error, crashed.Verdict);
        Assert.False(crashed.MatchesExpected);
        var error = Assert.Single(crashed.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("InvalidOperationException: injected failure in a method", error.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Proved, report.Entries[0].Verdict);
        Assert.Equal(Verdict.Refuted, report.Entries[2].Verdict);
        Assert.Equal(1, report.Count(Verdict.Error));
    }

    [Fact]
    public void A_crash_in_the_real_engine_on_a_real_input_is_also_contained()
    {
        // diag of a row vector crashed the whole run before (a shape bug owned elsewhere); whatever the engine now
        // answers, the entry gets a verdict of its own and its neighbour is unaffected.
        const string text = """
            - id: diag-of-a-row
              kind: equality
              lhs: diag(x')*B
              rhs: diag(x)*B
            - id: healthy
              kind: equality
              lhs: tr(A*B)
              rhs: tr(B*A)
            """;
        var report = CheckRun.Run([CatalogLoader.Parse(text, "diag.yaml")], new Verifier(new VerifierOptions(1), [new FuzzMethod(20)]), 1, null, jobs: 1).Report;

        Assert.Equal(2, report.Entries.Count);
        Assert.Equal(Verdict.Proved, report.Entries[1].Verdict);
        if (report.Entries[0].Verdict == Verdict.Error)
            Assert.Contains(report.Entries[0].Diagnostics, d => d.Code == DiagnosticCodes.InternalError && d.Message.Length > 60);
    }

    [Fact]
    public void A_counterexample_found_before_the_time_limit_stands_while_a_slower_method_runs_out_of_time()
    {
        var slow = new RunsUntilCancelled();
        var verifier = new Verifier(new VerifierOptions(1, EntryTimeLimit: TimeSpan.FromSeconds(2)), [new RefutesAtOnce(), slow]);

        var result = verifier.Check(Entries()[2]);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal("quick", result.Counterexample!.Method);
        Assert.Equal(0, slow.Started);
    }

    [Fact]
    public void A_refutation_stands_when_the_time_limit_stops_a_method_that_was_already_running()
    {
        // Z3 (`whenUnproved`) is still working when the limit hits; the fuzz refutation before it decides.
        var slow = new RunsUntilCancelled();
        var verifier = new Verifier(new VerifierOptions(1, EntryTimeLimit: TimeSpan.FromSeconds(1.5)), [new FuzzMethod(20)], [slow]);
        var clock = Stopwatch.StartNew();

        var result = verifier.Check(Entries()[2]);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal("fuzz", result.Counterexample!.Method);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Work_that_runs_out_of_time_is_undecided_naming_the_time_limit_and_stops()
    {
        // A prover after the symbolic engine (which cannot prove this false entry): the numeric methods before it
        // stop at half of the entry's time and leave the rest to it, so only a method after it runs out the limit.
        var slow = new RunsUntilCancelled();
        var verifier = new Verifier(new VerifierOptions(1, EntryTimeLimit: TimeSpan.FromSeconds(1)), [], [slow]);
        var clock = Stopwatch.StartNew();

        var result = verifier.Check(Entries()[2]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal(Verdict.Undecided, result.Verdict);
        var limit = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TimeLimit);
        Assert.Contains("time limit of 1 s", limit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exhausting_the_memory_budget_is_undecided_naming_that_budget_never_an_error()
    {
        // A budget below what the process already uses: the entry is stopped at the first poll.
        var verifier = new Verifier(new VerifierOptions(1, MemoryBudgetBytes: 1), [new RunsUntilCancelled()]);

        var result = verifier.Check(Entries()[0]);

        Assert.Equal(Verdict.Undecided, result.Verdict);
        var budget = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BudgetExhausted);
        Assert.Contains("memory budget", budget.Message, StringComparison.Ordinal);
    }
}
