using System.Diagnostics;

namespace TraceVerify.Symbolic;

// Rewrites every dimension in an expression (symbol shapes, ones, identities, index ranges).
internal static class DimensionMap
{
    // A product is mapped factor by factor (and rebuilt), so map sees only known sizes and variables.
    public static Expr Apply(Expr expr, Func<Dim, Dim> atomMap)
    {
        Dim map(Dim d) => Dim.MapAtoms(d, atomMap);
        IndexVariable Index(IndexVariable v) => v with { Range = map(v.Range) };
        IndexSlot Slot(IndexSlot s) => s is IndexedSlot i ? new IndexedSlot(Index(i.Index)) : s;
        Expr Go(Expr e) => e switch
        {
            SymbolExpr s => s with { Shape = new Shape(map(s.Shape.Rows), map(s.Shape.Columns)) },
            NumberExpr => e,
            MatrixProduct p => new MatrixProduct(Go(p.Left), Go(p.Right)),
            ScalarProduct p => new ScalarProduct(Go(p.Scalar), Go(p.Operand)),
            ScalarDivide d => new ScalarDivide(Go(d.Operand), Go(d.Divisor)),
            AddExpr a => new AddExpr(Go(a.Left), Go(a.Right)),
            NegateExpr n => new NegateExpr(Go(n.Operand)),
            TransposeExpr t => new TransposeExpr(Go(t.Operand)),
            TraceOf t => new TraceOf(Go(t.Operand)),
            DiagExpr d => new DiagExpr(Go(d.Vector)),
            HadamardProduct h => new HadamardProduct(Go(h.Left), Go(h.Right)),
            ElementwiseDivide d => new ElementwiseDivide(Go(d.Left), Go(d.Right)),
            ElementwiseFunction f => f with { Operand = Go(f.Operand) },
            MatrixFunctionExpr f => f with { Operand = Go(f.Operand) },
            FrobeniusNorm f => new FrobeniusNorm(Go(f.Operand)),
            KroneckerProduct k => new KroneckerProduct(Go(k.Left), Go(k.Right)),
            VecExpr v => new VecExpr(Go(v.Operand)),
            PowerExpr p => p with { Base = Go(p.Base) },
            OnesExpr o => new OnesExpr(map(o.Length)),
            IdentityExpr i => new IdentityExpr(map(i.Size)),
            ZerosExpr z => new ZerosExpr(map(z.Rows), map(z.Columns)),
            MatrixLiteralExpr m => m with { Entries = new EquatableArray<Expr>(m.Entries.Select(Go)) },
            EntryExpr en => new EntryExpr(Go(en.Target), Slot(en.Row), Slot(en.Column)),
            IndexSumExpr s => new IndexSumExpr(new EquatableArray<IndexVariable>(s.Indices.Select(Index)), Go(s.Body)),
            RowsExpr r => new RowsExpr(Index(r.Index), Go(r.Body)),
            MatrixOfExpr m => new MatrixOfExpr(Index(m.Row), Index(m.Column), Go(m.Body)),
            _ => throw new UnreachableException($"no dimension rule for {e.GetType().Name}"),
        };
        return Go(expr);
    }
}
