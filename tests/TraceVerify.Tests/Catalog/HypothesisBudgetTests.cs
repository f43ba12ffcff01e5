using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// The forgotten-hypothesis search's per-run budget (CheckRun): candidates are shared out among the entries the
// search applies to in catalog order, each reserving the most it could try, before any search runs. So which
// entries are searched, and how far, is the same with one job or several, and never depends on time or load;
// an entry past the budget says it was not searched, and no verdict changes.
public class HypothesisBudgetTests
{
    // Each entry forgets "W symmetric": 8 single attributes on W, then 28 pairs — a reserve of 36 (the bound).
    private static string Catalog(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"""
        - id: forgotten-{i}
          kind: derivative
          shapes: {"{"}W: k x k, x: k{"}"}
          of: x'*W*x
          wrt: x
          claim: 2*W*x

        """));

    private static Report Run(string yaml, int budget, int jobs, bool search = true)
    {
        var options = new VerifierOptions(5, FuzzCases: 40, EntryTimeLimit: TimeSpan.FromSeconds(60)) { HypothesisSearch = search, HypothesisBudget = budget };
        var verifier = new Verifier(options, [new FuzzMethod(40)], [new Z3Method(maxDimension: 2)]);
        return CheckRun.Run([CatalogLoader.Parse(yaml, "budget.yaml")], verifier, 5, null, jobs).Report;
    }

    private static string Outcome(EntryResult result) => result.Hypotheses?.Outcome ?? "(none)";

    [Fact]
    public void The_budget_is_shared_in_catalog_order_and_entries_past_it_are_not_searched()
    {
        // 80 candidates: 36 + 36 for the first two, the 8 left for the third (its single attributes, among them
        // "W symmetric", which holds), none for the last two.
        var report = Run(Catalog(5), budget: 80, jobs: 2);
        var results = report.Entries.ToDictionary(e => e.Id);
        foreach (var id in new[] { "forgotten-1", "forgotten-2", "forgotten-3" })
        {
            Assert.Equal("W symmetric", Assert.Single(results[id].Hypotheses!.Found).Set);
            Assert.True(results[id].Hypotheses!.Tried.Count <= (id == "forgotten-3" ? 8 : 36));
        }
        foreach (var id in new[] { "forgotten-4", "forgotten-5" })
        {
            Assert.Empty(results[id].Hypotheses!.Tried);
            Assert.Equal("not searched: the run's budget of 80 candidates (--hypothesis-budget), spent on earlier entries", Outcome(results[id]));
        }
        Assert.All(report.Entries, e => Assert.Equal(Verdict.Refuted, e.Verdict));
    }

    [Fact]
    public void A_search_cut_short_by_the_budget_says_so()
    {
        // 36 + 4: the second entry tries 4 of W's 8 single attributes (symmetric among them, found) and no pairs.
        var report = Run(Catalog(2), budget: 40, jobs: 1);
        var second = report.Entries[1].Hypotheses!;
        Assert.Equal(4, second.Tried.Count);
        Assert.Equal("W symmetric", Assert.Single(second.Found).Set);
        var cut = Run("""
            - id: hopeless
              kind: equality
              shapes: {A: n x n, B: n x n}
              lhs: A*B
              rhs: 2*B*A
            """, budget: 3, jobs: 1).Entries.Single().Hypotheses!;
        Assert.Equal(3, cut.Tried.Count);
        Assert.EndsWith("the search stopped at the run's budget of 3 candidates (--hypothesis-budget), spent on earlier entries", cut.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_catalog_gives_the_same_searches_with_one_job_or_two()
    {
        static string Searches(Report report) =>
            string.Join("\n", report.Entries.Select(e => $"{e.Id} {e.Verdict} {Outcome(e)} [{string.Join(", ", e.Hypotheses?.Tried.Select(t => $"{t.Set}: {t.Verdict}") ?? [])}]"));
        var one = Run(Catalog(4), budget: 50, jobs: 1);
        var two = Run(Catalog(4), budget: 50, jobs: 2);
        Assert.Equal(Searches(one), Searches(two));
        // And with the search off (budget 0 in the CLI) the verdicts are the same, without a report.
        var off = Run(Catalog(4), budget: 50, jobs: 2, search: false);
        Assert.Equal(one.Entries.Select(e => e.Verdict), off.Entries.Select(e => e.Verdict));
        Assert.All(off.Entries, e => Assert.Null(e.Hypotheses));
    }
}
