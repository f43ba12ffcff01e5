using System.Text;
using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// Writes one catalog entry as YAML text: the field order of identities.yaml, the latex single-quoted (as
// printed, with '' for '), expressions double-quoted, and the shapes the binder inferred written out.
internal static class EntryYaml
{
    private static readonly string[] DimensionNames = ["m", "n", "p", "q", "r", "s", "t", "u", "v", "w"];

    public static string Write(string id, string eq, string? title, string? latex, LatexDraft draft, IReadOnlyList<string> claims, IReadOnlyDictionary<string, Shape>? shapes)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(claims);
        var b = new StringBuilder();
        b.Append("- id: ").Append(id).Append('\n');
        b.Append("  eq: ").Append(Quote(eq)).Append('\n');
        if (title is not null) b.Append("  title: ").Append(Quote(title)).Append('\n');
        b.Append("  kind: ").Append(draft.Kind switch { EntryKind.Derivative => "derivative", EntryKind.Equality => "equality", _ => "definition" }).Append('\n');
        if (latex is not null) b.Append("  latex: '").Append(latex.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        if (shapes is { Count: > 0 })
        {
            // Dimensions renamed m, n, p, … in order of first use: only their identity matters.
            var ordered = shapes.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
            var names = new Dictionary<Dim, Dim>();
            foreach (var dim in ordered.SelectMany(p => new[] { p.Value.Rows, p.Value.Columns }).SelectMany(Dim.Atoms).OfType<DimVariable>())
            {
                if (!names.ContainsKey(dim)) names[dim] = names.Count < DimensionNames.Length ? new DimVariable(DimensionNames[names.Count]) : dim;
            }
            Dim Rename(Dim d) => Dim.MapAtoms(d, a => names.TryGetValue(a, out var renamed) ? renamed : a);
            b.Append("  shapes:\n");
            foreach (var (name, shape) in ordered) b.Append("    ").Append(name).Append(": ").Append(Declaration(new Shape(Rename(shape.Rows), Rename(shape.Columns)))).Append('\n');
        }
        switch (draft.Kind)
        {
            case EntryKind.Derivative:
                b.Append("  of: ").Append(Quote(draft.Of!)).Append('\n');
                b.Append("  wrt: ").Append(Quote(draft.Wrt!)).Append('\n');
                List("claim", claims);
                break;
            case EntryKind.Equality:
                if (claims.Count == 2)
                {
                    b.Append("  lhs: ").Append(Quote(claims[0])).Append('\n');
                    b.Append("  rhs: ").Append(Quote(claims[1])).Append('\n');
                }
                else List("chain", claims);
                break;
            default:
                b.Append("  expr: ").Append(Quote(claims[0])).Append('\n');
                break;
        }
        return b.ToString();

        void List(string field, IReadOnlyList<string> items)
        {
            if (items.Count == 1) { b.Append("  ").Append(field).Append(": ").Append(Quote(items[0])).Append('\n'); return; }
            b.Append("  ").Append(field).Append(":\n");
            foreach (var item in items) b.Append("    - ").Append(Quote(item)).Append('\n');
        }
    }

    // `m x n`, `n` for a column vector, `scalar`; the binder's dimension names.
    public static string Declaration(Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.IsScalar) return "scalar";
        return shape.Columns.IsOne ? shape.Rows.ToString()! : $"{shape.Rows} x {shape.Columns}";
    }

    // Double quotes keep any expression a valid YAML scalar.
    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
