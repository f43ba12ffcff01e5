namespace TraceVerify.Catalog;

// A numeric or solver method beside the symbolic engine (fuzz, z3). Seed is the entry's own seed.
internal interface ICheckMethod
{
    string Name { get; }

    MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token);

    // The method as the forgotten-hypothesis search runs it on a candidate, of which only the verdict and the
    // methods' outcomes are reported: afterProof when the symbolic engine has already proved the candidate and
    // the method is its cross-check. By default the method itself.
    ICheckMethod ForCandidate(bool afterProof) => this;

    // A cheap first look at a candidate of the forgotten-hypothesis search, run before its symbolic check: a
    // method that can refute with a few exact cases returns itself so bounded; null for none. A refutation it
    // finds is as certain as the full run's (an exactly checked counterexample); it only decides sooner.
    ICheckMethod? Screen => null;

    // A wider look before an entry is called confirmed (numeric agreement is evidence only at the sizes tried):
    // the method at larger sizes, or null for none. A refutation it finds refutes the entry.
    ICheckMethod? Widened => null;
}
