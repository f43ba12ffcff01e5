using System.Globalization;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Benchmarks;

// `-- methods`: the throughput of the methods beside the symbolic engine, warm, in process, on (19)→(20):
// exact fuzz cases per second at 3×3, the fuzz method with the CLI's default 200 cases, one Z3 query at
// 2×2 and at 3×3, and the Z3 method over its default shapes.
internal static class MethodsRun
{
    public static int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var workload = FuzzWorkload.Create(32);
        Warmup.Repeat(() => workload.CheckAll());
        var perBatch = WarmTimer.Median(workload.CheckAll, 2.0);
        var perCase = perBatch.MedianSeconds / workload.Cases.Count;
        var method = WarmTimer.Median(() => new FuzzMethod(200).Run(workload.Entry, FuzzWorkload.Seed, CancellationToken.None), 3.0);
        output.WriteLine("| method | workload | warm median | throughput |");
        output.WriteLine("|---|---|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| fuzz, one case | (19)→(20), every dimension 3, exact rational | {ScalingRun.Format(perCase)} | {1 / perCase:0} exact cases/s |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| fuzz method | traa-20, 200 generated cases (sizes 1–4) | {ScalingRun.Format(method.MedianSeconds)} | {200 / method.MedianSeconds:0} cases/s |"));
        if (Z3Solver.NativeVersion is null)
        {
            output.WriteLine("| z3 | — | — | not run: libz3 cannot be loaded |");
            output.WriteLine();
            return 0;
        }
        foreach (var size in new[] { 2, 3 })
        {
            using var z3 = Z3Workload.Create(size);
            var query = WarmTimer.Median(z3.Query, 2.0);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| z3, one query | (19)→(20), every dimension {size}, {z3.Encode().Assertions.Length / 1024.0:0} KiB of SMT-LIB2, unsat | {ScalingRun.Format(query.MedianSeconds)} | {1 / query.MedianSeconds:0.0} queries/s |"));
        }
        var shapes = Z3Method.Shapes(workload.Entry.Dimensions, Z3Method.DefaultMaxDimension).Take(Z3Method.DefaultMaxShapes).Count();
        var z3Method = WarmTimer.Median(() => new Z3Method().Run(workload.Entry, FuzzWorkload.Seed, CancellationToken.None), 3.0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| z3 method | traa-20, all {shapes} shapes with dimensions ≤ {Z3Method.DefaultMaxDimension} | {ScalingRun.Format(z3Method.MedianSeconds)} | {shapes / z3Method.MedianSeconds:0.0} shapes/s |"));
        output.WriteLine();
        return 0;
    }
}
