namespace TraceVerify.Catalog;

// Seed drives every random choice; FuzzCases and Z3 bounds size the numeric methods; EntryTimeLimit turns a
// runaway entry into an `undecided` verdict instead of a hang.
internal sealed record VerifierOptions(
    long Seed,
    int FuzzCases = 100,
    bool UseZ3 = true,
    int Z3MaxDimension = 3,
    TimeSpan? EntryTimeLimit = null)
{
    public TimeSpan TimeLimit => EntryTimeLimit ?? TimeSpan.FromSeconds(30);
}
