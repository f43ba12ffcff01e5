using System.Diagnostics;

namespace TraceVerify.Symbolic;

// An expression's nodes by position: children in the order the printer writes them (so "reading order"
// is well defined), and rebuilding a node with new children.
internal static class ExprNodes
{
    public static IReadOnlyList<Expr> Children(Expr expr) => expr switch
    {
        SymbolExpr or NumberExpr or OnesExpr or IdentityExpr or ZerosExpr => [],
        MatrixProduct p => [p.Left, p.Right],
        ScalarProduct p => [p.Scalar, p.Operand],
        ScalarDivide d => [d.Operand, d.Divisor],
        AddExpr a => [a.Left, a.Right],
        NegateExpr n => [n.Operand],
        TransposeExpr t => [t.Operand],
        TraceOf t => [t.Operand],
        DiagExpr d => [d.Vector],
        HadamardProduct h => [h.Left, h.Right],
        ElementwiseDivide d => [d.Left, d.Right],
        ElementwiseFunction f => [f.Operand],
        MatrixFunctionExpr f => [f.Operand],
        FrobeniusNorm f => [f.Operand],
        KroneckerProduct k => [k.Left, k.Right],
        VecExpr v => [v.Operand],
        PowerExpr p => [p.Base],
        EntryExpr e => [e.Target],
        IndexSumExpr s => [s.Body],
        RowsExpr r => [r.Body],
        MatrixOfExpr m => [m.Body],
        MatrixLiteralExpr m => [.. m.Entries],
        _ => throw new UnreachableException($"no children rule for {expr.GetType().Name}"),
    };

    public static Expr WithChildren(Expr expr, IReadOnlyList<Expr> c) => expr switch
    {
        SymbolExpr or NumberExpr or OnesExpr or IdentityExpr or ZerosExpr => expr,
        MatrixProduct => new MatrixProduct(c[0], c[1]),
        ScalarProduct => new ScalarProduct(c[0], c[1]),
        ScalarDivide => new ScalarDivide(c[0], c[1]),
        AddExpr => new AddExpr(c[0], c[1]),
        NegateExpr => new NegateExpr(c[0]),
        TransposeExpr => new TransposeExpr(c[0]),
        TraceOf => new TraceOf(c[0]),
        DiagExpr => new DiagExpr(c[0]),
        HadamardProduct => new HadamardProduct(c[0], c[1]),
        ElementwiseDivide => new ElementwiseDivide(c[0], c[1]),
        ElementwiseFunction f => f with { Operand = c[0] },
        MatrixFunctionExpr f => f with { Operand = c[0] },
        FrobeniusNorm => new FrobeniusNorm(c[0]),
        KroneckerProduct => new KroneckerProduct(c[0], c[1]),
        VecExpr => new VecExpr(c[0]),
        PowerExpr p => p with { Base = c[0] },
        EntryExpr e => e with { Target = c[0] },
        IndexSumExpr s => s with { Body = c[0] },
        RowsExpr r => r with { Body = c[0] },
        MatrixOfExpr m => m with { Body = c[0] },
        MatrixLiteralExpr m => m with { Entries = new EquatableArray<Expr>(c) },
        _ => throw new UnreachableException($"no rebuild rule for {expr.GetType().Name}"),
    };

    // Every node with the path of child positions leading to it, parents before children, in reading order.
    public static IEnumerable<(Expr Node, int[] Path)> Walk(Expr root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var stack = new Stack<(Expr Node, int[] Path)>();
        stack.Push((root, []));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            yield return (node, path);
            var children = Children(node);
            for (var k = children.Count - 1; k >= 0; k--) stack.Push((children[k], [.. path, k]));
        }
    }

    public static Expr At(Expr root, IReadOnlyList<int> path) => path.Aggregate(root, (node, k) => Children(node)[k]);

    public static Expr ReplaceAt(Expr root, IReadOnlyList<int> path, Expr replacement)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0) return replacement;
        var children = Children(root).ToArray();
        children[path[0]] = ReplaceAt(children[path[0]], path.Skip(1).ToArray(), replacement);
        return WithChildren(root, children);
    }
}
