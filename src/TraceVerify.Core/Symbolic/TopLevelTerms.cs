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
                case SymbolExpr s: result.Add((s, false, rebuild)); return;
                case TransposeExpr { Operand: SymbolExpr s }: result.Add((s, true, rebuild)); return;
            }
            var children = ExprNodes.Children(e);
            for (var k = 0; k < children.Count; k++)
            {
                var position = k;
                Go(children[k], x => rebuild(ExprNodes.WithChildren(e, children.Select((c, j) => j == position ? x : c).ToArray())));
            }
        }
        Go(expr, x => x);
        return result;
    }
}
