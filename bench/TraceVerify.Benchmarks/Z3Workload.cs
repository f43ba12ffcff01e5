using TraceVerify.Catalog;
using TraceVerify.Proof;

namespace TraceVerify.Benchmarks;

// One Z3 query: the notes' (19)→(20) (entry traa-20) with every dimension set to one size, encoded as
// SMT-LIB2 and decided by Z3. The answer must be unsat (the identity holds at that shape).
internal sealed class Z3Workload : IDisposable
{
    public const string EntryId = "traa-20";

    private Z3Workload(BoundEntry entry, IReadOnlyDictionary<string, int> dimensions, Z3Solver solver)
    {
        Entry = entry;
        Dimensions = dimensions;
        Solver = solver;
    }

    public BoundEntry Entry { get; }

    public IReadOnlyDictionary<string, int> Dimensions { get; }

    public Z3Solver Solver { get; }

    public static Z3Workload Create(int size)
    {
        if (Z3Solver.NativeVersion is null) throw new InvalidOperationException("libz3 cannot be loaded (apt-get install libz3-4)");
        var entry = NotesEntries.Bound(EntryId);
        var dimensions = entry.Dimensions.ToDictionary(name => name, _ => size, StringComparer.Ordinal);
        var workload = new Z3Workload(entry, dimensions, new Z3Solver(Z3Method.DefaultTimeoutPerQuery));
        var answer = workload.Query();
        if (answer.Status != Z3Status.Unsat)
        {
            workload.Dispose();
            throw new InvalidOperationException($"Z3 answered {answer.Status} {answer.Detail} on {EntryId} at size {size}; the workload must be an unsat query");
        }
        return workload;
    }

    public SmtQuery Encode() => SmtEncoder.Encode(Entry, Dimensions);

    public Z3Answer Query() => Solver.Check(Encode().Assertions);

    public void Dispose() => Solver.Dispose();
}
