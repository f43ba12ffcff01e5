using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// The JSON report: a contract pinned by a golden test. Field names and order are fixed here.
internal static class JsonReport
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("tool", report.Tool);
            w.WriteString("version", report.Version);
            w.WriteNumber("seed", report.Seed);
            if (report.Z3Version is { } z3) w.WriteString("z3_version", z3);
            else w.WriteNull("z3_version");
            w.WriteStartArray("catalogs");
            foreach (var c in report.Catalogs) w.WriteStringValue(c);
            w.WriteEndArray();
            WriteScope(w, report);
            w.WriteStartArray("entries");
            foreach (var e in report.Entries) WriteEntry(w, e);
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("proved", report.Count(Verdict.Proved));
            w.WriteNumber("confirmed", report.Count(Verdict.Confirmed));
            w.WriteNumber("refuted", report.Count(Verdict.Refuted));
            w.WriteNumber("undecided", report.Count(Verdict.Undecided));
            w.WriteNumber("ill_formed", report.Count(Verdict.IllFormed));
            w.WriteNumber("definition", report.Count(Verdict.Definition));
            w.WriteNumber("error", report.Count(Verdict.Error));
            w.WriteNumber("mismatches", report.Mismatches);
            w.WriteNumber("disagreements", report.Disagreements);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteEntry(Utf8JsonWriter w, EntryResult e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("eq", e.Eq);
        w.WriteString("file", e.File);
        w.WriteNumber("line", e.Line);
        w.WriteNumber("column", e.Column);
        if (e.Kind is { } kind) w.WriteString("kind", kind.ToString().ToLowerInvariant());
        else w.WriteNull("kind");
        w.WriteString("verdict", Expectations.Text(e.Verdict));
        w.WriteString("expected", Expectations.Text(e.Expected));
        w.WriteBoolean("matches_expected", e.MatchesExpected);
        w.WriteStartArray("methods");
        foreach (var m in e.Methods)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteString("outcome", m.Outcome);
            w.WriteString("detail", m.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (e.Counterexample is { } c) WriteCounterexample(w, c);
        else w.WriteNull("counterexample");
        if (e.Suggestion is { } s) w.WriteString("suggestion", s);
        else w.WriteNull("suggestion");
        if (e.Hypotheses is { } h) WriteHypotheses(w, h);
        if (e.Details?.Derived is { } derived) w.WriteString("derived", derived);
        if (e.Details?.Corrected is { } corrected) w.WriteString("corrected", corrected);
        if (e.Details is { TermComparison.Count: > 0 } d)
        {
            w.WriteStartArray("term_comparison");
            foreach (var line in d.TermComparison) w.WriteStringValue(line);
            w.WriteEndArray();
        }
        if (e.Details is { } source)
        {
            if (source.Title is { } title) w.WriteString("title", title);
            if (source.Latex is { } latex) w.WriteString("latex", latex);
            if (source.Note is { } note) w.WriteString("note", note);
            WriteTexts(w, "texts", source.Texts);
            WriteTexts(w, "canonical_forms", source.CanonicalForms);
        }
        w.WriteStartArray("diagnostics");
        foreach (var diagnostic in e.Diagnostics) WriteDiagnostic(w, diagnostic);
        w.WriteEndArray();
        w.WriteNumber("seconds", e.Seconds);
        w.WriteEndObject();
    }

    // What the run covered (RunScope), read back by JsonReportReader so `merge` can check shard reports.
    private static void WriteScope(Utf8JsonWriter w, Report report)
    {
        if (report.CatalogDigest is { } digest) w.WriteString("catalog_digest", digest);
        else w.WriteNull("catalog_digest");
        w.WriteStartArray("catalog_errors");
        foreach (var error in report.CatalogErrors) WriteDiagnostic(w, error);
        w.WriteEndArray();
        if (report.Shard is not { } shard)
        {
            w.WriteNull("shard");
            return;
        }
        w.WriteStartObject("shard");
        w.WriteNumber("index", shard.Index);
        w.WriteNumber("count", shard.Count);
        w.WriteEndObject();
        w.WriteStartArray("catalog_entries");
        foreach (var key in report.CatalogEntries)
        {
            w.WriteStartObject();
            w.WriteString("file", key.File);
            w.WriteString("id", key.Id);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteTexts(Utf8JsonWriter w, string name, IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var text in texts) w.WriteStringValue(text);
        w.WriteEndArray();
    }

    private static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("severity", d.SeverityText);
        w.WriteString("code", d.Code);
        w.WriteString("message", d.Message);
        if (d.Location is { } l)
        {
            w.WriteString("file", l.File);
            w.WriteNumber("line", l.Line);
            w.WriteNumber("column", l.Column);
            w.WriteNumber("length", l.Length);
        }
        w.WriteEndObject();
    }

    private static void WriteCounterexample(Utf8JsonWriter w, Counterexample c)
    {
        w.WriteStartObject("counterexample");
        w.WriteString("method", c.Method);
        w.WriteBoolean("exact", c.Exact);
        if (c.Seed is { } seed) w.WriteNumber("seed", seed);
        else w.WriteNull("seed");
        w.WriteStartObject("dimensions");
        foreach (var (name, size) in c.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteNumber(name, size);
        w.WriteEndObject();
        w.WriteStartObject("values");
        foreach (var (name, rows) in c.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartArray(name);
            foreach (var row in rows)
            {
                w.WriteStartArray();
                foreach (var v in row) w.WriteStringValue(v);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("index_values");
        foreach (var (name, value) in c.IndexValues.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteNumber(name, value);
        w.WriteEndObject();
        w.WriteString("left", c.Left);
        w.WriteString("right", c.Right);
        w.WriteStartArray("differences");
        foreach (var d in c.Differences) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteString("description", c.Description);
        w.WriteEndObject();
    }

    // Only for an entry the hypothesis search ran on: its outcome, every candidate tried and the sets found.
    private static void WriteHypotheses(Utf8JsonWriter w, HypothesisReport h)
    {
        w.WriteStartObject("hypotheses");
        w.WriteString("outcome", h.Outcome);
        w.WriteStartArray("found");
        foreach (var f in h.Found)
        {
            w.WriteStartObject();
            w.WriteString("set", f.Set);
            w.WriteString("verdict", f.Verdict);
            w.WriteString("evidence", f.Evidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("tried");
        foreach (var t in h.Tried)
        {
            w.WriteStartObject();
            w.WriteString("set", t.Set);
            w.WriteString("verdict", t.Verdict);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
