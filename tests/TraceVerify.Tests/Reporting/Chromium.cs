using System.Diagnostics;

namespace TraceVerify.Tests.Reporting;

// A real headless browser for the HTML report: Debian's `chromium` (CI installs it when .ci/needs-chromium
// exists), or the executable TRACEVERIFY_CHROMIUM names. Each run gets its own profile directory, no network
// services and no sandbox (CI containers run as root).
internal static class Chromium
{
    public static string? Executable { get; } = Find();

    // Skipped only on a developer machine without chromium; where CI is set the tests run and fail loudly.
    public static string? SkipReason =>
        Executable is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? "chromium is not installed (apt-get install chromium, or set TRACEVERIFY_CHROMIUM); CI runs this test"
            : null;

    public static string DumpDom(string htmlPath) => Run(["--dump-dom", new Uri(htmlPath).AbsoluteUri]);

    public static void Screenshot(string htmlPath, string pngPath, int width, int height) =>
        Run([$"--screenshot={pngPath}", $"--window-size={width},{height}", new Uri(htmlPath).AbsoluteUri]);

    private static string Run(IReadOnlyList<string> arguments)
    {
        Assert.True(Executable is not null, "chromium is required where CI is set: install it (apt-get install chromium) or set TRACEVERIFY_CHROMIUM");
        var profile = Directory.CreateTempSubdirectory("traceverify-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
            })
            {
                start.ArgumentList.Add(flag);
            }
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 120 s");
            }
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); }
            catch (IOException) { /* chromium helpers may still hold files for a moment; the temp directory is cleaned by the OS */ }
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("TRACEVERIFY_CHROMIUM") is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
