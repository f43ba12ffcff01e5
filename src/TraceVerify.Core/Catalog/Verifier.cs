using System.Diagnostics;
using System.Globalization;
using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// Checks entries with every method and combines their evidence into one verdict:
//   symbolic proof and a confirmed counterexample together → a loud internal disagreement (TV0901), never a pick;
//   symbolic proof → proved, but a proof that depends on a domain (divisors, log, sqrt) only with a witness that
//     the domain is not empty (EntryDomain): undefined everywhere is ill-formed (TV0905), no witness undecided;
//   a confirmed counterexample → refuted; numeric agreement on enough defined cases → confirmed.
// A claim that only type-checks under an extra shape condition is refuted if a counterexample exists at the
// shapes where it does type-check, and ill-formed otherwise.
//
// Isolation and budgets. Each entry runs on a thread of its own, with a generous stack, under one budget:
// time (the entry's limit), memory (the process's working set), and the expansion limits every method
// enforces itself. When a budget runs out the entry's token is cancelled — every method and the symbolic engine
// (WorkCancellation) stop at their next checkpoint — and the entry ends `undecided` naming that budget, keeping
// the evidence already gathered: a counterexample found before the limit still refutes it. An exception from
// checking one entry is that entry's verdict `error` (TV0903, a bug) and never reaches the other entries.
// Methods run cheapest first (fuzzing, then the symbolic engine, then Z3 where it gave no proof) and stop
// once a counterexample is confirmed, so a slow prover can never cost a refutation.
internal sealed class Verifier
{
    // Recursion is bounded well below this by the parser (TV0107) and DefinitionBudget (TV0108); the stack
    // is reserved, not committed, so its size costs address space only.
    public const int EntryStackBytes = 256 * 1024 * 1024;

    // A conditional proof or a numeric confirmation needs at least this many fuzz cases inside the domain (or
    // a Z3 answer at a shape whose domain is not empty).
    public const int MinimumDefinedCases = 5;

    // The work is asked to stop this long before the entry's limit, so it can hand over its evidence in time.
    private static readonly TimeSpan StopMargin = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly VerifierOptions _options;
    private readonly IReadOnlyList<ICheckMethod> _methods;
    private readonly IReadOnlyList<ICheckMethod> _whenUnproved;

    // `methods` run on every entry; `whenUnproved` only where the symbolic engine gave no proof (a costly
    // second prover that need not repeat a proof for every shape with one for small shapes).
    public Verifier(VerifierOptions options, IReadOnlyList<ICheckMethod> methods, IReadOnlyList<ICheckMethod>? whenUnproved = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(methods);
        _options = options;
        _methods = methods;
        _whenUnproved = whenUnproved ?? [];
    }

    // Checks an entry and, where it applies, searches it for a forgotten hypothesis with the whole per-entry
    // bound of candidates: what a single entry (prove, explain, new) gets. A catalog run (CheckRun) verifies every
    // entry first and then shares a per-run budget of candidates among the refuted ones, in catalog order.
    public EntryResult Check(CatalogEntry entry) => WithHypotheses(entry, Verify(entry), HypothesisSearch.MaxCandidates, null);

    // The entry's verdict, without the forgotten-hypothesis search.
    public EntryResult Verify(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var clock = Stopwatch.StartNew();
        var progress = new EntryProgress();
        var (finished, crash) = Isolated(
            token => TranscriptionCheck.Apply(entry, CheckWithin(entry, progress, token, candidate: false, clock), _methods, EntrySeed(_options.Seed, entry.Id)),
            progress, clock);
        EntryResult result;
        if (crash is not null) result = Crashed(entry, progress, crash);
        else if (finished is not null && progress.StopReason is null) result = finished;
        else result = Stopped(entry, progress);
        return result with { Seconds = Math.Round(clock.Elapsed.TotalSeconds, 4) };
    }

    // The work on a thread of its own, with a generous stack, under the entry's time limit and the memory budget:
    // what it finished, or null with progress.StopReason naming the budget that ran out, or the exception it threw.
    private (EntryResult? Finished, Exception? Crash) Isolated(Func<CancellationToken, EntryResult> work, EntryProgress progress, Stopwatch clock)
    {
        var limit = _options.TimeLimit;
        var softLimit = limit > 2 * StopMargin ? limit - StopMargin : limit / 2;
        using var cancel = new CancellationTokenSource();
        EntryResult? finished = null;
        Exception? crash = null;
        var worker = new Thread(() =>
        {
            using var scope = WorkCancellation.Enter(cancel.Token);
            try
            {
                finished = work(cancel.Token);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // A budget ran out: the caller answers from the progress.
            }
            catch (OutOfMemoryException)
            {
                progress.Stop("the memory budget: the runtime could not allocate more");
            }
            catch (Exception e)
            {
                crash = e;
            }
        }, EntryStackBytes)
        {
            IsBackground = true,
            Name = "traceverify entry",
        };
        worker.Start();

        while (!worker.Join(PollInterval))
        {
            if (clock.Elapsed >= softLimit)
            {
                progress.Stop(string.Create(CultureInfo.InvariantCulture, $"the time limit of {limit.TotalSeconds:0.###} s"));
                break;
            }
            if (_options.MemoryBudgetBytes < long.MaxValue && Environment.WorkingSet > _options.MemoryBudgetBytes)
            {
                progress.Stop($"the memory budget ({MemoryText(_options.MemoryBudgetBytes)} resident)");
                break;
            }
        }
        if (worker.IsAlive)
        {
            cancel.Cancel();
            // Wait for the work to stop, up to the entry's limit: abandoned work must not slow the entries after it.
            var remaining = limit - clock.Elapsed;
            if (!worker.Join(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero)) progress.Stop($"the time limit of {limit.TotalSeconds:0.###} s");
        }
        if (progress.StopReason is not null && progress.StopReason.StartsWith("the memory", StringComparison.Ordinal)) GC.Collect();
        return worker.IsAlive ? (null, null) : (finished, crash);
    }

    // At most how many candidates the forgotten-hypothesis search tries on this entry — what a catalog run
    // reserves for it from the run's budget — or null where the search does not apply or is off.
    public int? HypothesisReserve(CatalogEntry entry, EntryResult result) =>
        SearchTarget(entry, result) is var (bound, restriction) ? HypothesisSearch.Reserve(entry, bound, restriction) : null;

    private bool MaySearch(EntryResult result) => _options.HypothesisSearch && result.Verdict is Verdict.Refuted or Verdict.IllFormed;

    // The entry bound again, with the shape condition it is ill-formed by, where the hypothesis search applies to
    // its result (and is on); null elsewhere.
    private (BoundEntry Bound, string? Restriction)? SearchTarget(CatalogEntry entry, EntryResult result)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(result);
        if (!MaySearch(result)) return null;
        var binding = EntryBinder.Bind(entry);
        return binding.Entry is { } bound && HypothesisSearch.Applies(result.Verdict, binding.ShapeRestriction) ? (bound, binding.ShapeRestriction) : null;
    }

    public int HypothesisBudget => _options.HypothesisSearch ? _options.HypothesisBudget : 0;

    // The result with the forgotten-hypothesis search's report, trying at most `allowance` candidates (`cut`
    // names what held it below the per-entry bound). The search runs after the verdict, which it never changes,
    // isolated under the entry's own limits: a search that runs out of one says so in its report.
    public EntryResult WithHypotheses(CatalogEntry entry, EntryResult result, int allowance, string? cut)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(result);
        if (!MaySearch(result)) return result;
        var clock = Stopwatch.StartNew();
        var progress = new EntryProgress();
        HypothesisReport? report = null;
        var (_, crash) = Isolated(token =>
        {
            if (SearchTarget(entry, result) is var (bound, restriction))
            {
                report = HypothesisSearch.Run(entry, bound, result.Verdict, restriction,
                    (c, t) => CheckWithin(c, new EntryProgress(), t, candidate: true), allowance, cut, token);
            }
            return result;
        }, progress, clock);
        var diagnostics = result.Diagnostics;
        if (crash is not null)
        {
            report = new HypothesisReport("the search stopped at an internal error; the verdict stands", [], []);
            diagnostics = [.. diagnostics, Diagnostic.Error(DiagnosticCodes.InternalError,
                $"internal error in the forgotten-hypothesis search (a bug in TraceVerify — please report it): {crash.GetType().Name}: {crash.Message}", entry.Location)];
        }
        else if (report is null && progress.StopReason is { } reason)
        {
            report = new HypothesisReport($"the search stopped at {reason} before it finished; the verdict stands", [], []);
        }
        return result with { Hypotheses = report, Diagnostics = diagnostics, Seconds = Math.Round(result.Seconds + clock.Elapsed.TotalSeconds, 4) };
    }

    // Half of what is left of the entry's time, at least a millisecond.
    private TimeSpan NumericShare(Stopwatch clock)
    {
        var share = (_options.TimeLimit - clock.Elapsed - StopMargin) / 2;
        return share > TimeSpan.FromMilliseconds(1) ? share : TimeSpan.FromMilliseconds(1);
    }

    public static long EntrySeed(long seed, string id)
    {
        // FNV-1a of the id mixed with the run seed: an entry's cases do not depend on its neighbours or shard.
        var hash = 14695981039346656037UL;
        foreach (var c in id) hash = (hash ^ c) * 1099511628211UL;
        return (long)((hash ^ (ulong)seed) & 0x7FFF_FFFF_FFFFUL);
    }

    // candidate: the entry is a candidate of the forgotten-hypothesis search, of which only the verdict is reported.
    // clock: the entry's, for the numeric methods' share of its time limit (null for a candidate).
    private EntryResult CheckWithin(CatalogEntry entry, EntryProgress progress, CancellationToken token, bool candidate, Stopwatch? clock = null)
    {
        var binding = EntryBinder.Bind(entry);
        var diagnostics = binding.Diagnostics.ToList();
        var texts = entry.Sides.Select(s => s.Text).ToList();
        var details = new EntryDetails(entry.Title, entry.Latex, entry.Note, texts, null, null, [], []);
        if (binding.Entry is not { } bound) return Result(entry, Verdict.IllFormed, [], null, null, diagnostics, details);
        if (bound.Kind == EntryKind.Definition)
            return Result(entry, Verdict.Definition, [new MethodResult("binder", "well-formed", texts.Count == 0 ? "no expression given" : "parses and type-checks")], null, null, diagnostics, details);

        var seed = EntrySeed(_options.Seed, entry.Id);
        // A candidate of the hypothesis search is screened first: a few exact cases refute most candidates, and a
        // refuted candidate needs no symbolic work (its verdict is all the search reports).
        if (candidate && Screened(bound, seed, token) is { } screened)
            return Result(entry, Verdict.Refuted, [screened.Result], screened.Counterexample, null, diagnostics, details);
        // A candidate of the hypothesis search is decided symbolically first, so its methods know whether they
        // only cross-check a proof (CandidateEvidence); an entry runs the cheap numeric methods first.
        var candidateSymbolic = candidate ? SymbolicCheck.Run(bound) : null;
        // The numeric methods that run before the symbolic engine get at most half of the entry's time: one whose
        // cases are costly (X^-1000 in exact rationals) ends inconclusive at that share, and the symbolic engine
        // still runs (it proves X^-1000 = inv(X^1000) in seconds, which was undecided after the whole limit).
        using var numericShare = CancellationTokenSource.CreateLinkedTokenSource(token);
        if (clock is not null) numericShare.CancelAfter(NumericShare(clock));
        foreach (var method in _methods)
        {
            if (progress.Refutation is not null) break;
            token.ThrowIfCancellationRequested();
            if (numericShare.IsCancellationRequested) break;
            MethodEvidence found;
            try
            {
                using (WorkCancellation.Enter(numericShare.Token))
                    found = candidateSymbolic is null ? method.Run(bound, seed, numericShare.Token) : CandidateEvidence(method, candidateSymbolic.Proved, bound, seed, numericShare.Token);
            }
            catch (OperationCanceledException) when (numericShare.IsCancellationRequested && !token.IsCancellationRequested)
            {
                found = new MethodEvidence(new MethodResult(method.Name, "inconclusive", ""), null, false);
            }
            // Stopped by its share, not by the entry's limit: say so (the entry goes on).
            if (numericShare.IsCancellationRequested && !token.IsCancellationRequested && found.Result.Outcome == "inconclusive")
                found = found with { Result = found.Result with { Detail = $"stopped at half of the entry's time limit, to leave the rest to the symbolic engine; seed {seed}" } };
            progress.Add(found);
        }
        token.ThrowIfCancellationRequested();
        var symbolic = candidateSymbolic ?? SymbolicCheck.Run(bound);
        progress.AddSymbolic(symbolic);
        // The costly second prover is not run on a candidate of the hypothesis search: it decided none of the
        // hypotheses the shipped catalogs' searches find (all proved symbolically), and a candidate that fuzzing
        // cannot decide cost it ~60 ms, two hundred screened candidates' worth.
        if (!symbolic.Proved && !candidate)
        {
            foreach (var method in _whenUnproved)
            {
                if (progress.Refutation is not null) break;
                token.ThrowIfCancellationRequested();
                progress.Add(method.Run(bound, seed, token));
            }
        }
        token.ThrowIfCancellationRequested();

        var evidence = progress.Evidence;
        var refutation = progress.Refutation;
        Verdict verdict;
        string? domainNote = null;
        if (progress.Disagreement(entry.Location) is { } disagreement)
        {
            diagnostics.Add(disagreement);
            verdict = Verdict.Undecided;
        }
        else if (symbolic.Proved) (verdict, domainNote) = ProofVerdict(entry, bound, evidence, diagnostics);
        else if (refutation is not null) verdict = Verdict.Refuted;
        else if (Confirms(evidence))
        {
            // Not proved, so the numeric agreement is all the evidence: look wider before calling it confirmed.
            verdict = Verdict.Confirmed;
            if (Widen(bound, seed, progress, token, clock) is { } wide)
            {
                refutation = wide;
                verdict = Verdict.Refuted;
            }
        }
        else
        {
            verdict = Verdict.Undecided;
            if (evidence.Any(e => e.Holds)) diagnostics.Add(TooFewCases(entry, evidence));
        }

        if (binding.ShapeRestriction is { } restriction && verdict != Verdict.Refuted)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ClaimRestrictsShapes,
                $"ill-formed as a general claim: it type-checks only if {restriction}", entry.Sides.Count > 0 ? entry.Sides[^1].Start : entry.Location));
            verdict = Verdict.IllFormed;
        }
        // A proof on a proper domain says so in its own evidence.
        var methods = progress.Methods.Select(m => m.Name == "symbolic" && domainNote is not null ? m with { Detail = $"{m.Detail}; {domainNote}" } : m).ToArray();
        // A candidate of the hypothesis search needs its verdict only, not the repair search and the explanations.
        if (candidate) return Result(entry, verdict, methods, refutation, null, diagnostics, details);
        var enriched = Explaining.Describe(entry, bound, symbolic, verdict, details);
        return Result(entry, verdict, methods, refutation, enriched.Suggestion, diagnostics, enriched.Details);
    }

    // The wider runs of the methods (ICheckMethod.Widened) for an entry about to be confirmed — a candidate of the
    // hypothesis search too, so no "holds if" rests on small sizes alone — under half of what is left of the
    // entry's time (clock; a candidate runs under its search's limit): the counterexample one finds, or null. A wide
    // run that does not finish in its share adds its "inconclusive" to the evidence and leaves the confirmation as
    // it was (at the sizes the ordinary run tried).
    private Counterexample? Widen(BoundEntry bound, long seed, EntryProgress progress, CancellationToken token, Stopwatch? clock)
    {
        using var share = CancellationTokenSource.CreateLinkedTokenSource(token);
        if (clock is not null) share.CancelAfter(NumericShare(clock));
        foreach (var method in _methods)
        {
            if (method.Widened is not { } wide) continue;
            MethodEvidence found;
            try
            {
                using (WorkCancellation.Enter(share.Token))
                    found = wide.Run(bound, seed, share.Token);
            }
            catch (OperationCanceledException) when (share.IsCancellationRequested && !token.IsCancellationRequested)
            {
                found = new MethodEvidence(new MethodResult(wide.Name, "inconclusive", "stopped at its share of the entry's time"), null, false);
            }
            token.ThrowIfCancellationRequested();
            progress.Add(found);
            if (found.Refutes) return found.Counterexample;
        }
        return null;
    }

    // The first refutation a method's screen finds, or null when every screen agrees (or there is none).
    private MethodEvidence? Screened(BoundEntry bound, long seed, CancellationToken token)
    {
        foreach (var method in _methods)
        {
            token.ThrowIfCancellationRequested();
            if (method.Screen is { } screen && screen.Run(bound, seed, token) is { Refutes: true } evidence) return evidence;
        }
        return null;
    }

    // A candidate's method as ForCandidate makes it: after a proof, a short cross-check (a prefix of the full run's
    // cases); when that does not confirm, the full run decides instead, so an outcome other than "confirmed" is
    // always the full run's. Deterministic: no choice depends on time or load.
    private static MethodEvidence CandidateEvidence(ICheckMethod method, bool proved, BoundEntry bound, long seed, CancellationToken token)
    {
        var candidate = method.ForCandidate(proved);
        var evidence = candidate.Run(bound, seed, token);
        if (!proved || ReferenceEquals(candidate, method) || evidence.Result.Outcome == "confirmed") return evidence;
        token.ThrowIfCancellationRequested();
        return method.ForCandidate(afterProof: false).Run(bound, seed, token);
    }

    // A symbolic proof holds wherever both sides are defined; when that is a proper domain, it stands only
    // with a witness that the domain is not empty, and says on which domain it holds.
    private static (Verdict Verdict, string? DomainNote) ProofVerdict(CatalogEntry entry, BoundEntry bound, IReadOnlyList<MethodEvidence> evidence, List<Diagnostic> diagnostics)
    {
        if (!EntryDomain.IsConditional(bound)) return (Verdict.Proved, null);
        if (EntryDomain.UndefinedEverywhere(bound) is { } reason)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UndefinedEverywhere, $"undefined everywhere: {reason}, so there is nothing to prove", entry.Location));
            return (Verdict.IllFormed, null);
        }
        var defined = evidence.Sum(e => e.DefinedCases);
        if (evidence.Any(e => e.DomainWitnessed))
        {
            return (Verdict.Proved,
                $"holds where both sides are defined (every divisor nonzero, every log argument positive, every sqrt argument non-negative), a domain that is not empty ({defined} fuzz case{(defined == 1 ? "" : "s")} inside it)");
        }
        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TooFewDefinedCases,
            "the canonical forms agree, but only where both sides are defined, and no method found a single point where they are (every fuzz case fell outside the domain): not proved",
            entry.Location));
        return (Verdict.Undecided, null);
    }

    private static bool Confirms(IReadOnlyList<MethodEvidence> evidence) =>
        evidence.Any(e => e.Holds && (e.DefinedCases >= MinimumDefinedCases || (e.DefinedCases == 0 && e.DomainWitnessed)));

    private static Diagnostic TooFewCases(CatalogEntry entry, IReadOnlyList<MethodEvidence> evidence) =>
        Diagnostic.Warning(DiagnosticCodes.TooFewDefinedCases,
            $"not confirmed: {evidence.Sum(e => e.DefinedCases)} defined case(s) agreed, fewer than the {MinimumDefinedCases} a confirmation needs",
            entry.Location);

    // The work stopped at a budget: the evidence gathered so far decides what it can (a confirmed
    // counterexample refutes), everything else is undecided with the budget named.
    private static EntryResult Stopped(CatalogEntry entry, EntryProgress progress)
    {
        var reason = progress.StopReason ?? "a budget";
        var diagnostics = new List<Diagnostic>(entry.Diagnostics);
        var code = reason.StartsWith("the time", StringComparison.Ordinal) ? DiagnosticCodes.TimeLimit : DiagnosticCodes.BudgetExhausted;
        var refutation = progress.Refutation;
        Verdict verdict;
        if (progress.Disagreement(entry.Location) is { } disagreement)
        {
            diagnostics.Add(disagreement);
            verdict = Verdict.Undecided;
        }
        else if (refutation is not null)
        {
            verdict = Verdict.Refuted;
            diagnostics.Add(Diagnostic.Warning(code, $"checking stopped at {reason}; the counterexample found before it stands", entry.Location));
        }
        else
        {
            verdict = Verdict.Undecided;
            diagnostics.Add(Diagnostic.Warning(code, $"checking ran out of {reason} before any method decided", entry.Location));
        }
        return Result(entry, verdict, progress.Methods, refutation, null, diagnostics, null);
    }

    private static EntryResult Crashed(CatalogEntry entry, EntryProgress progress, Exception crash)
    {
        var diagnostics = new List<Diagnostic>(entry.Diagnostics)
        {
            Diagnostic.Error(DiagnosticCodes.InternalError,
                $"internal error while checking this entry (a bug in TraceVerify — please report it): {crash.GetType().Name}: {crash.Message}", entry.Location),
        };
        return Result(entry, Verdict.Error, progress.Methods, progress.Refutation, null, diagnostics, null);
    }

    private static string MemoryText(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB");

    private static EntryResult Result(CatalogEntry entry, Verdict verdict, IReadOnlyList<MethodResult> methods, Counterexample? counterexample,
        string? suggestion, IReadOnlyList<Diagnostic> diagnostics, EntryDetails? details) =>
        new(entry.Id, entry.Eq, entry.File, entry.Line, entry.Column, entry.Kind, verdict, entry.Expected, methods, counterexample, suggestion, diagnostics, 0, details);
}
