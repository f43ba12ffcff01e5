using TraceVerify.Catalog;

namespace TraceVerify.Tests.Soundness;

// Writes an entry, with its members replaced, as a catalog item. Every expression is double-quoted, so
// `'` (transpose), `:` and `#` stay literal.
internal static class MutantYaml
{
    public static string Write(string id, CatalogEntry entry, IReadOnlyList<string> members)
    {
        var lines = new List<string> { $"- id: {Quote(id)}", $"  kind: {(entry.Kind == EntryKind.Derivative ? "derivative" : "equality")}" };
        Mapping(lines, "shapes", entry.Shapes);
        Mapping(lines, "where", entry.Where);
        Mapping(lines, "frozen", entry.Frozen);
        if (entry.Kind == EntryKind.Derivative)
        {
            lines.Add($"  of: {Quote(entry.Of!.Text)}");
            lines.Add(entry.SecondWrt is { } second ? $"  wrt: [{Quote(entry.Wrt!.Text)}, {Quote(second.Text)}]" : $"  wrt: {Quote(entry.Wrt!.Text)}");
            if (entry.Layout is { } layout) lines.Add($"  layout: {Quote(layout.Text)}");
            lines.Add("  claim:");
            lines.AddRange(members.Select(m => $"    - {Quote(m)}"));
        }
        else if (members.Count == 2)
        {
            lines.Add($"  lhs: {Quote(members[0])}");
            lines.Add($"  rhs: {Quote(members[1])}");
        }
        else
        {
            lines.Add("  chain:");
            lines.AddRange(members.Select(m => $"    - {Quote(m)}"));
        }
        return string.Join('\n', lines) + '\n';
    }

    private static void Mapping(List<string> lines, string field, IReadOnlyList<NamedText> items)
    {
        if (items.Count == 0) return;
        lines.Add($"  {field}:");
        lines.AddRange(items.Select(i => $"    {Quote(i.Name)}: {Quote(i.Value.Text)}"));
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
