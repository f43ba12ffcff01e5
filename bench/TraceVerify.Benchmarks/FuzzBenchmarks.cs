using BenchmarkDotNet.Attributes;
using TraceVerify.Fuzzing;

namespace TraceVerify.Benchmarks;

// Fuzz throughput on the notes' (19)→(20) at 3×3: one operation is one exact case, so exact cases per second
// are 10⁹ / (ns per operation). Also the whole fuzz method on that entry with the CLI's default 200 cases
// (case generation, checking, bookkeeping).
public class FuzzBenchmarks
{
    private const int CasesPerInvoke = 32;

    private FuzzWorkload _workload = null!;

    [GlobalSetup]
    public void Setup() => _workload = FuzzWorkload.Create(CasesPerInvoke);

    [Benchmark(OperationsPerInvoke = CasesPerInvoke)]
    public int ExactCase19At3x3() => _workload.CheckAll();

    [Benchmark]
    public object FuzzMethod200Cases19() => new FuzzMethod(200).Run(_workload.Entry, FuzzWorkload.Seed, CancellationToken.None);
}
