using System.Text.Json;
using TraceVerify.Symbolic;

namespace TraceVerify.Benchmarks;

// The list both sides of compare-sympy.sh read, as JSON: every derivative with each symbol's shape as the
// binder inferred it (dimension names such as "m", or sizes), so the SymPy side declares the same shapes.
//   [{"id": …, "label": …, "of": …, "wrt": …, "expected_terms": [...], "shapes": {"A": ["n", "m"], …}}, …]
internal static class DerivativeListFile
{
    public static void Write(string path, IEnumerable<DerivativeCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartArray();
        foreach (var c in cases)
        {
            var derivation = Derivation.Bind(c);
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("label", c.Label);
            w.WriteString("of", c.Of);
            w.WriteString("wrt", c.Wrt);
            w.WriteStartArray("expected_terms");
            foreach (var term in c.ExpectedTerms) w.WriteStringValue(term);
            w.WriteEndArray();
            w.WriteStartObject("shapes");
            foreach (var (name, shape) in derivation.Symbols.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray(name);
                WriteDim(w, shape.Rows);
                WriteDim(w, shape.Columns);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static IReadOnlyList<DerivativeCase> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => new DerivativeCase(
            e.GetProperty("id").GetString()!,
            e.GetProperty("label").GetString()!,
            e.GetProperty("of").GetString()!,
            e.GetProperty("wrt").GetString()!,
            e.GetProperty("expected_terms").EnumerateArray().Select(t => t.GetString()!).ToArray())).ToArray();
    }

    private static void WriteDim(Utf8JsonWriter w, Dim dim)
    {
        switch (dim)
        {
            case KnownDim k: w.WriteNumberValue(k.Size); break;
            case DimVariable v: w.WriteStringValue(v.Name); break;
            default: throw new InvalidOperationException($"no JSON form for {dim.GetType().Name}");
        }
    }
}
