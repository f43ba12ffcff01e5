using BenchmarkDotNet.Attributes;
using TraceVerify.Catalog;

namespace TraceVerify.Benchmarks;

// One whole catalog entry through the Verifier with no method beside the symbolic engine: binding the
// YAML texts, the derivative or equality, canonical forms, the verdict and its explanation.
public class EntryCheckBenchmarks
{
    private Verifier _verifier = null!;
    private CatalogEntry _entry = null!;

    // traa-9: d tr(AXB)/dX; traa-20: the beast; traa-21: the misprint, refuted with a suggested correction;
    // traa-46: the row-sum example with log, diag and rows(k; …).
    [Params("traa-9", "traa-20", "traa-21", "traa-46")]
    public string Id { get; set; } = "traa-20";

    [GlobalSetup]
    public void Setup()
    {
        _entry = NotesEntries.Entry(Id);
        _verifier = new Verifier(new VerifierOptions(Seed: 20261121), []);
    }

    [Benchmark]
    public object Check() => _verifier.Check(_entry);
}
