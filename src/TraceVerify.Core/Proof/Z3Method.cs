using System.Diagnostics;
using System.Globalization;
using TraceVerify.Catalog;
using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// Bounded proof with Z3: the entry is instantiated at every assignment of its dimension variables in
// 1..MaxDimension (smallest first, see Shapes; at most MaxShapes of them, and only while the verifier's
// token allows) and each instance is a nonlinear real-arithmetic query (SmtEncoder), one Z3 context per run.
//   unsat at every shape tried → "confirmed", Holds: the identity is a theorem at each of those shapes,
//     but not a proof for all sizes, which only the symbolic engine gives;
//   a model that ModelConfirmation confirms → "refuted" with that counterexample;
//   anything else → "inconclusive" (or "error" when Z3 rejected a script), every shape's answer listed.
// A model is never believed unconfirmed: log_, exp_ and sqrt_ are uninterpreted, and a solver can be
// wrong, while exact re-evaluation cannot.
internal sealed class Z3Method : ICheckMethod
{
    public const int DefaultMaxDimension = 3;
    public const int DefaultMaxShapes = 40;

    // The verdict budget of one query, in Z3's deterministic resource units (see Z3Solver). Chosen from the
    // whole test suite, the soundness suite's 1,000 mutants and every catalog (2,084 queries, Z3 4.8.12): the
    // costliest unsat answer spent 91,536 units and the costliest sat one 38,201, so 500,000 leaves a factor
    // of about 5 above every proof found then (the catalogs added since prove as before), while a hopeless query
    // (invdet-inverse-by-adjugate at n=3, which ran into the old 10 s clock after 14.7 million units; cookbook-56
    // at three shapes) gives up after about 0.8 s on the 2-core machine instead of 3 s at 2,000,000.
    public const long DefaultResourceLimitPerQuery = 500_000;

    // Only a safety net behind the resource limit (about 30 times what the limit takes on the 2-core machine),
    // so load never turns an answer into a timeout.
    public static readonly TimeSpan DefaultTimeoutPerQuery = TimeSpan.FromSeconds(30);

    public Z3Method(int maxDimension = DefaultMaxDimension, int maxShapes = DefaultMaxShapes, TimeSpan? timeoutPerQuery = null,
        long resourceLimitPerQuery = DefaultResourceLimitPerQuery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxShapes, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resourceLimitPerQuery);
        MaxDimension = maxDimension;
        MaxShapes = maxShapes;
        TimeoutPerQuery = timeoutPerQuery ?? DefaultTimeoutPerQuery;
        ResourceLimitPerQuery = resourceLimitPerQuery;
    }

    public string Name => "z3";

    public int MaxDimension { get; }

    public int MaxShapes { get; }

    public TimeSpan TimeoutPerQuery { get; }

    public long ResourceLimitPerQuery { get; }

    // The script `prove --smt` writes: the entry at the given sizes, ready for any SMT-LIB2 solver.
    public static string WriteSmt(BoundEntry entry, IReadOnlyDictionary<string, int> dimensions) => SmtEncoder.Encode(entry, dimensions).Script;

    // Every assignment of the dimension variables in 1..maxDimension, by largest size, then total size, then
    // lexicographically in the order of names: the cheapest instances come first, a budget that cuts the list
    // still covers every shape up to some smaller bound, and the order never depends on timing.
    public static IEnumerable<IReadOnlyDictionary<string, int>> Shapes(IReadOnlyList<string> dimensions, int maxDimension)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDimension, 1);
        return ShapeOrder.Assignments(dimensions.Count, maxDimension)
            .Select(a => (IReadOnlyDictionary<string, int>)dimensions.Select((name, k) => (Name: name, Size: a[k]))
                .ToDictionary(p => p.Name, p => p.Size, StringComparer.Ordinal));
    }

    public MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Z3 runs with its default random seed, so its answers are reproducible; the entry's seed reaches only
        // the re-check of a model, which makes no random choice.
        if (entry.Kind is not (EntryKind.Equality or EntryKind.Derivative))
            return Inconclusive("a definition states no identity");
        if (EvaluableSize.Decline(entry) is { } tooLarge) return Inconclusive(tooLarge);
        if (Z3Solver.NativeVersion is not { } version)
            return Inconclusive("Z3 is not available (libz3 could not be loaded; install libz3-4)");

        var all = ShapeOrder.Count(entry.Dimensions.Count, MaxDimension);
        // Shapes whose product sizes (kron, vec) exceed the evaluable cap are skipped; the scan of the order is
        // bounded, so an entry whose products allow only the smallest shapes costs no enumeration of the rest.
        var products = EvaluableSize.Products(entry);
        var planned = Shapes(entry.Dimensions, MaxDimension).Take(MaxShapes * 16).Where(d => EvaluableSize.ProductsWithinCap(d, products)).Take(MaxShapes).ToArray();
        var log = new ShapeLog(entry, all, planned.Length, MaxDimension, version);
        using var solver = new Z3Solver(TimeoutPerQuery, ResourceLimitPerQuery);
        foreach (var dimensions in planned)
        {
            if (token.IsCancellationRequested) break;
            var shape = SmtEncoder.Describe(entry.Dimensions, dimensions);
            SmtQuery query;
            try
            {
                query = SmtEncoder.Encode(entry, dimensions);
            }
            catch (DomainException e)
            {
                log.Undefined(shape, e.Message);
                continue;
            }
            catch (SmtBudgetException e)
            {
                // Larger shapes only grow the expansion: stop here, with what the smaller shapes gave.
                log.OverBudget(shape, e.Message);
                break;
            }

            Z3Answer answer;
            try
            {
                answer = solver.Check(query.Assertions, token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            switch (answer.Status)
            {
                case Z3Status.Unsat:
                    if (query.DomainAssertions is { } domain)
                    {
                        // Unsat under side conditions nothing satisfies is vacuous, not a theorem at this shape.
                        Z3Answer defined;
                        try
                        {
                            defined = solver.Check(domain, token);
                        }
                        catch (OperationCanceledException)
                        {
                            return log.Finish();
                        }
                        if (defined.Status == Z3Status.Unsat)
                        {
                            log.EmptyDomain(shape);
                            break;
                        }
                        if (defined.Status == Z3Status.Sat) log.Witnessed();
                    }
                    else
                    {
                        log.Witnessed();
                    }
                    log.Unsat(shape);
                    break;
                case Z3Status.Sat:
                    var confirmation = ModelConfirmation.Check(entry, query, answer.Model, seed);
                    if (confirmation.Counterexample is { } counterexample)
                    {
                        return new MethodEvidence(new MethodResult(Name, "refuted", log.Refuted(shape, confirmation.Reason)), counterexample, false);
                    }
                    log.Unconfirmed(shape, confirmation.Reason);
                    break;
                case Z3Status.Unknown:
                    log.Unknown(shape, answer.Detail);
                    break;
                case Z3Status.Error:
                    log.Error(shape, answer.Detail);
                    break;
                default:
                    throw new UnreachableException($"no rule for Z3 status {answer.Status}");
            }
        }
        return log.Finish();
    }

    private MethodEvidence Inconclusive(string detail) => new(new MethodResult(Name, "inconclusive", detail), null, false);

    // Every shape's answer, in order, and the summary the result's detail is made of.
    private sealed class ShapeLog(BoundEntry entry, System.Numerics.BigInteger shapeCount, int plannedCount, int maxDimension, string version)
    {
        private readonly List<string> _unsat = [];
        private readonly List<string> _other = [];
        private bool _error;
        private bool _overBudget;
        private bool _witnessed;

        public void Unsat(string shape) => _unsat.Add(shape);

        public void Undefined(string shape, string reason) => _other.Add($"undefined at {shape} ({reason})");

        public void Unconfirmed(string shape, string reason) => _other.Add($"unconfirmed model at {shape} ({reason})");

        public void OverBudget(string shape, string reason)
        {
            _overBudget = true;
            _other.Add($"not encoded at {shape}: {reason}");
        }

        public void EmptyDomain(string shape) => _other.Add($"vacuous at {shape} (no point satisfies the side conditions — nonzero divisors, positive log arguments, existing inverses: both sides are defined nowhere there)");

        public void Witnessed() => _witnessed = true;

        public void Unknown(string shape, string reason) => _other.Add($"unknown at {shape} ({reason})");

        public void Error(string shape, string message)
        {
            _error = true;
            _other.Add($"Z3 error at {shape}: {message}");
        }

        public string Refuted(string shape, string how) =>
            $"sat at {shape}; {how}" + (_unsat.Count > 0 ? $"; before it, {UnsatSummary()}" : "") + Suffix();

        public MethodEvidence Finish()
        {
            var answered = _unsat.Count + _other.Count;
            if (_unsat.Count == plannedCount)
            {
                return new MethodEvidence(new MethodResult("z3", "confirmed", UnsatSummary() + Suffix()), null, true, DomainWitnessed: _witnessed);
            }
            var parts = new List<string>();
            if (_unsat.Count > 0) parts.Add(UnsatSummary());
            parts.AddRange(_other);
            if (answered < plannedCount)
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{plannedCount - answered} of {plannedCount} shapes not reached {(_overBudget ? "(larger shapes only exceed the expansion budget further)" : "within the time limit")}"));
            return new MethodEvidence(new MethodResult("z3", _error ? "error" : "inconclusive", string.Join("; ", parts) + Suffix()), null, false, DomainWitnessed: _witnessed);
        }

        // "unsat at 8 shapes m, n ∈ 1..3: m=1, n=1; …" — or the smallest 40 of 81 when the budget cut it.
        private string UnsatSummary()
        {
            if (entry.Dimensions.Count == 0) return "unsat at the only shape (all sizes fixed)";
            var range = string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", entry.Dimensions)} ∈ 1..{maxDimension}");
            var count = _unsat.Count == shapeCount
                ? string.Create(CultureInfo.InvariantCulture, $"all {shapeCount} shapes")
                : plannedCount < shapeCount && _unsat.Count == plannedCount
                    ? string.Create(CultureInfo.InvariantCulture, $"the {plannedCount} smallest of {shapeCount} shapes")
                    : string.Create(CultureInfo.InvariantCulture, $"{_unsat.Count} of {shapeCount} shapes");
            return $"unsat at {count} {range}: {string.Join("; ", _unsat)}";
        }

        private string Suffix() => $" (Z3 {version})";
    }
}
