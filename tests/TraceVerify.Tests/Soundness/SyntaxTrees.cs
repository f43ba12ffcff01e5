using System.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// Walking and rebuilding syntax trees by node identity (syntax nodes are records, so equal subtrees compare
// equal: every lookup here is by reference).
internal static class SyntaxTrees
{
    public static IEnumerable<SyntaxNode> Children(SyntaxNode node) => node switch
    {
        NumberSyntax or NameSyntax or SizedConstantSyntax => [],
        CallSyntax c => [c.Argument],
        BinarySyntax b => [b.Left, b.Right],
        NegateSyntax n => [n.Operand],
        TransposeSyntax t => [t.Operand],
        PowerSyntax p => [p.Base],
        RationalPowerSyntax p => [p.Base],
        EntrySyntax e => [e.Target],
        BinderSyntax b => [b.Body],
        MatrixLiteralSyntax m => m.Rows.SelectMany(r => r),
        _ => throw new UnreachableException($"no children rule for {node.GetType().Name}"),
    };

    public static IEnumerable<SyntaxNode> All(SyntaxNode root)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in Children(node).Reverse()) stack.Push(child);
        }
    }

    // The tree with `target` (found by reference) replaced by `replacement`.
    public static SyntaxNode Replace(SyntaxNode root, SyntaxNode target, SyntaxNode replacement)
    {
        if (ReferenceEquals(root, target)) return replacement;
        return root switch
        {
            NumberSyntax or NameSyntax or SizedConstantSyntax => root,
            CallSyntax c => c with { Argument = Replace(c.Argument, target, replacement) },
            BinarySyntax b => b with { Left = Replace(b.Left, target, replacement), Right = Replace(b.Right, target, replacement) },
            NegateSyntax n => n with { Operand = Replace(n.Operand, target, replacement) },
            TransposeSyntax t => t with { Operand = Replace(t.Operand, target, replacement) },
            PowerSyntax p => p with { Base = Replace(p.Base, target, replacement) },
            RationalPowerSyntax p => p with { Base = Replace(p.Base, target, replacement) },
            EntrySyntax e => e with { Target = Replace(e.Target, target, replacement) },
            BinderSyntax b => b with { Body = Replace(b.Body, target, replacement) },
            MatrixLiteralSyntax m => m with { Rows = m.Rows.Select(r => (IReadOnlyList<SyntaxNode>)r.Select(e => Replace(e, target, replacement)).ToList()).ToList() },
            _ => throw new UnreachableException($"no replace rule for {root.GetType().Name}"),
        };
    }

    // The factors of a maximal `*` chain, left to right (a product node whose parent is not a product).
    public static List<SyntaxNode> Factors(SyntaxNode node) =>
        node is BinarySyntax { Operator: BinaryOperator.Multiply } b ? [.. Factors(b.Left), .. Factors(b.Right)] : [node];

    public static SyntaxNode Product(IReadOnlyList<SyntaxNode> factors) =>
        factors.Skip(1).Aggregate(factors[0], (left, right) => Binary(BinaryOperator.Multiply, left, right));

    // The terms of a maximal +/- chain with their signs (true = subtracted).
    public static List<(SyntaxNode Term, bool Negative)> Terms(SyntaxNode node) => node switch
    {
        BinarySyntax { Operator: BinaryOperator.Add } b => [.. Terms(b.Left), .. Terms(b.Right)],
        BinarySyntax { Operator: BinaryOperator.Subtract } b => [.. Terms(b.Left), .. Terms(b.Right).Select(t => (t.Term, !t.Negative))],
        _ => [(node, false)],
    };

    public static SyntaxNode SumOf(IReadOnlyList<(SyntaxNode Term, bool Negative)> terms)
    {
        var first = terms[0].Negative ? new NegateSyntax(terms[0].Term, default) : terms[0].Term;
        return terms.Skip(1).Aggregate(first, (left, t) => Binary(t.Negative ? BinaryOperator.Subtract : BinaryOperator.Add, left, t.Term));
    }

    public static BinarySyntax Binary(BinaryOperator op, SyntaxNode left, SyntaxNode right) => new(op, left, right, default, default);

    // Maximal chains: the nodes of a chain kind whose parent is not of the same kind.
    public static IEnumerable<SyntaxNode> ChainHeads(SyntaxNode root, Func<SyntaxNode, bool> isLink)
    {
        if (isLink(root)) yield return root;
        foreach (var node in All(root))
        {
            foreach (var child in Children(node))
            {
                if (isLink(child) && !isLink(node)) yield return child;
            }
        }
    }
}
