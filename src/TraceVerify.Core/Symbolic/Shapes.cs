using System.Diagnostics;

namespace TraceVerify.Symbolic;

// The shape of any bound expression, read off its leaves. While binding, dimensions are still unification
// variables: `resolve` maps one to what it is known to be, so `diag` of a vector whose row count was unified
// with 1 is a row vector's diagonal (its length is the column count), not a 1×1 matrix.
internal static class Shapes
{
    public static Shape Of(Expr expr) => Of(expr, static d => d);

    public static Shape Of(Expr expr, Func<Dim, Dim> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return Go(expr);

        Shape Go(Expr node) => node switch
        {
            SymbolExpr s => s.Shape,
            NumberExpr => Shape.Scalar,
            MatrixProduct p => new Shape(Go(p.Left).Rows, Go(p.Right).Columns),
            ScalarProduct p => Go(p.Operand),
            ScalarDivide d => Go(d.Operand),
            AddExpr a => Go(a.Left),
            NegateExpr n => Go(n.Operand),
            TransposeExpr t => Go(t.Operand).Transposed,
            TraceOf => Shape.Scalar,
            DiagExpr d => Go(d.Vector) is var v && resolve(v.Rows).IsOne ? new Shape(v.Columns, v.Columns) : new Shape(v.Rows, v.Rows),
            HadamardProduct h => Go(h.Left),
            ElementwiseDivide d => Go(d.Left),
            ElementwiseFunction f => Go(f.Operand),
            MatrixFunctionExpr { Function: MatrixFunction.Inverse or MatrixFunction.Adjugate } f => Go(f.Operand),
            MatrixFunctionExpr { Function: MatrixFunction.Determinant } => Shape.Scalar,
            FrobeniusNorm => Shape.Scalar,
            KroneckerProduct k => Kronecker(Go(k.Left), Go(k.Right)),
            VecExpr v => Go(v.Operand) is { } m ? new Shape(Dim.Product(resolve(m.Columns), resolve(m.Rows)), Dim.One) : Shape.Scalar,
            PowerExpr p => Go(p.Base),
            OnesExpr o => new Shape(o.Length, Dim.One),
            IdentityExpr i => new Shape(i.Size, i.Size),
            ZerosExpr z => new Shape(z.Rows, z.Columns),
            MatrixLiteralExpr m => new Shape(new KnownDim(m.Rows), new KnownDim(m.Columns)),
            EntryExpr e => new Shape(SlotDim(e.Row, Go(e.Target).Rows), SlotDim(e.Column, Go(e.Target).Columns)),
            IndexSumExpr s => Go(s.Body),
            RowsExpr r => new Shape(r.Index.Range, Go(r.Body).Columns),
            MatrixOfExpr m => new Shape(m.Row.Range, m.Column.Range),
            _ => throw new UnreachableException($"no shape rule for {node.GetType().Name}"),
        };

        // (m·p)×(n·q) for m×n and p×q.
        Shape Kronecker(Shape left, Shape right) =>
            new(Dim.Product(resolve(left.Rows), resolve(right.Rows)), Dim.Product(resolve(left.Columns), resolve(right.Columns)));
    }

    private static Dim SlotDim(IndexSlot slot, Dim full) => slot is SliceSlot ? full : Dim.One;
}
