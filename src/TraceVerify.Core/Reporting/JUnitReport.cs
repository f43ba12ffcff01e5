using System.Globalization;
using System.Text;
using System.Xml;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// JUnit XML for CI test tabs: one <testsuite> per catalog file, one <testcase> per entry. A verdict that does
// not match its expectation is a <failure>; an internal disagreement between methods (TV0901) is an <error>,
// because it is a bug in TraceVerify rather than in the catalog, and so is an entry whose check crashed (verdict
// `error`, TV0903). A passing entry with something to say
// (a known erratum's counterexample, warnings) says it in <system-out>.
internal static class JUnitReport
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", report.Tool);
            WriteCounts(w, report.Entries);
            foreach (var (file, entries) in ReportText.ByFile(report))
            {
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", ReportText.XmlSafe(file));
                WriteCounts(w, entries);
                w.WriteStartElement("properties");
                WriteProperty(w, "tool", $"{report.Tool} {report.Version}");
                WriteProperty(w, "seed", report.Seed.ToString(CultureInfo.InvariantCulture));
                if (report.Z3Version is { } z3) WriteProperty(w, "z3", z3);
                w.WriteEndElement();
                foreach (var entry in entries) WriteCase(w, entry);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static bool IsError(EntryResult e) => e.Verdict == Verdict.Error || e.Diagnostics.Any(d => d.Code == DiagnosticCodes.MethodsDisagree);

    private static bool IsFailure(EntryResult e) => !e.MatchesExpected && !IsError(e);

    private static void WriteCounts(XmlWriter w, IReadOnlyList<EntryResult> entries)
    {
        w.WriteAttributeString("tests", entries.Count.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", entries.Count(IsFailure).ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", entries.Count(IsError).ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("skipped", "0");
        w.WriteAttributeString("time", ReportText.Seconds(entries.Sum(e => e.Seconds)));
    }

    private static void WriteProperty(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", ReportText.XmlSafe(value));
        w.WriteEndElement();
    }

    private static void WriteCase(XmlWriter w, EntryResult e)
    {
        w.WriteStartElement("testcase");
        w.WriteAttributeString("classname", ReportText.XmlSafe(e.File));
        w.WriteAttributeString("name", ReportText.XmlSafe(ReportText.EntryName(e)));
        w.WriteAttributeString("time", ReportText.Seconds(e.Seconds));
        w.WriteAttributeString("file", ReportText.XmlSafe(e.File));
        w.WriteAttributeString("line", e.Line.ToString(CultureInfo.InvariantCulture));
        var body = string.Join("\n", Body(e).Select(ReportText.XmlSafe)) + "\n";
        if (IsError(e) || IsFailure(e))
        {
            w.WriteStartElement(IsError(e) ? "error" : "failure");
            w.WriteAttributeString("message", ReportText.XmlSafe(Message(e)));
            w.WriteAttributeString("type", e.Verdict == Verdict.Error ? DiagnosticCodes.InternalError : IsError(e) ? DiagnosticCodes.MethodsDisagree : Expectations.Text(e.Verdict));
            w.WriteString(body);
            w.WriteEndElement();
        }
        else if (e.Counterexample is not null || e.Diagnostics.Count > 0)
        {
            w.WriteElementString("system-out", body);
        }
        w.WriteEndElement();
    }

    // The one line a CI summary shows: the outcome, then the first thing to read.
    private static string Message(EntryResult e)
    {
        var message = new StringBuilder(ReportText.Outcome(e));
        if (e.Counterexample is { } c) message.Append("; counterexample: ").Append(c.Description);
        if (e.Suggestion is { } s) message.Append("; suggestion: ").Append(s);
        if (e.Counterexample is null && e.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } error)
            message.Append("; ").Append(error.Code).Append(": ").Append(error.Message);
        return message.ToString();
    }

    private static IEnumerable<string> Body(EntryResult e)
    {
        yield return $"{e.File}:{e.Line}:{e.Column}: {ReportText.EntryName(e)}: {ReportText.Outcome(e)}";
        if (e.Counterexample is { } c)
        {
            foreach (var line in ReportText.CounterexampleLines(c)) yield return line;
        }
        if (e.Suggestion is { } s) yield return "suggestion: " + s;
        if (e.Details?.Corrected is { } corrected) yield return "corrected: " + corrected;
        if (e.Details is { TermComparison.Count: > 0 } details)
        {
            yield return "term comparison:";
            foreach (var line in details.TermComparison) yield return "  " + line;
        }
        if (e.Diagnostics.Count > 0)
        {
            yield return "diagnostics:";
            foreach (var d in e.Diagnostics) yield return "  " + d;
        }
        if (e.Methods.Count > 0) yield return "evidence: " + ReportText.Evidence(e);
    }
}
