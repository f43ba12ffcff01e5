using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using Interval = TraceVerify.Numeric.Interval;

namespace TraceVerify.Fuzzing;

// Property-based checking of one catalog entry on random small instances (see CaseGenerator), each
// decided exactly (CaseCheck over Q) or, where log/exp/sqrt leave Q, rigorously over intervals, where
// only disjoint enclosures count as a difference. A failing case is shrunk (Shrinker) and reported as a
// Counterexample. Every random choice derives from FuzzOptions.Seed: the same seed gives the same cases,
// the same shrink path and the same counterexample. One fuzzer is not safe for concurrent use.
internal sealed class Fuzzer
{
    // Cases outside the domain may be discarded up to this many times the requested number of cases.
    private const int DiscardRatio = 5;

    // The Fibonacci-hashing constant spreads consecutive case numbers over FsCheck's 64-bit seeds.
    private const ulong BatchSeedStep = 0x9E3779B97F4A7C15UL;

    private readonly CaseCheck<Rational> _exact = new(RationalField.Instance, (a, b) => a == b);
    private readonly CaseCheck<Interval> _interval = new(IntervalField.Instance, (a, b) => a.Overlaps(b));
    private FuzzTarget? _lastTarget;

    public Fuzzer(FuzzOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Cases, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDimension, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxValue, 1, nameof(options));
        Options = options;
    }

    public FuzzOptions Options { get; }

    public FuzzOutcome Run(BoundEntry entry, CancellationToken token = default)
    {
        var target = Target(entry);
        if (target.Unsupported is { } reason) return new FuzzOutcome("inconclusive", 0, 0, [], null, reason);
        var generator = CaseGenerator.For(target, Options);
        var maxDiscards = (long)Options.Cases * DiscardRatio;
        var (passed, discards, intervalCases) = (0, 0, 0);
        string? discardReason = null;
        var shapes = new List<string>();
        // One case at a time, each from its own FsCheck seed (the run's seed and the case's number), so memory
        // stays that of one case whatever --cases asks for, and the same seed replays the same cases.
        for (var number = 0UL; passed < Options.Cases && discards < maxDiscards; number++)
        {
            token.ThrowIfCancellationRequested();
            var fuzzCase = CaseAt(generator, number);
            var result = Check(target, fuzzCase);
            if (result.Status == CheckStatus.Discarded)
            {
                discardReason ??= result.DiscardReason;
                discards++;
                continue;
            }

            var shape = fuzzCase.ShapeText(target.Dimensions);
            if (!shapes.Contains(shape, StringComparer.Ordinal)) shapes.Add(shape);
            if (!result.Exact) intervalCases++;
            if (result.Status == CheckStatus.Failed)
                return Refute(target, fuzzCase, result, passed, discards, shapes, token);
            passed++;
        }

        var evidence = Evidence(passed, discards, discardReason, shapes, intervalCases);
        return passed == Options.Cases
            ? new FuzzOutcome("confirmed", passed, discards, shapes, null, $"all {evidence}")
            : new FuzzOutcome("inconclusive", passed, discards, shapes, null,
                $"only {passed} of {Options.Cases} cases fell inside the domain before {discards} were discarded; {evidence}");
    }

    // Decides one concrete case exactly, or, when the exact value leaves Q (log, exp, sqrt), with rigorous
    // intervals. A case outside the domain is Discarded. Throws ArgumentException for an entry that
    // cannot be fuzzed (a definition, the derivative of a non-scalar) or a case missing a size or value.
    public CheckResult Check(BoundEntry entry, FuzzCase fuzzCase)
    {
        var target = Target(entry);
        if (target.Unsupported is { } reason) throw new ArgumentException(reason, nameof(entry));
        return Check(target, fuzzCase);
    }

    // An FsCheck Arbitrary of the entry's cases, shrinking as Shrinker does, for property tests.
    public Arbitrary<FuzzCase> Arbitrary(BoundEntry entry)
    {
        var target = Target(entry);
        var shrinker = new Shrinker(target);
        return Arb.From(CaseGenerator.For(target, Options), shrinker.Candidates);
    }

    public Gen<FuzzCase> Generator(BoundEntry entry) => CaseGenerator.For(Target(entry), Options);

    // The case with this number in the run's stream: generated alone, from a seed that depends only on the run's
    // seed and the number, so the k-th case is the same whatever came before it.
    private FuzzCase CaseAt(Gen<FuzzCase> generator, ulong number)
    {
        var seed = new Rnd(unchecked((ulong)Options.Seed + ((number + 1) * BatchSeedStep)));
        return Gen.Sample(generator, 1, seed, Options.MaxDimension)[0];
    }

    private CheckResult Check(FuzzTarget target, FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        // A case (generated, shrunk, or a solver's model) counts only inside the hypotheses, checked exactly.
        foreach (var (name, attributes) in target.Entry.Attributes)
        {
            if (fuzzCase.Values.TryGetValue(name, out var value) && MatrixStructure.Violation(value, attributes) is { } violated)
                return new CheckResult(CheckStatus.Discarded, true, null, $"{name} is not {violated}");
        }
        try
        {
            return Result(_exact.Run(target, fuzzCase), exact: true);
        }
        catch (DomainException e)
        {
            return new CheckResult(CheckStatus.Discarded, true, null, e.Message);
        }
        catch (NotExactException)
        {
            // The exact value is irrational somewhere: decide the whole case again with enclosures.
        }

        try
        {
            return Result(_interval.Run(target, fuzzCase), exact: false);
        }
        catch (DomainException e)
        {
            return new CheckResult(CheckStatus.Discarded, false, null, e.Message);
        }
    }

    private static CheckResult Result(CaseFailure? failure, bool exact) =>
        failure is null ? new CheckResult(CheckStatus.Passed, exact, null, null) : new CheckResult(CheckStatus.Failed, exact, failure, null);

    private FuzzTarget Target(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_lastTarget is null || !ReferenceEquals(_lastTarget.Entry, entry)) _lastTarget = FuzzTarget.Of(entry);
        return _lastTarget;
    }

    private FuzzOutcome Refute(FuzzTarget target, FuzzCase failing, CheckResult found, int passed, int discards, List<string> shapes, CancellationToken token)
    {
        // A failing case is evidence already: if the time limit stops the shrinking, the case refutes unshrunk.
        IReadOnlyList<FuzzCase> path;
        CheckResult result;
        try
        {
            path = Options.Shrink ? new Shrinker(target).Shrink(failing, c => Check(target, c).Status == CheckStatus.Failed, token) : [failing];
            result = path.Count == 1 ? found : Check(target, path[^1]);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested || Symbolic.WorkCancellation.Current.IsCancellationRequested)
        {
            (path, result) = ([failing], found);
        }
        var shrunk = path[^1];
        var counterexample = Describe(target, shrunk, result);
        var arithmetic = result.Exact
            ? "exact rational arithmetic"
            : "interval (rigorous bound) arithmetic: the two sides' enclosures are disjoint";
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"refuted by case {passed + 1} ({failing.ShapeText(target.Dimensions)}, {found.Arithmetic}), shrunk in {path.Count - 1} steps to {shrunk.ShapeText(target.Dimensions)}; " +
            $"{result.Failure!.Description} in {arithmetic}; {passed} cases passed before it over shapes {ShapeList(shapes)}; {discards} discarded; seed {Options.Seed}");
        return new FuzzOutcome("refuted", passed + 1, discards, shapes, counterexample, detail);
    }

    private Counterexample Describe(FuzzTarget target, FuzzCase fuzzCase, CheckResult result)
    {
        var failure = result.Failure!;
        var dimensions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in target.Dimensions)
        {
            if (fuzzCase.Dimensions.TryGetValue(name, out var size)) dimensions[name] = size;
        }

        var values = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (name, _) in target.Inputs)
        {
            var value = fuzzCase.Values[name];
            values[name] = Enumerable.Range(0, value.Rows)
                .Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, value.Cols).Select(c => value[r, c].ToString())])
                .ToArray();
        }

        var indexValues = failure.IndexValues.ToDictionary(p => p.Key, p => p.Value + 1, StringComparer.Ordinal);
        var notes = new List<string> { failure.Description, "positions and index values are 1-based" };
        notes.AddRange(target.Frozen.Select(p => $"{p.Key} is a frozen copy of {p.Value} and takes its value"));
        if (!result.Exact) notes.Add("decided with rigorous intervals: the enclosures of the two sides are disjoint");
        return new Counterexample("fuzz", result.Exact, Options.Seed, dimensions, values, indexValues,
            failure.Left, failure.Right, failure.Differences, string.Join("; ", notes));
    }

    private string Evidence(int passed, int discards, string? discardReason, List<string> shapes, int intervalCases)
    {
        var arithmetic = intervalCases == 0 ? CheckResult.ExactArithmetic
            : intervalCases == passed ? CheckResult.IntervalArithmetic
            : string.Create(CultureInfo.InvariantCulture, $"{CheckResult.ExactArithmetic}, {CheckResult.IntervalArithmetic} for {intervalCases} of them");
        var discarded = discards == 0 ? "0 discarded" : $"{discards} discarded outside the domain (e.g. {discardReason})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{passed} cases agreed ({arithmetic}) over shapes {ShapeList(shapes)}; {discarded}; seed {Options.Seed}");
    }

    private static string ShapeList(List<string> shapes) => shapes.Count == 0 ? "(none)" : string.Join("; ", shapes);
}
