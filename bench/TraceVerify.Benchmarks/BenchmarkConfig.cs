using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace TraceVerify.Benchmarks;

// A short default job, so the whole suite runs in a few minutes on two cores: BenchmarkDotNet's ShortRun (one
// launch, three warm-up iterations) with five measured iterations instead of three, which halves the error
// bars for little time; allocations are reported.
internal static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithIterationCount(5).WithId("short"))
        .AddDiagnoser(MemoryDiagnoser.Default);
}
