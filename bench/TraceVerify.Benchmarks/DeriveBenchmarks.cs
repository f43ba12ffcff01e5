using BenchmarkDotNet.Attributes;

namespace TraceVerify.Benchmarks;

// The derivative from bound expressions to its canonical form: d tr(AXB)/dX (the notes' (9)) and
// (19)→(20); plus parse + bind + derive from text, as `traceverify derive` does after start-up.
public class DeriveBenchmarks
{
    private Derivation _simple = null!;
    private Derivation _beast = null!;
    private DerivativeCase _beastCase = null!;

    [GlobalSetup]
    public void Setup()
    {
        _simple = Derivation.Bind(DerivativeList.Note("notes-9"));
        _beastCase = DerivativeList.Note("notes-19-20");
        _beast = Derivation.Bind(_beastCase);
    }

    [Benchmark]
    public object DeriveTraceAXB() => _simple.Gradient();

    [Benchmark]
    public object Derive19To20() => _beast.Gradient();

    [Benchmark]
    public object BindAndDerive19To20() => Derivation.Bind(_beastCase).Gradient();
}
