using System.Text;
using TraceVerify.Catalog;

namespace TraceVerify.Reporting;

// A counterexample as text a reader can paste: sizes, seed, and every value as `A = [1 -1; 0 2]`.
internal static class CounterexampleText
{
    public static string Render(Counterexample c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var b = new StringBuilder();
        b.Append($"counterexample ({c.Method}, {(c.Exact ? "exact arithmetic" : "rigorous interval bound")}");
        if (c.Seed is { } seed) b.Append($", seed {seed}");
        b.Append(")\n");
        if (c.Dimensions.Count > 0) b.Append("  sizes: ").AppendJoin(", ", c.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}")).Append('\n');
        if (c.IndexValues.Count > 0) b.Append("  indices: ").AppendJoin(", ", c.IndexValues.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}")).Append('\n');
        foreach (var (name, rows) in c.Values.OrderBy(p => p.Key, StringComparer.Ordinal)) b.Append($"  {name} = {Matrix(rows)}\n");
        b.Append($"  left:  {c.Left}\n  right: {c.Right}\n");
        foreach (var d in c.Differences) b.Append($"  differs at {d}\n");
        b.Append($"  {c.Description}\n");
        return b.ToString();
    }

    public static string Matrix(IReadOnlyList<IReadOnlyList<string>> rows) =>
        "[" + string.Join("; ", rows.Select(r => string.Join(" ", r))) + "]";
}
