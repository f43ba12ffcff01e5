using BenchmarkDotNet.Attributes;

namespace TraceVerify.Benchmarks;

// One Z3 query on the notes' (19)→(20) with every dimension = Size: encoding to SMT-LIB2 alone, and encoding
// plus Z3's answer (unsat). At size 3 the script is about a megabyte of expanded polynomials.
public class Z3Benchmarks
{
    private Z3Workload _workload = null!;

    [Params(2, 3)]
    public int Size { get; set; } = 2;

    [GlobalSetup]
    public void Setup() => _workload = Z3Workload.Create(Size);

    [GlobalCleanup]
    public void Cleanup() => _workload.Dispose();

    [Benchmark]
    public object Encode19() => _workload.Encode();

    [Benchmark]
    public object Query19() => _workload.Query();
}
