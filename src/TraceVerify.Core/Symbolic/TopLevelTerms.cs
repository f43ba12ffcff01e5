using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// A claim's top-level terms (split at + and −, signs kept) and rewrites of them.
internal static class TopLevelTerms
{
    public static IReadOnlyList<Expr> Split(Expr claim)
    {
        var terms = new List<Expr>();
        void Go(Expr e, bool negative)
        {
            switch (e)
            {
                case AddExpr a: Go(a.Left, negative); Go(a.Right, negative); break;
                case NegateExpr n when n.Operand is AddExpr: Go(n.Operand, !negative); break;
                default: terms.Add(negative ? Negate(e) : e); break;
            }
        }
        Go(claim, false);
        return terms;
    }

    public static Expr Join(IReadOnlyList<Expr> terms)
    {
        if (terms.Count == 0) return new NumberExpr(Rational.Zero);
        var result = terms[0];
        for (var k = 1; k < terms.Count; k++) result = new AddExpr(result, terms[k]);
        return result;
    }

    public static Expr Negate(Expr e) => e is NegateExpr n ? n.Operand : new NegateExpr(e);

    // The factors of a product chain, read left to right (scalar multiples and negations stay on the factor).
    public static IReadOnlyList<Expr> Factors(Expr term) => term switch
    {
        MatrixProduct p => [.. Factors(p.Left), .. Factors(p.Right)],
        _ => [term],
    };

    public static Expr Product(IReadOnlyList<Expr> factors) => factors.Skip(1).Aggregate(factors[0], (l, r) => new MatrixProduct(l, r));

    // Every symbol occurrence (X or X') in reading order, with a function that rebuilds the expression with
    // that occurrence — including its transpose — replaced.
    public static IReadOnlyList<(SymbolExpr Symbol, bool Transposed, Func<Expr, Expr> Replace)> Occurrences(Expr expr)
    {
        var result = new List<(SymbolExpr, bool, Func<Expr, Expr>)>();
        void Go(Expr e, Func<Expr, Expr> rebuild)
        {
            switch (e)
            {
                case SymbolExpr s: result.Add((s, false, rebuild)); break;
                case TransposeExpr { Operand: SymbolExpr s }: result.Add((s, true, rebuild)); break;
                case MatrixProduct p: Go(p.Left, x => rebuild(p with { Left = x })); Go(p.Right, x => rebuild(p with { Right = x })); break;
                case ScalarProduct p: Go(p.Scalar, x => rebuild(p with { Scalar = x })); Go(p.Operand, x => rebuild(p with { Operand = x })); break;
                case ScalarDivide d: Go(d.Operand, x => rebuild(d with { Operand = x })); Go(d.Divisor, x => rebuild(d with { Divisor = x })); break;
                case AddExpr a: Go(a.Left, x => rebuild(a with { Left = x })); Go(a.Right, x => rebuild(a with { Right = x })); break;
                case NegateExpr n: Go(n.Operand, x => rebuild(n with { Operand = x })); break;
                case TransposeExpr t: Go(t.Operand, x => rebuild(t with { Operand = x })); break;
                case TraceOf t: Go(t.Operand, x => rebuild(t with { Operand = x })); break;
                case DiagExpr d: Go(d.Vector, x => rebuild(d with { Vector = x })); break;
                case HadamardProduct h: Go(h.Left, x => rebuild(h with { Left = x })); Go(h.Right, x => rebuild(h with { Right = x })); break;
                case ElementwiseDivide d: Go(d.Left, x => rebuild(d with { Left = x })); Go(d.Right, x => rebuild(d with { Right = x })); break;
                case ElementwiseFunction f: Go(f.Operand, x => rebuild(f with { Operand = x })); break;
                case FrobeniusNorm f: Go(f.Operand, x => rebuild(f with { Operand = x })); break;
                case PowerExpr p: Go(p.Base, x => rebuild(p with { Base = x })); break;
                case EntryExpr en: Go(en.Target, x => rebuild(en with { Target = x })); break;
                case IndexSumExpr s: Go(s.Body, x => rebuild(s with { Body = x })); break;
                case RowsExpr r: Go(r.Body, x => rebuild(r with { Body = x })); break;
                case MatrixOfExpr m: Go(m.Body, x => rebuild(m with { Body = x })); break;
                case NumberExpr or OnesExpr or IdentityExpr: break;
                default: throw new UnreachableException($"no occurrence rule for {e.GetType().Name}");
            }
        }
        Go(expr, x => x);
        return result;
    }
}
