using System.Diagnostics;

namespace TraceVerify.Symbolic;

// The shape of any bound expression, read off its leaves.
internal static class Shapes
{
    public static Shape Of(Expr expr) => expr switch
    {
        SymbolExpr s => s.Shape,
        NumberExpr => Shape.Scalar,
        MatrixProduct p => new Shape(Of(p.Left).Rows, Of(p.Right).Columns),
        ScalarProduct p => Of(p.Operand),
        ScalarDivide d => Of(d.Operand),
        AddExpr a => Of(a.Left),
        NegateExpr n => Of(n.Operand),
        TransposeExpr t => Of(t.Operand).Transposed,
        TraceOf => Shape.Scalar,
        DiagExpr d => Of(d.Vector) is var v && v.Rows.IsOne ? new Shape(v.Columns, v.Columns) : new Shape(v.Rows, v.Rows),
        HadamardProduct h => Of(h.Left),
        ElementwiseDivide d => Of(d.Left),
        ElementwiseFunction f => Of(f.Operand),
        FrobeniusNorm => Shape.Scalar,
        PowerExpr => Shape.Scalar,
        OnesExpr o => new Shape(o.Length, Dim.One),
        IdentityExpr i => new Shape(i.Size, i.Size),
        EntryExpr e => new Shape(SlotDim(e.Row, Of(e.Target).Rows), SlotDim(e.Column, Of(e.Target).Columns)),
        IndexSumExpr s => Of(s.Body),
        RowsExpr r => new Shape(r.Index.Range, Of(r.Body).Columns),
        MatrixOfExpr m => new Shape(m.Row.Range, m.Column.Range),
        _ => throw new UnreachableException($"no shape rule for {expr.GetType().Name}"),
    };

    private static Dim SlotDim(IndexSlot slot, Dim full) => slot is SliceSlot ? full : Dim.One;
}
