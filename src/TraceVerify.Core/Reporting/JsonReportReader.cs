using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// Reads a JSON report (the contract JsonReport writes) back into a Report: the one reader behind `--baseline`
// and `merge`. Invariant: for every report r, Read(Render(r)) renders again to the same JSON, so a report
// read back renders in every format as the original would have (fields JSON does not carry — none that a
// renderer uses — are left empty). Only "tool" and each entry's "id", "file" and "verdict" are required, so
// a report of an older version still serves as a baseline; every other field takes its empty value when
// absent, and a field of the wrong type or an unknown verdict, expectation or kind makes the report
// unreadable. Problems name the document (`the baseline`, `shard-2.json`) and the entry.
internal static class JsonReportReader
{
    private static readonly IReadOnlyDictionary<string, Verdict> Verdicts =
        Enum.GetValues<Verdict>().ToDictionary(Expectations.Text, v => v, StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, EntryKind> Kinds =
        Enum.GetValues<EntryKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => k, StringComparer.Ordinal);

    public static (Report? Report, string? Problem) Read(JsonElement root, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (root.ValueKind != JsonValueKind.Object) return (null, $"{name} is not a JSON object");
        if (!root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.String || tool.GetString() != CheckRun.ToolName)
            return (null, $"{name} is not a {CheckRun.ToolName} JSON report (no \"tool\": \"{CheckRun.ToolName}\")");
        if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            return (null, $"{name} has no \"entries\" list");
        var fields = new Fields();
        var results = new List<EntryResult>();
        var k = 0;
        foreach (var item in entries.EnumerateArray())
        {
            k++;
            if (item.ValueKind != JsonValueKind.Object) return (null, $"entry {k} of {name} is not an object");
            var entry = ReadEntry(item, k, name, fields);
            if (fields.Problem is not null) return (null, fields.Problem);
            results.Add(entry!);
        }
        var report = new Report(
            CheckRun.ToolName,
            fields.Text(root, "version") ?? "",
            fields.Long(root, "seed") ?? 0,
            fields.Texts(root, "catalogs"),
            results,
            fields.Text(root, "z3_version"))
        {
            CatalogDigest = fields.Text(root, "catalog_digest"),
            CatalogErrors = fields.Array(root, "catalog_errors", fields.Diagnostic),
            Shard = ReadShard(root, fields),
            CatalogEntries = fields.Array(root, "catalog_entries", e => new EntryKey(fields.Text(e, "file") ?? "", fields.Text(e, "id") ?? "")),
        };
        return fields.Problem is { } problem ? (null, $"{name}: {problem}") : (report, null);
    }

    private static EntryResult? ReadEntry(JsonElement item, int k, string name, Fields fields)
    {
        var id = fields.Text(item, "id");
        var file = fields.Text(item, "file");
        var verdictText = fields.Text(item, "verdict");
        if (id is null || file is null || verdictText is null)
        {
            fields.Restate($"entry {k} of {name} lacks a string \"id\", \"file\" or \"verdict\"");
            return null;
        }
        var at = $"entry {k} (`{id}`) of {name}";
        if (!Verdicts.TryGetValue(verdictText, out var verdict))
        {
            fields.Fail($"{at} has an unknown verdict \"{verdictText}\"");
            return null;
        }
        var expected = ExpectedVerdict.Holds;
        if (fields.Text(item, "expected") is { } expectedText && !Expectations.TryParse(expectedText, out expected))
            fields.Fail($"unknown expectation \"{expectedText}\"");
        EntryKind? kind = null;
        if (fields.Text(item, "kind") is { } kindText)
        {
            if (Kinds.TryGetValue(kindText, out var known)) kind = known;
            else fields.Fail($"unknown kind \"{kindText}\"");
        }
        var details = new EntryDetails(
            fields.Text(item, "title"),
            fields.Text(item, "latex"),
            fields.Text(item, "note"),
            fields.Texts(item, "texts"),
            fields.Text(item, "derived"),
            fields.Text(item, "corrected"),
            fields.Texts(item, "term_comparison"),
            fields.Texts(item, "canonical_forms"));
        var empty = details is { Title: null, Latex: null, Note: null, Derived: null, Corrected: null, Texts.Count: 0, TermComparison.Count: 0, CanonicalForms.Count: 0 };
        var result = new EntryResult(
            id,
            fields.Text(item, "eq") ?? "",
            file,
            fields.Int(item, "line") ?? 0,
            fields.Int(item, "column") ?? 0,
            kind,
            verdict,
            expected,
            fields.Array(item, "methods", m => new MethodResult(fields.Text(m, "name") ?? "", fields.Text(m, "outcome") ?? "", fields.Text(m, "detail") ?? "")),
            fields.Object(item, "counterexample", c => ReadCounterexample(c, fields)),
            fields.Text(item, "suggestion"),
            fields.Array(item, "diagnostics", fields.Diagnostic),
            fields.Double(item, "seconds") ?? 0,
            empty ? null : details)
        {
            Hypotheses = fields.Object(item, "hypotheses", h => new HypothesisReport(
                fields.Text(h, "outcome") ?? "",
                fields.Array(h, "tried", t => new HypothesisCandidate(fields.Text(t, "set") ?? "", fields.Text(t, "verdict") ?? "")),
                fields.Array(h, "found", f => new HypothesisFinding(fields.Text(f, "set") ?? "", fields.Text(f, "verdict") ?? "", fields.Text(f, "evidence") ?? "")))),
        };
        if (fields.Problem is { } problem) fields.Restate($"{at}: {problem}");
        return result;
    }

    private static Counterexample ReadCounterexample(JsonElement c, Fields fields) => new(
        fields.Text(c, "method") ?? "",
        fields.Bool(c, "exact") ?? false,
        fields.Long(c, "seed"),
        fields.Map(c, "dimensions", v => fields.Int(v) ?? 0),
        fields.Map<IReadOnlyList<IReadOnlyList<string>>>(c, "values", rows => fields.Items(rows, row => (IReadOnlyList<string>)fields.Items(row, v => fields.Text(v) ?? ""))),
        fields.Map(c, "index_values", v => fields.Int(v) ?? 0),
        fields.Text(c, "left") ?? "",
        fields.Text(c, "right") ?? "",
        fields.Texts(c, "differences"),
        fields.Text(c, "description") ?? "");

    private static Shard? ReadShard(JsonElement root, Fields fields) => fields.Object(root, "shard", s =>
    {
        var (index, count) = (fields.Int(s, "index") ?? 0, fields.Int(s, "count") ?? 0);
        if (count < 1 || index < 1 || index > count) fields.Fail($"\"shard\" must have 1 ≤ index ≤ count, found {index}/{count}");
        return new Shard(index, count);
    });

    // Typed access to optional fields; the first type error is kept as Problem and reading goes on with
    // empty values, so callers check Problem once.
    private sealed class Fields
    {
        public string? Problem { get; private set; }

        public void Fail(string problem) => Problem ??= problem;

        public void Restate(string problem) => Problem = problem;

        public string? Text(JsonElement obj, string field) => Get(obj, field, JsonValueKind.String) is { } v ? Text(v) : null;

        public string? Text(JsonElement v) => Expect(v, JsonValueKind.String) ? v.GetString() : null;

        public int? Int(JsonElement obj, string field) => Get(obj, field, JsonValueKind.Number) is { } v ? Int(v) : null;

        public int? Int(JsonElement v) => Expect(v, JsonValueKind.Number) && v.TryGetInt32(out var n) ? n : Invalid<int>("a 32-bit integer");

        public long? Long(JsonElement obj, string field) =>
            Get(obj, field, JsonValueKind.Number) is { } v ? v.TryGetInt64(out var n) ? n : Invalid<long>("a 64-bit integer") : null;

        public double? Double(JsonElement obj, string field) => Get(obj, field, JsonValueKind.Number)?.GetDouble();

        public bool? Bool(JsonElement obj, string field)
        {
            if (!obj.TryGetProperty(field, out var v) || v.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
                return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
            Fail($"\"{field}\" is {Describe(v.ValueKind)}, expected a boolean");
            return null;
        }

        public IReadOnlyList<string> Texts(JsonElement obj, string field) => Array(obj, field, v => Text(v) ?? "");

        public IReadOnlyList<T> Array<T>(JsonElement obj, string field, Func<JsonElement, T> read) =>
            Get(obj, field, JsonValueKind.Array) is { } v ? Items(v, read) : [];

        public IReadOnlyList<T> Items<T>(JsonElement array, Func<JsonElement, T> read) =>
            Expect(array, JsonValueKind.Array) ? array.EnumerateArray().Select(read).ToArray() : [];

        public T? Object<T>(JsonElement obj, string field, Func<JsonElement, T> read) where T : class =>
            Get(obj, field, JsonValueKind.Object) is { } v ? read(v) : null;

        public IReadOnlyDictionary<string, T> Map<T>(JsonElement obj, string field, Func<JsonElement, T> read) =>
            Get(obj, field, JsonValueKind.Object) is { } v ? v.EnumerateObject().ToDictionary(p => p.Name, p => read(p.Value), StringComparer.Ordinal) : new Dictionary<string, T>();

        public Diagnostic Diagnostic(JsonElement d)
        {
            var severity = Text(d, "severity") switch
            {
                "warning" => Severity.Warning,
                "error" or null => Severity.Error,
                var other => Invalid<Severity>($"a severity \"error\" or \"warning\", found \"{other}\"") ?? Severity.Error,
            };
            var file = Text(d, "file");
            SourceLocation? at = file is null ? null : new SourceLocation(file, Int(d, "line") ?? 1, Int(d, "column") ?? 1, Int(d, "length") ?? 1);
            return new Diagnostic(Text(d, "code") ?? "", severity, Text(d, "message") ?? "", at);
        }

        // The field's value when present and of the kind; null when absent or JSON null; a problem otherwise.
        private JsonElement? Get(JsonElement obj, string field, JsonValueKind kind)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == kind) return v;
            Fail($"\"{field}\" is {Describe(v.ValueKind)}, expected {Describe(kind)}");
            return null;
        }

        private bool Expect(JsonElement v, JsonValueKind kind)
        {
            if (v.ValueKind == kind) return true;
            Fail($"a value is {Describe(v.ValueKind)}, expected {Describe(kind)}");
            return false;
        }

        private T? Invalid<T>(string expected) where T : struct
        {
            Fail($"a value is not {expected}");
            return null;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
