using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Rewrites an expression into the form a reader of the notes expects, without changing its value:
// - transposes go onto the leaves of products ((AB)ᵀ = BᵀAᵀ), vanish on scalars, diag(v) and I, and go
//   into an elementwise operation or function ((A⊙B)ᵀ = Aᵀ⊙Bᵀ, f(A)ᵀ = f(Aᵀ)) only when that does not
//   add transpose marks: (V ./ (A*X'*B))' stays, it does not become V' ./ (B'*X*A');
// - diag takes whichever of v and vᵀ has fewer marks (diag(v) = diag(vᵀ));
// - a row or column of a product is taken from its first or last factor: (B*X)[k,:] = B[k,:]*X;
// - products are flattened and refolded left to right with scalar factors first — the tree the binder
//   builds from the printed text, so that `2*X*H'` prints rather than `2*(X*H')`.
// Under hypotheses (UnderHypotheses), also what they make equal: Wᵀ = W for a symmetric W, Kᵀ = −K for a skew K,
// QᵀQ = QQᵀ = I for an orthogonal Q, and like terms of a sum merged (W*x + W*x = 2*W*x, ½W + ½Wᵀ = W).
internal static class ExprTidy
{
    public static Expr Tidy(Expr expr) => new Rewriter(pushIntoElementwise: true).Tidy(expr);

    // Keeps transposes outside elementwise operations and functions, and on I and diag(v): f(M)ᵀ and f(Mᵀ)
    // are equal, and so are Iᵀ and I, but the canonical form records which was written (for a symmetric M,
    // and for δ between the row and the column).
    public static Expr TidyKeepingElementwise(Expr expr) => new Rewriter(pushIntoElementwise: false).Tidy(expr);

    // Equal to expr only where the symbols have their attributes: the caller checks the result under them.
    // Transposes stay outside elementwise operations, as in TidyKeepingElementwise.
    public static Expr UnderHypotheses(Expr expr, IReadOnlyDictionary<string, MatrixAttributes> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new Rewriter(pushIntoElementwise: false, attributes).Tidy(expr);
    }

    public static Expr Multiply(IEnumerable<Expr> factors) => Rewriter.Multiply(factors);

    // -(a*b*c) written as (-a)*b*c, which prints as `-a*b*c` and binds back to the same tree.
    public static Expr NegateLeading(Expr expr) => expr switch
    {
        NumberExpr n => new NumberExpr(-n.Value),
        MatrixProduct p => new MatrixProduct(NegateLeading(p.Left), p.Right),
        ScalarProduct p => new ScalarProduct(NegateLeading(p.Scalar), p.Operand),
        ScalarDivide d => new ScalarDivide(NegateLeading(d.Operand), d.Divisor),
        NegateExpr n => n.Operand,
        _ => new NegateExpr(expr),
    };

    private sealed class Rewriter(bool pushIntoElementwise, IReadOnlyDictionary<string, MatrixAttributes>? hypotheses = null)
    {
        public Expr Tidy(Expr expr)
        {
            ArgumentNullException.ThrowIfNull(expr);
            return expr switch
            {
                SymbolExpr or NumberExpr or OnesExpr or IdentityExpr or ZerosExpr => expr,
                TransposeExpr t => Transposed(Tidy(t.Operand)),
                MatrixProduct or ScalarProduct => Product(Multiplicands(expr).Select(Tidy)),
                ScalarDivide d => new ScalarDivide(Tidy(d.Operand), Tidy(d.Divisor)),
                AddExpr a => Collected(new AddExpr(Tidy(a.Left), Tidy(a.Right))),
                NegateExpr { Operand: NegateExpr inner } => Tidy(inner.Operand),
                NegateExpr n => new NegateExpr(Tidy(n.Operand)),
                TraceOf t => Trace(Tidy(t.Operand)),
                DiagExpr d => Diag(Tidy(d.Vector)),
                HadamardProduct h => new HadamardProduct(Tidy(h.Left), Tidy(h.Right)),
                ElementwiseDivide d => new ElementwiseDivide(Tidy(d.Left), Tidy(d.Right)),
                ElementwiseFunction f => f with { Operand = Tidy(f.Operand) },
                MatrixFunctionExpr f => f with { Operand = Tidy(f.Operand) },
                FrobeniusNorm f => new FrobeniusNorm(Tidy(f.Operand)),
                KroneckerProduct k => new KroneckerProduct(Tidy(k.Left), Tidy(k.Right)),
                VecExpr v => new VecExpr(Tidy(v.Operand)),
                PowerExpr p => p with { Base = Tidy(p.Base) },
                EntryExpr e => Entry(Tidy(e.Target), e.Row, e.Column),
                IndexSumExpr s => s with { Body = Tidy(s.Body) },
                RowsExpr r => r with { Body = Tidy(r.Body) },
                MatrixOfExpr m => m with { Body = Tidy(m.Body) },
                MatrixLiteralExpr m => m with { Entries = new EquatableArray<Expr>(m.Entries.Select(Tidy)) },
                _ => throw new UnreachableException($"no tidy rule for {expr.GetType().Name}"),
            };
        }

        // The transpose of an already tidy expression, itself tidy.
        private Expr Transposed(Expr expr)
        {
            if (Shapes.Of(expr).IsScalar) return expr;
            return expr switch
            {
                SymbolExpr s when Has(s, MatrixAttributes.Symmetric) => s,
                SymbolExpr s when Has(s, MatrixAttributes.Skew) => new NegateExpr(s),
                TransposeExpr t => t.Operand,
                MatrixProduct or ScalarProduct => Product(Multiplicands(expr).Reverse().Select(Transposed)),
                ScalarDivide d => new ScalarDivide(Transposed(d.Operand), d.Divisor),
                AddExpr a => new AddExpr(Transposed(a.Left), Transposed(a.Right)),
                NegateExpr n => new NegateExpr(Transposed(n.Operand)),
                HadamardProduct or ElementwiseDivide or ElementwiseFunction when !pushIntoElementwise => new TransposeExpr(expr),
                HadamardProduct h => Fewer(new HadamardProduct(Transposed(h.Left), Transposed(h.Right)), new TransposeExpr(expr)),
                ElementwiseDivide d => Fewer(new ElementwiseDivide(Transposed(d.Left), Transposed(d.Right)), new TransposeExpr(expr)),
                ElementwiseFunction f => Fewer(f with { Operand = Transposed(f.Operand) }, new TransposeExpr(expr)),
                DiagExpr or IdentityExpr => pushIntoElementwise ? expr : new TransposeExpr(expr),
                PowerExpr p => p with { Base = Transposed(p.Base) },
                ZerosExpr z => new ZerosExpr(z.Columns, z.Rows),
                // [a, b; c, d]ᵀ = [a, c; b, d]: the entries are scalars, read column by column.
                MatrixLiteralExpr m => new MatrixLiteralExpr(m.Columns, m.Rows,
                    new EquatableArray<Expr>(Enumerable.Range(0, m.Entries.Count).Select(k => m.Entries[((k % m.Rows) * m.Columns) + (k / m.Rows)]))),
                IndexSumExpr s => s with { Body = Transposed(s.Body) },
                _ => new TransposeExpr(expr),
            };
        }

        // tr(ABC) = tr(BCA) = tr((ABC)ᵀ): of the rotations of the product and of its transpose, the one with
        // the fewest transpose marks, then the first in text order.
        private Expr Trace(Expr operand)
        {
            if (operand is not MatrixProduct) return new TraceOf(operand);
            var candidates = new List<Expr>();
            foreach (var form in new[] { operand, Transposed(operand) })
            {
                var factors = Multiplicands(form).ToList();
                var scalars = factors.Where(IsScalar).ToList();
                var chain = factors.Where(f => !IsScalar(f)).ToList();
                for (var r = 0; r < chain.Count; r++) candidates.Add(Multiply([.. scalars, .. chain.Skip(r), .. chain.Take(r)]));
            }
            var best = candidates.OrderBy(Marks).ThenBy(ExprPrinter.Print, StringComparer.Ordinal).First();
            return new TraceOf(best);
        }

        private bool Has(SymbolExpr symbol, MatrixAttributes attribute) =>
            hypotheses is not null && hypotheses.TryGetValue(symbol.Name, out var a) && a.HasFlag(attribute);

        // Multiply, and under hypotheses: a negated factor's sign taken to the front (−K from a skew Kᵀ), and an
        // adjacent QᵀQ or QQᵀ of an orthogonal Q dropped (I, where nothing else of matrix shape is left).
        private Expr Product(IEnumerable<Expr> factors)
        {
            if (hypotheses is null) return Multiply(factors);
            var list = new List<Expr>();
            var negative = false;
            foreach (var factor in factors.SelectMany(Multiplicands))
            {
                var f = factor;
                while (f is NegateExpr n) { negative = !negative; f = n.Operand; }
                list.AddRange(Multiplicands(f));
            }
            Dim? identity = null;
            for (var k = 0; k + 1 < list.Count; k++)
            {
                if (Orthogonal(list[k], list[k + 1]) is not { } size) continue;
                list.RemoveRange(k, 2);
                identity = size;
                k = Math.Max(-1, k - 2);
            }
            if (identity is { } identitySize && list.All(IsScalar)) list.Add(new IdentityExpr(identitySize));
            var product = Multiply(list);
            return negative ? NegateLeading(product) : product;
        }

        // The size of QᵀQ (or QQᵀ) when the two factors are those of an orthogonal Q.
        private Dim? Orthogonal(Expr left, Expr right) => (left, right) switch
        {
            (TransposeExpr { Operand: SymbolExpr q }, SymbolExpr r) when q == r && Has(q, MatrixAttributes.Orthogonal) => q.Shape.Rows,
            (SymbolExpr q, TransposeExpr { Operand: SymbolExpr r }) when q == r && Has(q, MatrixAttributes.Orthogonal) => q.Shape.Rows,
            _ => null,
        };

        // Under hypotheses, a sum with like terms merged, in the order of their first appearance (a rewritten
        // term may equal another one, or cancel it); the sum as it is where nothing merges to a nonzero sum.
        private Expr Collected(Expr sum)
        {
            if (hypotheses is null) return sum;
            var terms = new List<(Rational Coefficient, Expr Unit)>();
            foreach (var (coefficient, unit) in Terms(sum, Rational.One))
            {
                var at = terms.FindIndex(t => t.Unit.Equals(unit));
                if (at < 0) terms.Add((coefficient, unit));
                else terms[at] = (terms[at].Coefficient + coefficient, unit);
            }
            terms.RemoveAll(t => t.Coefficient.IsZero);
            if (terms.Count == 0) return sum;
            Expr? total = null;
            foreach (var (coefficient, unit) in terms)
            {
                var scaled = Scaled(coefficient.Abs(), unit);
                total = (total, coefficient.Sign < 0) switch
                {
                    (null, false) => scaled,
                    (null, true) => NegateLeading(scaled),
                    (_, false) => new AddExpr(total, scaled),
                    (_, true) => new AddExpr(total, new NegateExpr(scaled)),
                };
            }
            return total!;
        }

        // The terms of a sum as (number, the rest): -2*W*x is (−2, W*x), x'*y/3 is (1, x'*y/3).
        private static IEnumerable<(Rational Coefficient, Expr Unit)> Terms(Expr expr, Rational sign)
        {
            switch (expr)
            {
                case AddExpr a:
                    foreach (var t in Terms(a.Left, sign)) yield return t;
                    foreach (var t in Terms(a.Right, sign)) yield return t;
                    yield break;
                case NegateExpr n:
                    foreach (var t in Terms(n.Operand, -sign)) yield return t;
                    yield break;
                default:
                    var factors = Multiplicands(expr).ToList();
                    var number = sign;
                    foreach (var f in factors.OfType<NumberExpr>()) number *= f.Value;
                    var rest = factors.Where(f => f is not NumberExpr).ToList();
                    yield return (number, rest.Count == 0 ? new NumberExpr(Rational.One) : Multiply(rest));
                    yield break;
            }
        }

        private static Expr Scaled(Rational magnitude, Expr unit) => unit switch
        {
            _ when magnitude.IsOne => unit,
            NumberExpr { Value.IsOne: true } => new NumberExpr(magnitude),
            _ => Multiply([new NumberExpr(magnitude), unit]),
        };

        // The pushed form unless it carries more transpose marks than the kept one.
        private static Expr Fewer(Expr pushed, Expr kept) => Marks(pushed) <= Marks(kept) ? pushed : kept;

        private Expr Diag(Expr vector) =>
            vector is TransposeExpr t ? new DiagExpr(t.Operand) : new DiagExpr(Fewer(vector, Transposed(vector)));

        private static int Marks(Expr expr) => expr switch
        {
            TransposeExpr t => 1 + Marks(t.Operand),
            MatrixProduct p => Marks(p.Left) + Marks(p.Right),
            ScalarProduct p => Marks(p.Scalar) + Marks(p.Operand),
            ScalarDivide d => Marks(d.Operand) + Marks(d.Divisor),
            AddExpr a => Marks(a.Left) + Marks(a.Right),
            NegateExpr n => Marks(n.Operand),
            TraceOf t => Marks(t.Operand),
            DiagExpr d => Marks(d.Vector),
            HadamardProduct h => Marks(h.Left) + Marks(h.Right),
            ElementwiseDivide d => Marks(d.Left) + Marks(d.Right),
            ElementwiseFunction f => Marks(f.Operand),
            MatrixFunctionExpr f => Marks(f.Operand),
            FrobeniusNorm f => Marks(f.Operand),
            KroneckerProduct k => Marks(k.Left) + Marks(k.Right),
            VecExpr v => Marks(v.Operand),
            PowerExpr p => Marks(p.Base),
            EntryExpr e => Marks(e.Target),
            IndexSumExpr s => Marks(s.Body),
            RowsExpr r => Marks(r.Body),
            MatrixOfExpr m => Marks(m.Body),
            MatrixLiteralExpr m => m.Entries.Sum(Marks),
            _ => 0,
        };

        // An entry of a tidy target: Aᵀ[k,:] = (A[:,k])ᵀ; a row of a product is the first factor's row times
        // the rest, a column the last factor's column after the rest.
        private Expr Entry(Expr target, IndexSlot row, IndexSlot column)
        {
            if (target is TransposeExpr t)
            {
                var swapped = Entry(t.Operand, column, row);
                return Shapes.Of(swapped).IsScalar ? swapped : Transposed(swapped);
            }
            if (target is MatrixProduct && (row is SliceSlot ^ column is SliceSlot) && row is not UnitSlot && column is not UnitSlot)
            {
                var factors = Multiplicands(target).ToList();
                var at = row is SliceSlot ? factors.FindLastIndex(f => !Shapes.Of(f).IsScalar) : factors.FindIndex(f => !Shapes.Of(f).IsScalar);
                factors[at] = Entry(factors[at], row, column);
                return Multiply(factors);
            }
            return new EntryExpr(target, row, column);
        }

        // The factors of a product in order. A scalar that is itself a matrix product (x'*y) stays whole: it
        // multiplies whatever shape follows, which its inner factors would not.
        private static IEnumerable<Expr> Multiplicands(Expr expr) => expr switch
        {
            MatrixProduct p => Multiplicands(p.Left).Concat(Multiplicands(p.Right)),
            ScalarProduct p => ScalarFactors(p.Scalar).Concat(Multiplicands(p.Operand)),
            _ => [expr],
        };

        private static IEnumerable<Expr> ScalarFactors(Expr scalar) => scalar switch
        {
            ScalarProduct p => ScalarFactors(p.Scalar).Concat(ScalarFactors(p.Operand)),
            _ => [scalar],
        };

        // The product of the factors in order, scalar factors moved to the front (they commute), folded
        // left to right as the binder folds `a*b*c`.
        public static Expr Multiply(IEnumerable<Expr> factors)
        {
            var list = factors.SelectMany(Multiplicands).ToList();
            if (list.Count == 0) return new NumberExpr(Numeric.Rational.One);
            var ordered = Powers(list.Where(IsScalar).Concat(list.Where(f => !IsScalar(f))).ToList());
            var product = ordered[0];
            foreach (var next in ordered.Skip(1))
            {
                if (IsScalar(product)) product = new ScalarProduct(product, next);
                else if (IsScalar(next)) product = new ScalarProduct(next, product);
                else product = new MatrixProduct(product, next);
            }
            return product;
        }

        private static bool IsScalar(Expr factor) => Shapes.Of(factor).IsScalar;

        // A run of k ≥ 2 equal adjacent matrix factors is the matrix power M^k (a product defines it, so M
        // is square); powers of one base next to each other add up: X*X^2 = X^3.
        private static List<Expr> Powers(List<Expr> factors)
        {
            var result = new List<Expr>(factors.Count);
            foreach (var factor in factors)
            {
                var (power, exponent) = BaseAndExponent(factor);
                if (result.Count > 0 && !IsScalar(factor) && BaseAndExponent(result[^1]) is var (last, lastExponent) && last.Equals(power))
                {
                    result[^1] = new PowerExpr(power, lastExponent + exponent);
                    continue;
                }
                result.Add(factor);
            }
            return result;
        }

        private static (Expr Base, int Exponent) BaseAndExponent(Expr factor) =>
            factor is PowerExpr { Exponent: > 0 } p && !IsScalar(p) ? (p.Base, p.Exponent) : (factor, 1);
    }
}
