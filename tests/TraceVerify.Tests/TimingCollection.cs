namespace TraceVerify.Tests;

// Tests that compare times run alone, not beside the rest of the suite competing for the same cores.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
