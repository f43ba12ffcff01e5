using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// What the methods have found about one entry so far, written by the entry's worker thread and read by the
// verifier when the worker ends, crashes or runs out of a budget: evidence already gathered is never thrown
// away, so a counterexample found before a time limit still refutes the entry. Every member is thread-safe.
internal sealed class EntryProgress
{
    private readonly Lock _gate = new();
    private readonly List<MethodResult> _methods = [];
    private readonly List<MethodEvidence> _evidence = [];
    private SymbolicCheck.Outcome? _symbolic;
    private string? _stopReason;

    public IReadOnlyList<MethodResult> Methods { get { lock (_gate) return [.. _methods]; } }

    public IReadOnlyList<MethodEvidence> Evidence { get { lock (_gate) return [.. _evidence]; } }

    public SymbolicCheck.Outcome? Symbolic { get { lock (_gate) return _symbolic; } }

    // Which budget stopped the entry ("the time limit of 60 s", "the memory budget of 1024 MiB"); the first wins.
    public string? StopReason { get { lock (_gate) return _stopReason; } }

    public void AddSymbolic(SymbolicCheck.Outcome outcome)
    {
        lock (_gate)
        {
            // The symbolic method leads the report's list of methods, whenever it ran.
            _symbolic = outcome;
            _methods.Insert(0, outcome.Result);
        }
    }

    public void Add(MethodEvidence evidence)
    {
        lock (_gate)
        {
            _evidence.Add(evidence);
            _methods.Add(evidence.Result);
        }
    }

    public void Stop(string reason)
    {
        lock (_gate) _stopReason ??= reason;
    }

    // The first confirmed counterexample, from any method.
    public Counterexample? Refutation { get { lock (_gate) return _evidence.FirstOrDefault(e => e.Refutes)?.Counterexample; } }

    public Diagnostic? Disagreement(SourceLocation location)
    {
        var refutation = Refutation;
        if (Symbolic is not { Proved: true } || refutation is null) return null;
        return Diagnostic.Error(DiagnosticCodes.MethodsDisagree,
            $"INTERNAL DISAGREEMENT: the symbolic engine proved this entry for all shapes, but {refutation.Method} confirmed a counterexample ({refutation.Description}); this is a bug in TraceVerify — please report it",
            location);
    }
}
