using TraceVerify.Catalog;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

// The derivative of a scalar by a variable of literal size, as a matrix literal, where matrix notation has no
// form for it (`∂ X[1,1]·X[2,2] / ∂X` of a 2×2 X is [X[2,2], 0; 0, X[1,1]]). Idea: entry (p, q) is the derivative
// by the variable's entry X[p,q], a scalar the printer writes; a sum that only picks one position out of an
// index (Σᵢ X[i,i]·I[i,2]) is written at that position (X[2,2]). Invariant: the literal is returned only when
// the catalog entry claiming it is proved by the symbolic method — the entry `new` would write, bound by the
// catalog's binder — so a printed literal is the derivative, never a guess.
internal static class LiteralDerivative
{
    // At most this many entries (an 8×8 variable).
    public const int MaxEntries = 64;

    public static string? Print(CatalogEntry entry, BoundEntry bound)
    {
        if (bound.SecondWrt is not null || bound.Reversed || bound.Convention is not null || bound.Wrt is not SymbolExpr x || !Shapes.Of(bound.Of!).IsScalar) return null;
        if (x.Shape.Rows is not KnownDim { Size: var rows } || x.Shape.Columns is not KnownDim { Size: var columns } || rows * columns > MaxEntries) return null;
        var context = new IndexFormContext(bound.FreeIndexMap, bound.Frozen, bound.Attributes) { PinsPositions = true };
        var scalar = new MatrixFormContext(Shape.Scalar, bound.FreeIndices.Select(v => v.Name).Order(StringComparer.Ordinal).ToArray(), bound.Symbols) { Attributes = bound.Attributes };
        var entries = new List<Expr>();
        for (var p = 1; p <= rows; p++)
        {
            for (var q = 1; q <= columns; q++)
            {
                IndexSlot Slot(int size, int position) => size == 1 ? UnitSlot.Instance : new PositionSlot(position);
                var derivative = context.Derivative(bound.Of!, [new EntryExpr(x, Slot(rows, p), Slot(columns, q))], reversed: false);
                if (MatrixForm.ToExpr(derivative, scalar) is not { } printed) return null;
                entries.Add(AtPositions(printed));
            }
        }
        var text = ExprPrinter.Print(new MatrixLiteralExpr(rows, columns, new EquatableArray<Expr>(entries)));
        var claimed = entry with { Sides = [new SourceText(text, "<claim>", 1, 1)] };
        var binding = EntryBinder.Bind(claimed);
        return binding.Entry is { } checkedEntry && binding.ShapeRestriction is null && SymbolicCheck.Run(checkedEntry).Proved ? text : null;
    }

    // Σ over i of a product with a factor I[i,k] (or I[k,i]) of a position k is the product at i = k.
    private static Expr AtPositions(Expr expr)
    {
        var children = ExprNodes.Children(expr);
        var node = children.Count == 0 ? expr : ExprNodes.WithChildren(expr, children.Select(AtPositions).ToArray());
        node = Column(node);
        while (node is IndexSumExpr sum && Picked(sum) is { } picked)
        {
            var (index, position, factors) = picked;
            var body = Substitute(ExprTidy.Multiply(factors), index, position);
            node = sum.Indices.Count == 1 ? body : new IndexSumExpr(new EquatableArray<IndexVariable>(sum.Indices.Where(i => i != index)), body);
        }
        return node;
    }

    // A·I[:,k] is A's column k, and tr(X·diag(I[:,k])) is X[k,k]: a row's or a column's entry at a position.
    private static Expr Column(Expr expr) => expr switch
    {
        MatrixProduct { Left: TransposeExpr { Operand: var v }, Right: EntryExpr { Target: IdentityExpr, Row: SliceSlot, Column: PositionSlot k } }
            when Shapes.Of(v).Columns.IsOne => new EntryExpr(v, k, UnitSlot.Instance),
        MatrixProduct { Left: var a, Right: EntryExpr { Target: IdentityExpr, Row: SliceSlot, Column: PositionSlot k } } when Shapes.Of(a).Rows.IsOne =>
            new EntryExpr(a, UnitSlot.Instance, k),
        TraceOf { Operand: MatrixProduct { Left: var m, Right: DiagExpr { Vector: EntryExpr { Target: IdentityExpr, Row: SliceSlot, Column: PositionSlot k } } } } =>
            new EntryExpr(m, k, k),
        _ => expr,
    };

    private static (IndexVariable Index, int Position, List<Expr> Others)? Picked(IndexSumExpr sum)
    {
        var factors = Factors(sum.Body).ToList();
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is not EntryExpr { Target: IdentityExpr } e) continue;
            var picked = (e.Row, e.Column) switch
            {
                (IndexedSlot i, PositionSlot p) => (i.Index, p.Position),
                (PositionSlot p, IndexedSlot i) => (i.Index, p.Position),
                _ => ((IndexVariable, int)?)null,
            };
            if (picked is not { } found || !sum.Indices.Contains(found.Item1)) continue;
            var rest = factors.Where((_, j) => j != k).ToList();
            return (found.Item1, found.Item2, rest);
        }
        return null;
    }

    private static IEnumerable<Expr> Factors(Expr expr) => expr switch
    {
        ScalarProduct p => Factors(p.Scalar).Concat(Factors(p.Operand)),
        MatrixProduct p when Shapes.Of(p.Left).IsScalar && Shapes.Of(p.Right).IsScalar => Factors(p.Left).Concat(Factors(p.Right)),
        _ => [expr],
    };

    private static Expr Substitute(Expr expr, IndexVariable index, int position)
    {
        IndexSlot Slot(IndexSlot slot) => slot is IndexedSlot i && i.Index == index ? new PositionSlot(position) : slot;
        var children = ExprNodes.Children(expr);
        var node = children.Count == 0 ? expr : ExprNodes.WithChildren(expr, children.Select(c => Substitute(c, index, position)).ToArray());
        return node is EntryExpr e ? e with { Row = Slot(e.Row), Column = Slot(e.Column) } : node;
    }
}
