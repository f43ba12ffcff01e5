using TraceVerify.Catalog;

namespace TraceVerify.Fuzzing;

// Fuzzing as one of the verifier's methods: a fresh Fuzzer per entry, seeded with the entry's own seed, so an
// entry's cases do not depend on its neighbours. The entry holds on the evidence only when every case agreed;
// a refutation carries its shrunk, exactly (or rigorously) checked counterexample. Reaching the verifier's
// time limit is an inconclusive answer with its reason, never an exception out of the method.
internal sealed class FuzzMethod : ICheckMethod
{
    // Cases that cross-check a symbolic proof of a hypothesis-search candidate: past the 5 a confirmation
    // needs, and a quarter of the default 100; the proof, not the cases, is the candidate's evidence.
    public const int CrossCheckCases = 25;

    // Cases of a candidate's screen (ICheckMethod.Screen): most candidates the search tries are false, and one of
    // the first few cases under the hypothesis' own generators refutes them before any symbolic work.
    public const int ScreenCases = 6;

    private readonly int _cases;
    private readonly bool _shrink;

    public FuzzMethod(int cases, bool shrink = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cases, 1);
        _cases = cases;
        _shrink = shrink;
    }

    public string Name => "fuzz";

    // A candidate's counterexample is not reported, so it is not shrunk; after a proof, fewer cases cross-check it
    // (the same seed draws the same first cases as the full run, so they are a prefix of it).
    public ICheckMethod ForCandidate(bool afterProof) => new FuzzMethod(afterProof ? Math.Min(_cases, CrossCheckCases) : _cases, shrink: false);

    public ICheckMethod? Screen => new FuzzMethod(Math.Min(_cases, ScreenCases), shrink: false);

    public MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var outcome = new Fuzzer(new FuzzOptions(seed, _cases, Shrink: _shrink)).Run(entry, token);
            var defined = outcome.Counterexample is null ? outcome.Cases : outcome.Cases - 1;
            return new MethodEvidence(new MethodResult(Name, outcome.Outcome, outcome.Detail), outcome.Counterexample, outcome.Outcome == "confirmed",
                defined, outcome.Cases > 0);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested || Symbolic.WorkCancellation.Current.IsCancellationRequested)
        {
            return new MethodEvidence(new MethodResult(Name, "inconclusive", $"stopped at the time limit before {_cases} cases were checked; seed {seed}"), null, false);
        }
    }
}
