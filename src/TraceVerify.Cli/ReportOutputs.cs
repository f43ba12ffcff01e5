using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

// What `check` and `merge` do with a finished report, by one rule: the --format on standard output, every
// --report FORMAT=PATH to its file, the --baseline comparison and the errors that stopped a catalog being read
// on standard error; then the gate's exit code — 2 when a catalog could not be read, 1 when a verdict does not
// match its expectation, methods disagree or the baseline found a regression, else 0. Options are checked and
// the baseline read before any work, so a usage error costs nothing.
internal sealed class ReportOutputs
{
    private readonly Func<Report, string> _print;
    private readonly IReadOnlyList<(Func<Report, string> Render, string Path)> _files;
    private readonly (Report? Report, string? Problem)? _baseline;

    private ReportOutputs(Func<Report, string> print, IReadOnlyList<(Func<Report, string>, string)> files, (Report?, string?)? baseline)
    {
        _print = print;
        _files = files;
        _baseline = baseline;
    }

    public static string FormatHelp => $"what to print: {string.Join(", ", Renderers.Names)}";

    // The outputs, or a usage error (exit 64).
    public static (ReportOutputs? Outputs, string? UsageError) Parse(string format, IEnumerable<string> reports, string? baselinePath)
    {
        if (Renderers.Find(format) is not { } print)
            return (null, $"unknown format `{format}` ({string.Join(", ", Renderers.Names)})");
        var files = new List<(Func<Report, string>, string)>();
        foreach (var spec in reports)
        {
            var eq = spec.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == spec.Length - 1 || Renderers.Find(spec[..eq]) is not { } render)
                return (null, $"--report takes FORMAT=PATH with FORMAT one of {string.Join(", ", Renderers.Names)}, found `{spec}`");
            files.Add((render, spec[(eq + 1)..]));
        }
        (Report?, string?)? baseline = null;
        if (baselinePath is not null)
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(baselinePath));
                baseline = JsonReportReader.Read(json.RootElement, "the baseline");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                return (null, $"cannot read the baseline `{baselinePath}`: {e.Message}");
            }
        }
        return (new ReportOutputs(print, files, baseline), null);
    }

    public int Emit(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var error in report.CatalogErrors) Console.Error.WriteLine(error);
        Console.Out.Write(_print(report));
        foreach (var (render, path) in _files) File.WriteAllText(path, render(report));
        var regressions = false;
        if (_baseline is { } baseline)
        {
            var (previous, problem) = baseline;
            // A baseline that is not our report fails the gate closed: a comparison that could not be made passes nothing.
            var diff = previous is null ? BaselineDiff.Unreadable(problem!) : Baseline.Compare(previous, report);
            Console.Error.Write(diff.Render());
            regressions = diff.HasRegressions;
        }
        if (report.CatalogErrors.Count > 0) return ExitCodes.CatalogUnreadable;
        return report.Mismatches > 0 || report.Disagreements > 0 || regressions ? ExitCodes.Mismatch : ExitCodes.Success;
    }
}
