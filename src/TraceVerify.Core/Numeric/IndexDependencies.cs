using System.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Numeric;

// The index names a subexpression reads from its surroundings: every index used in an entry slot, minus
// those bound inside the subexpression itself (sum, rows, matrix). Two evaluations of a subexpression
// in one environment agree whenever these indices have the same values, which is what lets the
// evaluator reuse a result across the iterations of an enclosing binder.
internal static class IndexDependencies
{
    public static void Collect(Expr expr, ISet<string> names)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(names);
        switch (expr)
        {
            case SymbolExpr or NumberExpr or OnesExpr or IdentityExpr or ZerosExpr: break;
            case MatrixProduct p: Collect(p.Left, names); Collect(p.Right, names); break;
            case ScalarProduct p: Collect(p.Scalar, names); Collect(p.Operand, names); break;
            case ScalarDivide d: Collect(d.Operand, names); Collect(d.Divisor, names); break;
            case AddExpr a: Collect(a.Left, names); Collect(a.Right, names); break;
            case NegateExpr n: Collect(n.Operand, names); break;
            case TransposeExpr t: Collect(t.Operand, names); break;
            case TraceOf t: Collect(t.Operand, names); break;
            case DiagExpr d: Collect(d.Vector, names); break;
            case HadamardProduct h: Collect(h.Left, names); Collect(h.Right, names); break;
            case ElementwiseDivide d: Collect(d.Left, names); Collect(d.Right, names); break;
            case ElementwiseFunction f: Collect(f.Operand, names); break;
            case MatrixFunctionExpr f: Collect(f.Operand, names); break;
            case FrobeniusNorm f: Collect(f.Operand, names); break;
            case KroneckerProduct k: Collect(k.Left, names); Collect(k.Right, names); break;
            case VecExpr v: Collect(v.Operand, names); break;
            case PowerExpr p: Collect(p.Base, names); break;
            case EntryExpr e:
                Collect(e.Target, names);
                if (e.Row is IndexedSlot row) names.Add(row.Index.Name);
                if (e.Column is IndexedSlot column) names.Add(column.Index.Name);
                break;
            case IndexSumExpr s: CollectBound(s.Body, s.Indices.Select(i => i.Name), names); break;
            case RowsExpr r: CollectBound(r.Body, [r.Index.Name], names); break;
            case MatrixOfExpr m: CollectBound(m.Body, [m.Row.Name, m.Column.Name], names); break;
            case MatrixLiteralExpr m: foreach (var entry in m.Entries) Collect(entry, names); break;
            default: throw new UnreachableException($"no index-dependency rule for {expr.GetType().Name}");
        }
    }

    private static void CollectBound(Expr body, IEnumerable<string> bound, ISet<string> names)
    {
        var inner = new HashSet<string>(StringComparer.Ordinal);
        Collect(body, inner);
        inner.ExceptWith(bound);
        names.UnionWith(inner);
    }
}
