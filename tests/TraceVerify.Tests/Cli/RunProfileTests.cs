using System.Globalization;
using System.Text.RegularExpressions;

namespace TraceVerify.Tests.Cli;

// TRACEVERIFY_PROFILE=1 adds one key=value line to stderr at exit (bench/ reads it) and changes nothing else.
public class RunProfileTests
{
    private const string Catalog = "- id: trivial\n  kind: definition\n";

    [Fact]
    public void ProfileLineOnlyWithTheVariable_AndTheReportIsTheSame()
    {
        var directory = Directory.CreateTempSubdirectory("tv-profile-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "c.yaml"), Catalog);
            var plain = CliRunner.Invoke(directory, "check", "c.yaml", "--format", "json");
            var profiled = CliRunner.Invoke(directory, new Dictionary<string, string>(StringComparer.Ordinal) { ["TRACEVERIFY_PROFILE"] = "1" },
                "check", "c.yaml", "--format", "json");

            Assert.Equal(0, plain.ExitCode);
            Assert.Equal(0, profiled.ExitCode);
            Assert.DoesNotContain("traceverify profile:", plain.Error, StringComparison.Ordinal);
            Assert.Equal(Regex.Replace(plain.Output, "\"seconds\": [0-9.]+", ""), Regex.Replace(profiled.Output, "\"seconds\": [0-9.]+", ""));

            var line = Assert.Single(profiled.Error.Split('\n'), l => l.StartsWith("traceverify profile:", StringComparison.Ordinal));
            foreach (var key in new[] { "wall_s", "cpu_s", "jit_s", "gc_pause_s", "allocated_mib", "peak_rss_mib", "loaded_s", "verified_s", "searched_s" })
            {
                var value = Regex.Match(line, $@"\b{key}=([0-9.]+)\b");
                Assert.True(value.Success, $"{key} missing in: {line}");
                Assert.True(double.Parse(value.Groups[1].Value, CultureInfo.InvariantCulture) >= 0, line);
            }
            Assert.True(double.Parse(Regex.Match(line, @"peak_rss_mib=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture) > 0, line);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
