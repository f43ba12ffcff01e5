namespace TraceVerify.Tests.Soundness;

// What the oracle knows of an entry: it holds at every shape it allows, it fails, it is ill-formed (its sides
// have no common shape, a declared size collapses, or it only type-checks at a narrower shape where it
// holds), or the oracle cannot decide it exactly (Excluded, with the reason).
public enum Truth
{
    Holds,
    Fails,
    IllFormed,
    Excluded,
}

internal sealed record OracleVerdict(Truth Truth, string Reason);
