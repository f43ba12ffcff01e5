using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// SARIF 2.1.0 for code-scanning views. Results: one per error diagnostic, one per refuted entry (TV1000), and
// one for an entry that misses its expectation without either (TV1001 ill-formed without an error, TV1002
// e.g. undecided where `holds` was expected), so every entry that fails the gate shows up somewhere.
// An entry whose verdict matches its expectation (a known erratum marked `expect: refuted`) is reported at
// level "note": visible, but not an alert. Paths are relative URIs under the base id SRCROOT.
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "SRCROOT";
    public const string RefutedIdentity = "TV1000";
    public const string IllFormedEntry = "TV1001";
    public const string UnmetExpectation = "TV1002";

    private static readonly IReadOnlyDictionary<string, string> OwnRules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RefutedIdentity] = "refuted-identity",
        [IllFormedEntry] = "ill-formed-entry",
        [UnmetExpectation] = "unmet-expectation",
    };

    private static readonly IReadOnlyDictionary<string, string> OwnDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RefutedIdentity] = "a counterexample shows the identity is false",
        [IllFormedEntry] = "the entry is ill-formed",
        [UnmetExpectation] = "the verdict does not match the entry's `expect`",
    };

    // Rule names come from the constant names in DiagnosticCodes (ShapeMismatch → shape-mismatch), so a new
    // code is named the moment it exists and no second table can fall out of step.
    private static readonly IReadOnlyDictionary<string, string> CodeNames = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => Kebab(f.Name), StringComparer.Ordinal);

    private sealed record Finding(string RuleId, string Level, string Message, string File, int Line, int Column, int? EndColumn, EntryResult Entry);

    public static string Render(Report report) => Render(report, sourceRoot: null);

    // sourceRoot makes absolute catalog paths relative to it (and is declared as SRCROOT); a path outside it
    // stays an absolute file: URI.
    public static string Render(Report report, string? sourceRoot)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = report.Entries.SelectMany(Findings).ToList();
        var rules = Rules(report, findings);
        var ruleIndex = rules.Select((r, k) => (r.Id, k)).ToDictionary(p => p.Id, p => p.k, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", report.Tool);
            w.WriteString("version", report.Version);
            w.WriteString("semanticVersion", report.Version);
            w.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(w, rule);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            if (sourceRoot is not null)
            {
                w.WriteStartObject("originalUriBaseIds");
                w.WriteStartObject(SourceRootId);
                w.WriteString("uri", DirectoryUri(sourceRoot));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var f in findings) WriteResult(w, f, ruleIndex[f.RuleId], sourceRoot);
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteNumber("seed", report.Seed);
            if (report.Z3Version is { } z3) w.WriteString("z3Version", z3);
            w.WriteString("summary", ReportText.Headline(report) + "; " + ReportText.Mismatches(report));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static IEnumerable<Finding> Findings(EntryResult e)
    {
        var level = e.MatchesExpected ? "note" : "error";
        var errors = e.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        foreach (var d in errors)
        {
            var at = d.Location;
            yield return new Finding(d.Code, level, Printable.Escape($"{d.Message} [{ReportText.EntryName(e)}]"), at?.File ?? e.File, at?.Line ?? e.Line, at?.Column ?? e.Column,
                at is null ? null : at.Column + at.Length, e);
        }
        if (e.Verdict == Verdict.Refuted)
        {
            // The claim's own position is known only through a diagnostic located in it; else the entry's.
            var claim = e.Diagnostics.Select(d => d.Location).FirstOrDefault(l => l is not null && l.File == e.File && l.Line >= e.Line);
            yield return new Finding(RefutedIdentity, level, RefutedMessage(e), e.File, claim?.Line ?? e.Line, claim?.Column ?? e.Column, null, e);
        }
        else if (e.Verdict == Verdict.IllFormed && errors.Count == 0)
        {
            yield return new Finding(IllFormedEntry, level, Printable.Escape($"{ReportText.EntryName(e)}: {ReportText.Outcome(e)}"), e.File, e.Line, e.Column, null, e);
        }
        else if (!e.MatchesExpected && errors.Count == 0)
        {
            yield return new Finding(UnmetExpectation, level, Printable.Escape($"{ReportText.EntryName(e)}: {ReportText.Outcome(e)}; evidence: {ReportText.Evidence(e)}"), e.File, e.Line, e.Column, null, e);
        }
    }

    private static string RefutedMessage(EntryResult e)
    {
        var lines = new List<string> { $"{ReportText.EntryName(e)}: {ReportText.Outcome(e)}" };
        if (e.Counterexample is { } c)
        {
            lines.Add(ReportText.CounterexampleHeader(c));
            if (c.Dimensions.Count > 0) lines.Add("  sizes: " + ReportText.Assignments(c.Dimensions));
            if (c.IndexValues.Count > 0) lines.Add("  indices: " + ReportText.Assignments(c.IndexValues));
            lines.AddRange(c.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"  {p.Key} = {CounterexampleText.Matrix(p.Value)}"));
            lines.Add("  left:  " + c.Left);
            lines.Add("  right: " + c.Right);
        }
        if (e.Suggestion is { } s) lines.Add("suggestion: " + s);
        if (e.Details?.Corrected is { } corrected) lines.Add("corrected: " + corrected);
        return string.Join("\n", lines.Select(Printable.Escape));
    }

    private sealed record Rule(string Id, string Name, string Description, string Level);

    // Our own rules first when used, then every diagnostic code the report uses, in code order.
    private static List<Rule> Rules(Report report, List<Finding> findings)
    {
        var rules = new List<Rule>();
        foreach (var id in new[] { RefutedIdentity, IllFormedEntry, UnmetExpectation })
        {
            if (id == RefutedIdentity || findings.Any(f => f.RuleId == id)) rules.Add(new Rule(id, OwnRules[id], OwnDescriptions[id], "error"));
        }
        var used = report.Entries.SelectMany(e => e.Diagnostics).GroupBy(d => d.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in used)
        {
            var name = CodeNames.TryGetValue(group.Key, out var known) ? known : group.Key.ToLowerInvariant();
            var level = group.Any(d => d.Severity == Severity.Error) ? "error" : "warning";
            rules.Add(new Rule(group.Key, name, name.Replace('-', ' '), level));
        }
        return rules;
    }

    private static void WriteRule(Utf8JsonWriter w, Rule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Description);
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", rule.Level);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding f, int ruleIndex, string? sourceRoot)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", f.Level);
        w.WriteStartObject("message");
        w.WriteString("text", f.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(f.File, sourceRoot);
        w.WriteString("uri", uri);
        if (relative) w.WriteString("uriBaseId", SourceRootId);
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, f.Line));
        w.WriteNumber("startColumn", Math.Max(1, f.Column));
        if (f.EndColumn is { } end && end > f.Column) w.WriteNumber("endColumn", end);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WriteString("id", Printable.Escape(f.Entry.Id));
        w.WriteString("eq", Printable.Escape(f.Entry.Eq));
        w.WriteString("verdict", Expectations.Text(f.Entry.Verdict));
        w.WriteString("expected", Expectations.Text(f.Entry.Expected));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // A relative path becomes a relative URI (segments percent-encoded, `/` separators); an absolute path
    // under sourceRoot is made relative to it; any other absolute path stays an absolute file: URI.
    public static (string Uri, bool Relative) ArtifactUri(string path, string? sourceRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = path;
        if (Path.IsPathRooted(file) && sourceRoot is not null)
        {
            var relative = Path.GetRelativePath(sourceRoot, file);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) file = relative;
        }
        if (Path.IsPathRooted(file)) return (new Uri(Path.GetFullPath(file)).AbsoluteUri, false);
        var segments = file.Replace('\\', '/').Split('/').Where(s => s.Length > 0 && s != ".");
        return (string.Join('/', segments.Select(Uri.EscapeDataString)), true);
    }

    private static string DirectoryUri(string directory)
    {
        var uri = new Uri(Path.GetFullPath(directory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static string Kebab(string pascal)
    {
        var b = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && b.Length > 0) b.Append('-');
            b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString();
    }
}
