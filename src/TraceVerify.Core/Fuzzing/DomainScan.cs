using System.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Fuzzing;

// A syntactic guess at which symbols should be positive to keep cases inside the domain: those under
// log, sqrt, a reciprocal, a divisor or a negative power. Positivity survives sums and products of
// positive factors, so `log(A*X*B)` marks A, X and B; it does not survive negation, so nothing below a
// minus sign is marked. A wrong guess only costs discards, never soundness.
internal static class DomainScan
{
    public static void Collect(Expr expr, bool positive, ISet<string> names)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(names);
        switch (expr)
        {
            case SymbolExpr s: if (positive) names.Add(s.Name); break;
            case NumberExpr or OnesExpr or IdentityExpr or ZerosExpr: break;
            case MatrixProduct p: Collect(p.Left, positive, names); Collect(p.Right, positive, names); break;
            case ScalarProduct p: Collect(p.Scalar, positive, names); Collect(p.Operand, positive, names); break;
            case ScalarDivide d: Collect(d.Operand, positive, names); Collect(d.Divisor, true, names); break;
            case AddExpr a: Collect(a.Left, positive, names); Collect(a.Right, positive, names); break;
            case NegateExpr n: Collect(n.Operand, false, names); break;
            case TransposeExpr t: Collect(t.Operand, positive, names); break;
            case TraceOf t: Collect(t.Operand, positive, names); break;
            case DiagExpr d: Collect(d.Vector, positive, names); break;
            case HadamardProduct h: Collect(h.Left, positive, names); Collect(h.Right, positive, names); break;
            case ElementwiseDivide d: Collect(d.Left, positive, names); Collect(d.Right, true, names); break;
            case ElementwiseFunction { Function: FunctionKind.Exp or FunctionKind.Sin or FunctionKind.Cos or FunctionKind.Tan or FunctionKind.Abs or FunctionKind.OddRoot } f: Collect(f.Operand, false, names); break;
            case ElementwiseFunction f: Collect(f.Operand, true, names); break;
            case MatrixFunctionExpr f: Collect(f.Operand, positive, names); break;
            case FrobeniusNorm f: Collect(f.Operand, positive, names); break;
            // kron's entries are products A[i,j]·B[k,l]: positive where both factors are.
            case KroneckerProduct k: Collect(k.Left, positive, names); Collect(k.Right, positive, names); break;
            case VecExpr v: Collect(v.Operand, positive, names); break;
            // An odd root (in the list above) is defined for every real: its operand stays free to be negative.
            // An even power is non-negative whatever the base's sign: sqrt(t^2) keeps t free to be negative.
            case PowerExpr p: Collect(p.Base, p.Exponent < 0 || (positive && p.Exponent % 2 != 0), names); break;
            case EntryExpr e: Collect(e.Target, positive, names); break;
            case IndexSumExpr s: Collect(s.Body, positive, names); break;
            case RowsExpr r: Collect(r.Body, positive, names); break;
            case MatrixOfExpr m: Collect(m.Body, positive, names); break;
            case MatrixLiteralExpr m: foreach (var entry in m.Entries) Collect(entry, positive, names); break;
            default: throw new UnreachableException($"no domain rule for {expr.GetType().Name}");
        }
    }
}
