using System.Globalization;
using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// The largest literal size the numeric methods (fuzz, Z3) evaluate. They expand every matrix entry by entry,
// so a declared `100000 x 100000` would need 10^10 exact rationals per matrix (or as many Z3 constants); above
// the cap they decline ("inconclusive") and only the symbolic engine, which never looks at sizes, decides.
// Dimension variables are unaffected: the numeric methods choose their sizes themselves (small ones).
internal static class EvaluableSize
{
    public const int MaxLiteralSize = 64;

    // Why the numeric methods decline this entry, or null when every literal size is within the cap.
    public static string? Decline(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var largest = 0;
        void See(Dim dim)
        {
            foreach (var known in Dim.Atoms(dim).OfType<KnownDim>()) largest = Math.Max(largest, known.Size);
        }
        foreach (var shape in entry.Symbols.Values) { See(shape.Rows); See(shape.Columns); }
        foreach (var index in entry.FreeIndices) See(index.Range);
        IEnumerable<Expr> roots = [.. entry.Sides, .. new[] { entry.Of, entry.Wrt, entry.SecondWrt }.OfType<Expr>()];
        foreach (var root in roots) DimensionMap.Apply(root, d => { See(d); return d; });
        return largest > MaxLiteralSize
            ? string.Create(CultureInfo.InvariantCulture, $"literal size above the evaluable cap: a size of {largest} is declared or implied, and numeric methods evaluate literal sizes up to {MaxLiteralSize}; only the symbolic engine decides this entry")
            : null;
    }
}
