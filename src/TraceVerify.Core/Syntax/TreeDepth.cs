namespace TraceVerify.Syntax;

// The depth of a syntax tree (a leaf is 1) and its deepest node, found without recursion, so that any tree
// the parser can build, however deep, is measured safely before a recursive pass sees it.
internal static class TreeDepth
{
    public static (int Depth, SyntaxNode Node) Deepest(SyntaxNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var deepest = (Depth: 0, Node: root);
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > deepest.Depth) deepest = (depth, node);
            foreach (var child in Children(node)) pending.Push((child, depth + 1));
        }
        return deepest;
    }

    public static IReadOnlyList<SyntaxNode> Children(SyntaxNode node) => node switch
    {
        CallSyntax c => [c.Argument],
        BinarySyntax b => [b.Left, b.Right],
        NegateSyntax n => [n.Operand],
        TransposeSyntax t => [t.Operand],
        PowerSyntax p => [p.Base],
        RationalPowerSyntax p => [p.Base],
        EntrySyntax e => [e.Target],
        BinderSyntax b => [b.Body],
        MatrixLiteralSyntax m => [.. m.Rows.SelectMany(r => r)],
        NumberSyntax or NameSyntax or SizedConstantSyntax => [],
        _ => throw new System.Diagnostics.UnreachableException($"no children rule for {node.GetType().Name}"),
    };
}
