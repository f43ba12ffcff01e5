using System.Diagnostics;
using System.Text;

namespace TraceVerify.Symbolic;

// Prints an Expr in the catalog's language, with the fewest parentheses the grammar allows,
// so that parsing the text binds to the same Expr.
internal static class ExprPrinter
{
    private const int SumLevel = 0;
    private const int HadamardLevel = 1;
    private const int ProductLevel = 2;
    private const int UnaryLevel = 3;
    private const int PostfixLevel = 4;

    public static string Print(Expr expr)
    {
        var builder = new StringBuilder();
        Write(builder, expr, SumLevel);
        return builder.ToString();
    }

    private static int Level(Expr expr) => expr switch
    {
        AddExpr => SumLevel,
        HadamardProduct or ElementwiseDivide => HadamardLevel,
        MatrixProduct or ScalarProduct or ScalarDivide => ProductLevel,
        NumberExpr n when n.Value.Sign < 0 || !n.Value.IsInteger => ProductLevel,
        NegateExpr => UnaryLevel,
        _ => PostfixLevel,
    };

    private static void Write(StringBuilder b, Expr expr, int context)
    {
        var parenthesize = Level(expr) < context;
        if (parenthesize) b.Append('(');
        WriteBare(b, expr);
        if (parenthesize) b.Append(')');
    }

    private static void WriteBare(StringBuilder b, Expr expr)
    {
        switch (expr)
        {
            case SymbolExpr s: b.Append(s.Name); break;
            case NumberExpr n:
                if (n.Value.Sign < 0) { b.Append('-'); WriteRational(b, -n.Value); }
                else WriteRational(b, n.Value);
                break;
            case MatrixProduct p: Write(b, p.Left, ProductLevel); b.Append('*'); Write(b, p.Right, UnaryLevel); break;
            case ScalarProduct p: Write(b, p.Scalar, ProductLevel); b.Append('*'); Write(b, p.Operand, UnaryLevel); break;
            case ScalarDivide d: Write(b, d.Operand, ProductLevel); b.Append('/'); Write(b, d.Divisor, UnaryLevel); break;
            case AddExpr { Right: NegateExpr neg } a: Write(b, a.Left, SumLevel); b.Append(" - "); Write(b, neg.Operand, HadamardLevel); break;
            case AddExpr a: Write(b, a.Left, SumLevel); b.Append(" + "); Write(b, a.Right, HadamardLevel); break;
            case NegateExpr n: b.Append('-'); Write(b, n.Operand, UnaryLevel); break;
            case TransposeExpr t: Write(b, t.Operand, PostfixLevel); b.Append('\''); break;
            case TraceOf t: Call(b, "tr", t.Operand); break;
            case DiagExpr d: Call(b, "diag", d.Vector); break;
            case HadamardProduct h: WriteElementwise(b, h.Left, " .* ", h.Right, divides: false); break;
            case ElementwiseDivide d: WriteElementwise(b, d.Left, " ./ ", d.Right, divides: true); break;
            case ElementwiseFunction { Function: FunctionKind.Log } f: Call(b, "log", f.Operand); break;
            case ElementwiseFunction { Function: FunctionKind.Exp } f: Call(b, "exp", f.Operand); break;
            case ElementwiseFunction { Function: FunctionKind.Sqrt } f: Call(b, "sqrt", f.Operand); break;
            case ElementwiseFunction { Function: FunctionKind.Sin } f: Call(b, "sin", f.Operand); break;
            case ElementwiseFunction { Function: FunctionKind.Cos } f: Call(b, "cos", f.Operand); break;
            case ElementwiseFunction { Function: FunctionKind.Tan } f: Call(b, "tan", f.Operand); break;
            case ElementwiseFunction { Function: FunctionKind.Abs } f: Call(b, "abs", f.Operand); break;
            // The real root of odd degree q is written s^(1/q), and its power s^(p/q) with p/q in lowest terms;
            // both bind back to the same node (Binder.BindRationalPower).
            case ElementwiseFunction { Function: FunctionKind.OddRoot } f: WritePowerBase(b, f.Operand); b.Append("^(1/").Append(f.Degree).Append(')'); break;
            case ElementwiseFunction f: throw new UnreachableException($"{f.Function} has no surface syntax");
            case MatrixFunctionExpr { Function: MatrixFunction.Inverse } f: Call(b, "inv", f.Operand); break;
            case MatrixFunctionExpr { Function: MatrixFunction.Determinant } f: Call(b, "det", f.Operand); break;
            case MatrixFunctionExpr { Function: MatrixFunction.Adjugate } f: Call(b, "adj", f.Operand); break;
            case MatrixFunctionExpr f: throw new UnreachableException($"{f.Function} has no surface syntax");
            case FrobeniusNorm f: Call(b, "fro", f.Operand); break;
            case KroneckerProduct k:
                b.Append("kron(");
                Write(b, k.Left, SumLevel);
                b.Append(", ");
                Write(b, k.Right, SumLevel);
                b.Append(')');
                break;
            case VecExpr v: Call(b, "vec", v.Operand); break;
            case PowerExpr { Base: ElementwiseFunction { Function: FunctionKind.OddRoot } root } p when p.Exponent is not (0 or 1) && System.Numerics.BigInteger.GreatestCommonDivisor(p.Exponent, root.Degree).IsOne:
                WritePowerBase(b, root.Operand);
                b.Append("^(").Append(p.Exponent).Append('/').Append(root.Degree).Append(')');
                break;
            case PowerExpr p: WritePowerBase(b, p.Base); b.Append('^').Append(p.Exponent); break;
            case OnesExpr: b.Append("ones"); break;
            case IdentityExpr: b.Append('I'); break;
            // zeros(2, 3) where both sizes are literals; else `0`, which binds back to the zero of its context.
            case ZerosExpr { Rows: KnownDim r, Columns: KnownDim c }: b.Append("zeros(").Append(r.Size).Append(", ").Append(c.Size).Append(')'); break;
            case ZerosExpr: b.Append('0'); break;
            case EntryExpr e:
                Write(b, e.Target, PostfixLevel);
                b.Append('[');
                if (e.Row is UnitSlot) WriteSlot(b, e.Column);
                else if (e.Column is UnitSlot) WriteSlot(b, e.Row);
                else { WriteSlot(b, e.Row); b.Append(','); WriteSlot(b, e.Column); }
                b.Append(']');
                break;
            case IndexSumExpr s: Binder(b, "sum", s.Indices.Select(i => i.Name), s.Body); break;
            case RowsExpr r: Binder(b, "rows", [r.Index.Name], r.Body); break;
            case MatrixOfExpr m: Binder(b, "matrix", [m.Row.Name, m.Column.Name], m.Body); break;
            case MatrixLiteralExpr m:
                b.Append('[');
                for (var k = 0; k < m.Entries.Count; k++)
                {
                    if (k > 0) b.Append(k % m.Columns == 0 ? "; " : ", ");
                    Write(b, m.Entries[k], SumLevel);
                }
                b.Append(']');
                break;
            default: throw new UnreachableException($"no printer for {expr.GetType().Name}");
        }
    }

    // Products bind tighter than .* and ./, but the notes parenthesize where both operands are products,
    // (Aᵀ1) ⊙ (B1), and a product divisor, V ./ (A*X*B); the text then reads as the notes read.
    private static void WriteElementwise(StringBuilder b, Expr left, string op, Expr right, bool divides)
    {
        var bothProducts = Level(left) == ProductLevel && Level(right) == ProductLevel;
        var divisorProduct = divides && Level(right) == ProductLevel;
        Write(b, left, bothProducts ? UnaryLevel : HadamardLevel);
        b.Append(op);
        Write(b, right, bothProducts || divisorProduct ? UnaryLevel : ProductLevel);
    }

    private static void WriteRational(StringBuilder b, Numeric.Rational value) => b.Append(value.ToString());

    private static void WriteSlot(StringBuilder b, IndexSlot slot) => b.Append(slot switch
    {
        IndexedSlot i => i.Index.Name,
        SliceSlot => ":",
        PositionSlot p => p.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new UnreachableException("a unit slot is never printed"),
    });

    // The base of a power: a power itself is parenthesized, `(s^(1/3))^2`, `(X^2)^3` — the parser refuses `x^2^3`,
    // which the field reads two ways (TV0110).
    private static void WritePowerBase(StringBuilder b, Expr operand)
    {
        if (operand is PowerExpr or ElementwiseFunction { Function: FunctionKind.OddRoot })
        {
            b.Append('(');
            Write(b, operand, SumLevel);
            b.Append(')');
        }
        else
        {
            Write(b, operand, PostfixLevel);
        }
    }

    private static void Call(StringBuilder b, string name, Expr argument)
    {
        b.Append(name).Append('(');
        Write(b, argument, SumLevel);
        b.Append(')');
    }

    private static void Binder(StringBuilder b, string name, IEnumerable<string> indices, Expr body)
    {
        b.Append(name).Append('(').AppendJoin(',', indices).Append("; ");
        Write(b, body, SumLevel);
        b.Append(')');
    }
}
