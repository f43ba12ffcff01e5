using BenchmarkDotNet.Attributes;

namespace TraceVerify.Benchmarks;

// Lowering a bound expression to index form and canonicalizing it: the notes' (20) claim, a sum of four
// seven-factor products, and the traced cycle (19), whose canonical form is a least rotation.
public class CanonicalizeBenchmarks
{
    private Derivation _beast = null!;

    [GlobalSetup]
    public void Setup() => _beast = Derivation.Bind(DerivativeList.Note("notes-19-20"));

    [Benchmark]
    public object Canonicalize20() => _beast.ExpectedForm();

    [Benchmark]
    public object Canonicalize19() => _beast.Context.Canonical(_beast.Of);
}
