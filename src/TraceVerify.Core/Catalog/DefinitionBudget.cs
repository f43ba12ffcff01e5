using System.Globalization;
using TraceVerify.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// The size and depth of an entry's expressions with every `where:` name inlined, computed before binding:
// the binder binds a definition again at each use, so a chain `D_k: D_(k-1) + D_(k-1)` of 35 lines has 2^30
// leaves, and a chain `D_k: D_(k-1) + A` of 6,000 lines is 6,000 levels deep. Either would exhaust memory or
// the stack of every later pass; here it is a located diagnostic (TV0108) at the first definition (or text)
// past the limit, found in time linear in the catalog text.
//
// Sizes are counted in syntax nodes, a reference to a definition counting as its inlined size (saturating, so
// no overflow however long the chain); depth counts tree levels the same way. Definitions are measured in
// dependency order with an explicit stack, never by recursion. A cycle is left to the binder (TV0209): a name
// met again while its own size is still being computed counts as one node.
internal static class DefinitionBudget
{
    // Ten times the parser's node cap: room for a definition used in several places, far from exhausting memory.
    public const long MaxInlinedNodes = 10L * Parser.MaxNodes;

    public const int MaxInlinedDepth = Parser.MaxDepth;

    // `definitions` maps each where-name to its parsed text; `roots` are the entry's other parsed texts by source.
    public static Diagnostic? Check(IReadOnlyList<NamedText> where, IReadOnlyDictionary<string, SyntaxNode> definitions,
        IReadOnlyDictionary<string, (SyntaxNode Node, SourceText Text)> roots)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(roots);
        var measured = new Dictionary<string, (long Size, int Depth)>(StringComparer.Ordinal);
        var inProgress = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in where)
        {
            if (!definitions.ContainsKey(definition.Name)) continue;
            var pending = new Stack<string>();
            pending.Push(definition.Name);
            while (pending.Count > 0)
            {
                var name = pending.Peek();
                if (measured.ContainsKey(name)) { pending.Pop(); continue; }
                inProgress.Add(name);
                var unmeasured = References(definitions[name], definitions).Where(r => !measured.ContainsKey(r) && !inProgress.Contains(r)).ToList();
                if (unmeasured.Count > 0)
                {
                    foreach (var reference in unmeasured) pending.Push(reference);
                    continue;
                }
                pending.Pop();
                inProgress.Remove(name);
                measured[name] = Measure(definitions[name], definitions, measured);
            }
            if (Exceeded(measured[definition.Name]) is { } what)
                return Diagnostic.Error(DiagnosticCodes.DefinitionsTooLarge, $"`{definition.Name}` with its `where:` definitions inlined {what}", definition.Value.Start);
        }
        foreach (var (source, (node, text)) in roots)
        {
            if (Exceeded(Measure(node, definitions, measured)) is { } what)
                return Diagnostic.Error(DiagnosticCodes.DefinitionsTooLarge, $"`{source}` with its `where:` definitions inlined {what}", text.Start);
        }
        return null;
    }

    private static string? Exceeded((long Size, int Depth) measure) =>
        measure.Depth > MaxInlinedDepth
            ? string.Create(CultureInfo.InvariantCulture, $"is nested more than {MaxInlinedDepth} levels deep ({measure.Depth}); shorten the chain of definitions")
            : measure.Size > MaxInlinedNodes
                ? string.Create(CultureInfo.InvariantCulture, $"has more than {MaxInlinedNodes} nodes ({(measure.Size == long.MaxValue ? "astronomically many" : measure.Size.ToString(CultureInfo.InvariantCulture))}); a definition used twice in the next one doubles the size")
                : null;

    private static IEnumerable<string> References(SyntaxNode root, IReadOnlyDictionary<string, SyntaxNode> definitions) =>
        Nodes(root).Select(p => p.Node).OfType<NameSyntax>().Select(n => n.Name).Where(definitions.ContainsKey).Distinct(StringComparer.Ordinal);

    // Size and depth of one tree, each reference to a measured definition standing for its inlined tree.
    private static (long Size, int Depth) Measure(SyntaxNode root, IReadOnlyDictionary<string, SyntaxNode> definitions, Dictionary<string, (long Size, int Depth)> measured)
    {
        long size = 0;
        var depth = 0;
        foreach (var (node, level) in Nodes(root))
        {
            var (nodeSize, nodeDepth) = node is NameSyntax name && definitions.ContainsKey(name.Name) && measured.TryGetValue(name.Name, out var inlined)
                ? inlined
                : (1L, 1);
            size = size > long.MaxValue - nodeSize ? long.MaxValue : size + nodeSize;
            depth = Math.Max(depth, (int)Math.Min(int.MaxValue, (long)level - 1 + nodeDepth));
        }
        return (size, depth);
    }

    private static IEnumerable<(SyntaxNode Node, int Level)> Nodes(SyntaxNode root)
    {
        var pending = new Stack<(SyntaxNode, int)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, level) = pending.Pop();
            yield return (node, level);
            foreach (var child in TreeDepth.Children(node)) pending.Push((child, level + 1));
        }
    }
}
