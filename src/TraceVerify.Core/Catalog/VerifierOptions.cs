namespace TraceVerify.Catalog;

// Seed drives every random choice; FuzzCases and Z3 bounds size the numeric methods; EntryTimeLimit turns a
// runaway entry into an `undecided` verdict instead of a hang; MemoryBudgetBytes is the resident size of the
// process above which the running entries are stopped (`undecided`, naming the memory budget). The library's
// default is no memory budget (a host such as a test runner has its own footprint); the CLI sets
// DefaultMemoryBudgetBytes.
internal sealed record VerifierOptions(
    long Seed,
    int FuzzCases = 100,
    bool UseZ3 = true,
    int Z3MaxDimension = 3,
    TimeSpan? EntryTimeLimit = null,
    long MemoryBudgetBytes = long.MaxValue)
{
    // Three quarters of the documented 1 GiB bound of a whole run: the rest is headroom for the runtime, Z3's
    // native heap and the allocations between two polls of the working set.
    public const long DefaultMemoryBudgetBytes = 768L * 1024 * 1024;

    public TimeSpan TimeLimit => EntryTimeLimit ?? TimeSpan.FromSeconds(30);

    // Search a refuted entry for the hypothesis it forgot (HypothesisSearch); it never changes a verdict.
    public bool HypothesisSearch { get; init; } = true;

    // Candidates the search may try in one catalog run, shared among the entries it applies to in catalog order
    // (CheckRun). Every shipped catalog together needs about 560; a catalog of mostly refuted entries (mutants)
    // would otherwise pay up to 36 candidates for each.
    public const int DefaultHypothesisBudget = 1000;

    public int HypothesisBudget { get; init; } = DefaultHypothesisBudget;
}
