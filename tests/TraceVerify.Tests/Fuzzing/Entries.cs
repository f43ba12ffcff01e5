using TraceVerify.Catalog;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Fuzzing;

// Builds BoundEntry values from source text as one catalog entry would be bound: every text in one
// Binder (so shapes are final), then each resolved; symbols and free indices with resolved dimensions;
// Dimensions the distinct dimension-variable names that remain.
internal static class Entries
{
    public static BoundEntry Equality(params string[] sides) => Build("equality", EntryKind.Equality, sides, null, null, null, null);

    public static BoundEntry Equality(IReadOnlyDictionary<string, string> shapes, params string[] sides) =>
        Build("equality", EntryKind.Equality, sides, null, null, null, shapes);

    public static BoundEntry Derivative(string of, string wrt, params string[] claims) =>
        Build("derivative", EntryKind.Derivative, claims, of, wrt, null, null);

    public static BoundEntry Derivative(string of, string wrt, string[] claims, IReadOnlyDictionary<string, string>? frozen, IReadOnlyDictionary<string, string>? shapes = null) =>
        Build("derivative", EntryKind.Derivative, claims, of, wrt, frozen, shapes);

    public static BoundEntry Definition(string expr) => Build("definition", EntryKind.Definition, [expr], null, null, null, null);

    private static BoundEntry Build(
        string id,
        EntryKind kind,
        string[] sides,
        string? of,
        string? wrt,
        IReadOnlyDictionary<string, string>? frozen,
        IReadOnlyDictionary<string, string>? shapes)
    {
        var declared = (shapes ?? new Dictionary<string, string>()).ToDictionary(
            p => p.Key, p => ShapeDeclaration.TryParse(p.Value, out var d) ? d : throw new ArgumentException(p.Value));
        var frozenMap = new Dictionary<string, string>(frozen ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var binder = new Binder(declared, null, frozenMap);
        var texts = (of is null ? [] : new[] { of, wrt! }).Concat(sides).ToArray();
        var nodes = texts.Select(text =>
        {
            var parsed = Parser.Parse(text);
            Assert.True(parsed.Succeeded, $"{text}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            return parsed.Node!;
        }).ToArray();
        foreach (var node in nodes) binder.CollectScalarHints(node);
        var bound = nodes.Select(node => binder.Bind(node, id)).ToArray();
        Assert.True(binder.Errors.Count == 0, string.Join("; ", binder.Errors.Select(e => e.Message)));
        // A bare `0` side takes its shape from the entry, as the entry binder gives it; other sides stay as
        // bound (a method sees any entry it is given).
        var target = of is null ? Shapes.Of(bound[0]!) : bound[1] is SymbolExpr variable ? variable.Shape : Shape.Scalar;
        foreach (var side in bound.Skip(of is null ? 1 : 2).OfType<ZerosExpr>()) binder.UnifyShapes(target, Shapes.Of(side));
        var resolved = bound.Select(e => binder.Resolve(e!)).ToArray();
        var symbols = binder.ResolvedSymbols();
        var free = binder.ResolvedFreeIndices().Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToArray();
        var dimensions = new SortedSet<string>(StringComparer.Ordinal);
        Dim Note(Dim d)
        {
            if (d is DimVariable v) dimensions.Add(v.Name);
            return d;
        }

        foreach (var expr in resolved) DimensionMap.Apply(expr, Note);
        foreach (var shape in symbols.Values)
        {
            Note(shape.Rows);
            Note(shape.Columns);
        }

        foreach (var index in free) Note(index.Range);
        var offset = of is null ? 0 : 2;
        return new BoundEntry(
            id,
            kind,
            resolved[offset..],
            of is null ? null : resolved[0],
            of is null ? null : resolved[1],
            frozenMap,
            symbols,
            free,
            [.. dimensions]);
    }
}
