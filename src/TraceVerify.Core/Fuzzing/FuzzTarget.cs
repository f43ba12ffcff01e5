using System.Diagnostics;
using TraceVerify.Catalog;
using TraceVerify.Symbolic;

namespace TraceVerify.Fuzzing;

// A BoundEntry read once for fuzzing: every dimension variable it mentions, the symbols that take
// generated values (all but frozen copies), which of them should be positive, and what a derivative
// differentiates. Unsupported names the reason when the entry cannot be fuzzed.
internal sealed class FuzzTarget
{
    private FuzzTarget(BoundEntry entry)
    {
        Entry = entry;
        Frozen = ResolveFrozen(entry);
        Dimensions = CollectDimensions(entry);
        Products = EvaluableSize.Products(entry);
        Inputs = entry.Symbols
            .Where(p => !Frozen.ContainsKey(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, p.Value))
            .ToArray();
        var positive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var side in entry.Sides) DomainScan.Collect(side, false, positive);
        if (entry.Of is not null) DomainScan.Collect(entry.Of, false, positive);
        Positive = positive.Select(name => Frozen.TryGetValue(name, out var original) ? original : name).ToHashSet(StringComparer.Ordinal);
        Unsupported = FindUnsupported(entry);
        if (Unsupported is null && entry.Kind == EntryKind.Derivative)
        {
            Variable = entry.VariableName!;
            VariableShape = entry.Wrt switch
            {
                SymbolExpr s => s.Shape,
                EntryExpr { Target: SymbolExpr s } => s.Shape,
                _ => throw new UnreachableException("FindUnsupported admits only symbols and their entries"),
            };
        }
    }

    public BoundEntry Entry { get; }

    // Every dimension variable's name: the entry's own list first, then any other one its expressions use.
    public IReadOnlyList<string> Dimensions { get; }

    // Symbols with generated values, by name.
    public IReadOnlyList<(string Name, Shape Shape)> Inputs { get; }

    // Frozen copy → the variable it copies (chains resolved; identity entries dropped).
    public IReadOnlyDictionary<string, string> Frozen { get; }

    public IReadOnlySet<string> Positive { get; }

    // The product sizes (kron, vec, `y: n*q`) that drawn sizes must keep within EvaluableSize's cap.
    public IReadOnlyList<ProductDim> Products { get; }

    public string? Unsupported { get; }

    // For a supported derivative: the differentiated symbol and its shape.
    public string Variable { get; } = "";

    public Shape VariableShape { get; } = Shape.Scalar;

    public static FuzzTarget Of(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new FuzzTarget(entry);
    }

    private static Dictionary<string, string> ResolveFrozen(BoundEntry entry)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (copy, original) in entry.Frozen)
        {
            var target = original;
            // A chain Z → Y → X ends at X; the step bound stops a (malformed) cycle.
            for (var steps = 0; steps < entry.Frozen.Count && entry.Frozen.TryGetValue(target, out var next) && next != target; steps++) target = next;
            if (!string.Equals(copy, target, StringComparison.Ordinal)) result[copy] = target;
        }

        return result;
    }

    private static string[] CollectDimensions(BoundEntry entry)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Dim Note(Dim dim)
        {
            foreach (var atom in Dim.Atoms(dim).OfType<DimVariable>()) found.Add(atom.Name);
            return dim;
        }

        foreach (var expr in entry.Sides.Append(entry.Of).Append(entry.Wrt).OfType<Expr>()) DimensionMap.Apply(expr, Note);
        foreach (var shape in entry.Symbols.Values)
        {
            Note(shape.Rows);
            Note(shape.Columns);
        }

        foreach (var index in entry.FreeIndices) Note(index.Range);
        var ordered = entry.Dimensions.Distinct(StringComparer.Ordinal).ToList();
        ordered.AddRange(found.Where(n => !ordered.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal));
        return [.. ordered];
    }

    private static string? FindUnsupported(BoundEntry entry)
    {
        if (EvaluableSize.Decline(entry) is { } tooLarge) return tooLarge;
        switch (entry.Kind)
        {
            case EntryKind.Definition:
                return "definition: nothing to fuzz";
            case EntryKind.Equality:
                return entry.Sides.Count < 2 ? "an equality needs at least two sides" : null;
            case EntryKind.Derivative:
                if (entry.Of is null || entry.Wrt is null || entry.Sides.Count == 0) return "a derivative needs `of`, `wrt` and a claim";
                return entry.Variables.All(v => v is SymbolExpr or EntryExpr { Target: SymbolExpr, Row: not SliceSlot, Column: not SliceSlot })
                    ? null
                    : "the variable must be a symbol or one entry of a symbol";
            default:
                return $"unknown entry kind {entry.Kind}";
        }
    }
}
