using System.Diagnostics;

namespace TraceVerify.Benchmarks;

// Brings code to its steady state before anything is timed. The runtime compiles a method quickly first and
// optimizes it only after ~30 calls, in the background; a large case that runs a few times would otherwise
// be timed partly in unoptimized code. Small cases exercise the same code paths, so running them for a while
// and then pausing for the background compiler is enough.
internal static class Warmup
{
    public static void Run(IEnumerable<DerivativeCase> cases, double seconds = 2.0)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var derivations = cases.Select(Derivation.Bind).ToArray();
        Repeat(() =>
        {
            foreach (var derivation in derivations)
            {
                derivation.Gradient();
                derivation.ExpectedForm();
            }
        }, seconds);
    }

    public static void Repeat(Action work, double seconds = 2.0)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        do work();
        while (clock.Elapsed.TotalSeconds < seconds);
        Thread.Sleep(500);
    }

    // Small members of every family timed here: the notes' derivatives and both series at n = 4.
    public static IEnumerable<DerivativeCase> Representative() =>
        [.. DerivativeList.Notes(RepositoryPaths.InRoot(DerivativeList.NotesFile)), ScalingSeries.Power(4), ScalingSeries.Chain(4)];
}
