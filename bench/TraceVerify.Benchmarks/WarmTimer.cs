using System.Diagnostics;

namespace TraceVerify.Benchmarks;

// Warm wall-clock timing with Stopwatch, for the scaling and comparison modes (BenchmarkDotNet would take
// minutes per point there). Calls are batched so one sample lasts at least MinSampleSeconds — a few-µs
// call is then well above the timer's resolution — and the median of the samples resists GC pauses and
// scheduler noise on a shared 2-core machine.
internal static class WarmTimer
{
    private const double MinSampleSeconds = 0.002;
    private const int MinSamples = 5;
    private const int MaxSamples = 101;

    // Spends about budgetSeconds (but always MinSamples samples). Callers bring the code to its steady state
    // first (Warmup); the few calls here only estimate how many calls make one sample.
    public static Measurement Median<T>(Func<T> action, double budgetSeconds)
    {
        ArgumentNullException.ThrowIfNull(action);
        // The estimate is taken after a few calls, which pay for any first-call work of this workload.
        for (var k = 0; k < 3; k++) GC.KeepAlive(action());
        var calls = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            GC.KeepAlive(action());
            calls++;
        }
        while (clock.Elapsed.TotalSeconds < MinSampleSeconds * 5);
        var perCall = clock.Elapsed.TotalSeconds / calls;

        var batch = perCall >= MinSampleSeconds ? 1 : (int)Math.Ceiling(MinSampleSeconds / perCall);
        var perSample = perCall * batch;
        var samples = (int)Math.Clamp(budgetSeconds / Math.Max(perSample, 1e-9), MinSamples, MaxSamples);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[samples];
        for (var s = 0; s < samples; s++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var b = 0; b < batch; b++) GC.KeepAlive(action());
            times[s] = Stopwatch.GetElapsedTime(start).TotalSeconds / batch;
        }
        Array.Sort(times);
        return new Measurement(times[samples / 2], times[0], samples, batch);
    }
}
