using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

// Report formats by name; every renderer is a pure function of the report.
internal static class Renderers
{
    private static readonly Dictionary<string, Func<Report, string>> ByName = new(StringComparer.Ordinal)
    {
        ["text"] = TextReport.Render,
        ["json"] = JsonReport.Render,
        ["junit"] = JUnitReport.Render,
        ["sarif"] = r => SarifReport.Render(r, Directory.GetCurrentDirectory()),
        ["markdown"] = MarkdownReport.Render,
        ["html"] = HtmlReport.Render,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static Func<Report, string>? Find(string name) => ByName.GetValueOrDefault(name);
}
