using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace TraceVerify.Cli;

// Where a run's time and memory went, printed to stderr at exit when TRACEVERIFY_PROFILE=1 (for bench/ and
// for a user asking why a check is slow): wall and CPU time since process start, the runtime's share of it
// (JIT compilation, GC pauses), what was allocated and the peak resident size. One line, key=value, so a
// script can read it; nothing is printed, and nothing measured beyond what the runtime already counts,
// without the variable.
internal static class RunProfile
{
    public const string Variable = "TRACEVERIFY_PROFILE";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    private static readonly List<(string Name, double Seconds)> Marks = [];

    // The end of a phase of the run (`loaded`, `verified`, `searched`), as seconds since process start; printed
    // in the profile line as `NAME_s`, so a script can tell the serial phases (start-up, loading, the report)
    // from the parallel ones.
    public static void Mark(string name)
    {
        if (!Enabled) return;
        using var process = Process.GetCurrentProcess();
        lock (Marks) Marks.Add((name, (DateTime.Now - process.StartTime).TotalSeconds));
    }

    public static void Print()
    {
        using var process = Process.GetCurrentProcess();
        var wall = DateTime.Now - process.StartTime;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"traceverify profile: wall_s={wall.TotalSeconds:0.000} cpu_s={process.TotalProcessorTime.TotalSeconds:0.000} " +
            $"jit_s={System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} " +
            $"gc_pause_s={GC.GetTotalPauseDuration().TotalSeconds:0.000} gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} " +
            $"allocated_mib={GC.GetTotalAllocatedBytes() / 1048576.0:0.0} peak_rss_mib={process.PeakWorkingSet64 / 1048576.0:0.0} " +
            $"gc={(GCSettings.IsServerGC ? "server" : "workstation")}");
        lock (Marks)
        {
            foreach (var (name, seconds) in Marks) line += string.Create(CultureInfo.InvariantCulture, $" {name}_s={seconds:0.000}");
        }
        Console.Error.WriteLine(line);
    }
}
