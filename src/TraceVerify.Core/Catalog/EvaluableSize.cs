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
    // A product size (kron, vec, `y: n*q`) counts as the product of its literal factors: kron(A, A) of a
    // 64×64 A has 4096 rows, and a tower of them would overflow any integer (saturated at the cap).
    public static string? Decline(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var largest = Sizes(entry).Select(d => SaturatedSize(d, _ => 1)).DefaultIfEmpty(0).Max();
        return largest > MaxLiteralSize
            ? string.Create(CultureInfo.InvariantCulture, $"literal size above the evaluable cap: a size above {MaxLiteralSize} is declared or implied, and numeric methods evaluate literal sizes up to {MaxLiteralSize}; only the symbolic engine decides this entry")
            : null;
    }

    // Every product size the entry declares or implies (kron, vec, `y: n*q`), for the numeric methods to keep
    // within the cap when they choose sizes for its letters.
    public static IReadOnlyList<ProductDim> Products(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return [.. Sizes(entry).OfType<ProductDim>().Distinct()];
    }

    // Every size the entry declares or implies: its symbols', its free indices', every dimension its texts
    // mention, and the product shapes that arise inside an expression (kron of literal sizes, vec).
    private static IEnumerable<Dim> Sizes(BoundEntry entry)
    {
        var found = new List<Dim>();
        foreach (var shape in entry.Symbols.Values) found.AddRange([shape.Rows, shape.Columns]);
        found.AddRange(entry.FreeIndices.Select(i => i.Range));
        IEnumerable<Expr> roots = [.. entry.Sides, .. new[] { entry.Of, entry.Wrt, entry.SecondWrt }.OfType<Expr>()];
        foreach (var root in roots)
        {
            DimensionMap.Apply(root, d => { found.Add(d); return d; });
            foreach (var (node, _) in ExprNodes.Walk(root))
            {
                if (node is not (KroneckerProduct or VecExpr)) continue;
                var shape = Shapes.Of(node);
                found.AddRange([shape.Rows, shape.Columns]);
            }
        }
        return found;
    }

    // The size of a dimension with each letter at letterSize, saturated just above the cap (never overflows).
    private static long SaturatedSize(Dim dim, Func<DimVariable, long> letterSize)
    {
        long size = 1;
        foreach (var atom in Dim.Atoms(dim))
            size = Math.Min(size * (atom switch { KnownDim k => k.Size, DimVariable v => letterSize(v), _ => 1 }), (long)MaxLiteralSize + 1);
        return size;
    }

    // Sizes for the letters under which every product stays within the cap: while one exceeds it, its largest
    // letter shrinks by one (a letter at 1 never grows a product), so the result is a function of the draw and
    // every product of letters alone can reach size 1. Literal factors beyond the cap are Decline's business.
    public static void KeepProductsWithinCap(IDictionary<string, int> sizes, IReadOnlyList<ProductDim> products)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(products);
        foreach (var product in products)
        {
            while (SaturatedSize(product, v => sizes.TryGetValue(v.Name, out var n) ? n : 1) > MaxLiteralSize)
            {
                var largest = product.Factors.OfType<DimVariable>().Where(v => sizes.ContainsKey(v.Name) && sizes[v.Name] > 1).MaxBy(v => sizes[v.Name]);
                if (largest is null) break;
                sizes[largest.Name]--;
            }
        }
    }

    // Whether every product stays within the cap under these sizes of the letters.
    public static bool ProductsWithinCap(IReadOnlyDictionary<string, int> sizes, IReadOnlyList<ProductDim> products)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(products);
        var copy = new Dictionary<string, int>(sizes, StringComparer.Ordinal);
        KeepProductsWithinCap(copy, products);
        return copy.All(p => sizes[p.Key] == p.Value);
    }
}
