using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TraceVerify.Tests.Cli;

// The README's resource guarantees, on the real binary: a hostile catalog (deep nesting, runaway where chains,
// a huge literal size, an SMT blow-up, an entry that crashed the engine) finishes within (entries × --timeout)
// plus a few seconds, every entry gets a verdict, and the process's peak resident memory (VmHWM) stays under
// the documented 1 GiB.
public class ResourceGuaranteeTests
{
    private const long MemoryBoundBytes = 1L << 30;

    private static string HostileCatalog()
    {
        static string Equality(string id, string lhs, string rhs, string extra = "") =>
            $"- id: {id}\n  kind: equality\n{extra}  lhs: \"{lhs}\"\n  rhs: \"{rhs}\"\n";
        var product = string.Join("*", Enumerable.Repeat("(A+B)", 40));
        var chain = new StringBuilder("  where:\n    D_0: A\n");
        for (var k = 1; k <= 6000; k++) chain.Append(CultureInfo.InvariantCulture, $"    D_{k}: D_{k - 1} + A\n");
        var doubling = new StringBuilder("  where:\n    D_0: A\n");
        for (var k = 1; k <= 35; k++) doubling.Append(CultureInfo.InvariantCulture, $"    D_{k}: D_{k - 1} + D_{k - 1}\n");
        return string.Concat(
            Equality("healthy", "tr(A*B)", "tr(B*A)"),
            Equality("deep-minus", new string('-', 3000) + "A", "A"),
            Equality("deep-transpose", "A" + new string('\'', 3000), "A"),
            Equality("where-chain", "tr(D_6000)", "tr(A)", chain.ToString()),
            Equality("where-doubling", "tr(D_35)", "tr(A)", doubling.ToString()),
            Equality("zero-size", "tr(A)", "tr(A')", "  shapes: {A: 00 x 3}\n"),
            Equality("huge-size", "tr(A)", "tr(A')", "  shapes: {A: 100000 x 100000}\n"),
            Equality("smt-blow-up", $"tr({product})", $"tr(({product})')", "  shapes: {A: n x n, B: n x n}\n"),
            Equality("false-blow-up", $"tr({product})", "tr(A)", "  shapes: {A: n x n, B: n x n}\n"),
            Equality("diag-of-a-row", "diag(x')*B", "diag(x)*B"),
            Equality("false", "tr(A*B)", "tr(A'*B)"));
    }

    [Fact]
    public void A_hostile_catalog_finishes_in_bounded_time_and_memory_with_a_verdict_for_every_entry()
    {
        var directory = Directory.CreateTempSubdirectory("traceverify-hostile-");
        try
        {
            var catalog = Path.Combine(directory.FullName, "hostile.yaml");
            File.WriteAllText(catalog, HostileCatalog());
            const int entries = 11;
            const double timeout = 5;

            var (exit, output, peak, elapsed) = RunMeasured(directory.FullName, "check", catalog, "--format", "json", "--timeout", "5");

            Assert.True(elapsed < TimeSpan.FromSeconds((entries * timeout) + 10), $"took {elapsed}");
            Assert.True(peak < MemoryBoundBytes, $"peak resident memory {peak / (1024 * 1024)} MiB");
            Assert.Contains(exit, new[] { 1, 70 });
            using var report = System.Text.Json.JsonDocument.Parse(output);
            var verdicts = report.RootElement.GetProperty("entries").EnumerateArray()
                .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("verdict").GetString()!);
            Assert.Equal(entries, verdicts.Count);
            Assert.Equal("proved", verdicts["healthy"]);
            Assert.Equal("refuted", verdicts["false"]);
            Assert.Equal("refuted", verdicts["false-blow-up"]);
            Assert.Equal("proved", verdicts["huge-size"]);
            Assert.All(new[] { "deep-minus", "deep-transpose", "where-chain", "where-doubling", "zero-size" }, id => Assert.Equal("ill-formed", verdicts[id]));
            Assert.NotEqual("refuted", verdicts["smt-blow-up"]);
            Assert.Equal(verdicts.ContainsValue("error") ? 70 : 1, exit);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_of_an_exponential_where_chain_ends_at_once_with_its_diagnostic()
    {
        var directory = Directory.CreateTempSubdirectory("traceverify-lint-");
        try
        {
            var yaml = new StringBuilder("- id: doubling\n  kind: equality\n  where:\n    D_0: A\n");
            for (var k = 1; k <= 35; k++) yaml.Append(CultureInfo.InvariantCulture, $"    D_{k}: D_{k - 1} + D_{k - 1}\n");
            yaml.Append("  lhs: tr(D_35)\n  rhs: tr(A)\n");
            var catalog = Path.Combine(directory.FullName, "doubling.yaml");
            File.WriteAllText(catalog, yaml.ToString());

            var (exit, output, peak, elapsed) = RunMeasured(directory.FullName, "lint", catalog);

            Assert.Equal(1, exit);
            Assert.Contains("TV0108", output, StringComparison.Ordinal);
            Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
            Assert.True(peak < MemoryBoundBytes, $"peak resident memory {peak / (1024 * 1024)} MiB");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // Runs the binary, polling its VmHWM (peak resident set) until it exits.
    private static (int Exit, string Output, long PeakBytes, TimeSpan Elapsed) RunMeasured(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "traceverify.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                process.Kill(true);
                throw new TimeoutException("traceverify did not finish");
            }
        }
        _ = error.Result;
        return (process.ExitCode, output.Result, peak, clock.Elapsed);
    }

    private static long PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
