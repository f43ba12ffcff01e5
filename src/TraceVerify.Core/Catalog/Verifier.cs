using System.Diagnostics;
using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// Checks entries with every method and combines their evidence into one verdict:
//   symbolic proof and a confirmed counterexample together → a loud internal disagreement (TV0901), never a pick;
//   symbolic proof → proved; a confirmed counterexample → refuted; numeric agreement only → confirmed.
// A claim that only type-checks under an extra shape condition is refuted if a counterexample exists at the
// shapes where it does type-check, and ill-formed otherwise.
internal sealed class Verifier
{
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

    public EntryResult Check(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource(_options.TimeLimit);
        var work = Task.Run(() => CheckWithin(entry, cancel.Token), CancellationToken.None);
        EntryResult result;
        if (work.Wait(_options.TimeLimit + TimeSpan.FromSeconds(1)))
        {
            result = work.Result;
        }
        else
        {
            cancel.Cancel();
            var limit = Diagnostic.Warning(DiagnosticCodes.TimeLimit, $"checking took longer than the limit of {_options.TimeLimit.TotalSeconds:0.#} s", entry.Location);
            result = Result(entry, Verdict.Undecided, [], null, null, [.. entry.Diagnostics, limit], null);
        }
        result = TranscriptionCheck.Apply(entry, result, _methods, EntrySeed(_options.Seed, entry.Id));
        return result with { Seconds = Math.Round(clock.Elapsed.TotalSeconds, 4) };
    }

    public static long EntrySeed(long seed, string id)
    {
        // FNV-1a of the id mixed with the run seed: an entry's cases do not depend on its neighbours or shard.
        var hash = 14695981039346656037UL;
        foreach (var c in id) hash = (hash ^ c) * 1099511628211UL;
        return (long)((hash ^ (ulong)seed) & 0x7FFF_FFFF_FFFFUL);
    }

    private EntryResult CheckWithin(CatalogEntry entry, CancellationToken token)
    {
        var binding = EntryBinder.Bind(entry);
        var diagnostics = binding.Diagnostics.ToList();
        var texts = entry.Sides.Select(s => s.Text).ToList();
        var details = new EntryDetails(entry.Title, entry.Latex, entry.Note, texts, null, null, [], []);
        if (binding.Entry is not { } bound) return Result(entry, Verdict.IllFormed, [], null, null, diagnostics, details);
        if (bound.Kind == EntryKind.Definition)
            return Result(entry, Verdict.Definition, [new MethodResult("binder", "well-formed", texts.Count == 0 ? "no expression given" : "parses and type-checks")], null, null, diagnostics, details);

        var symbolic = SymbolicCheck.Run(bound);
        var methods = new List<MethodResult> { symbolic.Result };
        var evidence = new List<MethodEvidence>();
        var seed = EntrySeed(_options.Seed, entry.Id);
        foreach (var method in symbolic.Proved ? _methods : [.. _methods, .. _whenUnproved])
        {
            if (token.IsCancellationRequested) break;
            var e = method.Run(bound, seed, token);
            evidence.Add(e);
            methods.Add(e.Result);
        }
        var refutation = evidence.FirstOrDefault(e => e.Refutes)?.Counterexample;
        Verdict verdict;
        if (symbolic.Proved && refutation is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MethodsDisagree,
                $"INTERNAL DISAGREEMENT: the symbolic engine proved this entry for all shapes, but {refutation.Method} confirmed a counterexample ({refutation.Description}); this is a bug in TraceVerify — please report it",
                entry.Location));
            verdict = Verdict.Undecided;
        }
        else if (symbolic.Proved) verdict = Verdict.Proved;
        else if (refutation is not null) verdict = Verdict.Refuted;
        else if (evidence.Any(e => e.Holds)) verdict = Verdict.Confirmed;
        else verdict = Verdict.Undecided;

        if (binding.ShapeRestriction is { } restriction && verdict != Verdict.Refuted)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ClaimRestrictsShapes,
                $"ill-formed as a general claim: it type-checks only if {restriction}", entry.Sides.Count > 0 ? entry.Sides[^1].Start : entry.Location));
            verdict = Verdict.IllFormed;
        }
        var enriched = Explaining.Describe(entry, bound, symbolic, verdict, details);
        return Result(entry, verdict, methods, refutation, enriched.Suggestion, diagnostics, enriched.Details);
    }

    private static EntryResult Result(CatalogEntry entry, Verdict verdict, IReadOnlyList<MethodResult> methods, Counterexample? counterexample,
        string? suggestion, IReadOnlyList<Diagnostic> diagnostics, EntryDetails? details) =>
        new(entry.Id, entry.Eq, entry.File, entry.Line, entry.Column, entry.Kind, verdict, entry.Expected, methods, counterexample, suggestion, diagnostics, 0, details);
}
