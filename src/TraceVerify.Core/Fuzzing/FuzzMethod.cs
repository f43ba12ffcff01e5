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

    // The wider look a confirmation gets (ICheckMethod.Widened): a few cases with every free size drawn up to
    // WideDimension, where the ordinary run stops at 4. An identity of traces can hold for every n ≤ 4 and fail at
    // n = 5 (Newton's e₅(X) = 0 is a polynomial identity of 4×4 matrices, and det X at 5×5); a proof covers every
    // size, a confirmation only the sizes it tried, so it tries larger ones before it is given.
    public const int WideCases = 8;

    public const int WideDimension = 8;

    // The wide cases draw from their own seed, so they are not the ordinary run's first cases again.
    private const long WideSeedMix = 0x5A5A_5A5A_5A5AL;

    private readonly int _cases;
    private readonly bool _shrink;
    private readonly int _maxDimension;

    // Mixed into the entry's seed: 0 but for the wide run, which draws cases of its own.
    private long _seedMix;

    public FuzzMethod(int cases, bool shrink = true, int maxDimension = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cases, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDimension, 1);
        _cases = cases;
        _shrink = shrink;
        _maxDimension = maxDimension;
    }

    public string Name => _maxDimension > 4 ? $"fuzz (sizes to {_maxDimension})" : "fuzz";

    public ICheckMethod? Widened => _maxDimension >= WideDimension ? null : new FuzzMethod(WideCases, _shrink, WideDimension) { _seedMix = WideSeedMix };

    // A candidate's counterexample is not reported, so it is not shrunk; after a proof, fewer cases cross-check it
    // (the same seed draws the same first cases as the full run, so they are a prefix of it).
    public ICheckMethod ForCandidate(bool afterProof) => new FuzzMethod(afterProof ? Math.Min(_cases, CrossCheckCases) : _cases, shrink: false);

    public ICheckMethod? Screen => new FuzzMethod(Math.Min(_cases, ScreenCases), shrink: false);

    public MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(entry);
        seed ^= _seedMix;
        try
        {
            var outcome = new Fuzzer(new FuzzOptions(seed, _cases, MaxDimension: _maxDimension, Shrink: _shrink)).Run(entry, token);
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
