using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// Where an entry's sides are defined. A symbolic proof compares canonical forms, which are equal as rational
// functions — the identity then holds wherever both sides are defined, and says nothing when they are defined
// nowhere (`0/0 = 0`, `log(-1-s^2) = log(-1-s^2)`). So a proof of an entry with a divisor, a log, a sqrt or a
// negative power is conditional on that domain, and the verifier accepts it only with a witness that the
// domain is not empty (a defined fuzz case, or a shape where Z3 satisfied the side conditions).
//   Conditional: some node restricts the domain (ScalarDivide, ElementwiseDivide, a negative power, log,
//     sqrt, tan (cos ≠ 0), a reciprocal); exp, sin, cos, abs, an odd root and the Frobenius norm are defined
//     everywhere. An odd root, like abs, is not differentiable at 0 (root_q'(u) = 1/(q·root_q(u)^(q−1))).
//     abs is not differentiable at 0: the differentiator's abs'(u) = u/abs(u) is defined only where u ≠ 0
//     and the fuzzer's dual numbers discard a case at u = 0, so a derivative of abs is checked off 0 only.
//   UndefinedEverywhere: a divisor whose canonical form is the zero sum (`0`, `s-s`), or a log or sqrt of a
//     constant the canonical form shows to be non-positive (negative); only closed subexpressions (without
//     entry or sum indices) are canonicalized, so the check never needs an index out of its scope.
internal static class EntryDomain
{
    public static bool IsConditional(BoundEntry entry) => Roots(entry).Any(root => ExprNodes.Walk(root).Any(p => Restricted(p.Node) is not null));

    public static string? UndefinedEverywhere(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var context = entry.IndexForms();
        foreach (var root in Roots(entry))
        {
            foreach (var (node, _) in ExprNodes.Walk(root))
            {
                if (Restricted(node) is not { } restricted || !Closed(restricted.Argument)) continue;
                var form = context.Canonical(restricted.Argument);
                var constant = form.IsZero ? Numeric.Rational.Zero
                    : form.Terms is [{ Factors.Count: 0 } only] ? only.Coefficient
                    : (Numeric.Rational?)null;
                if (constant is not { } value) continue;
                var undefined = restricted.Kind switch
                {
                    "divisor" => value.IsZero,
                    "log argument" => value.Sign <= 0,
                    // cos q ≠ 0 at every rational q: tan of a constant is always defined.
                    "tan argument" => false,
                    _ => value.Sign < 0,
                };
                if (undefined) return $"the {restricted.Kind} `{ExprPrinter.Print(restricted.Argument)}` is the constant {value} wherever it is evaluated";
            }
        }
        return null;
    }

    private static IEnumerable<Expr> Roots(BoundEntry entry) => entry.Of is null ? entry.Sides : [entry.Of, .. entry.Sides];

    private static (string Kind, Expr Argument)? Restricted(Expr node) => node switch
    {
        ScalarDivide d => ("divisor", d.Divisor),
        ElementwiseDivide d => ("divisor", d.Right),
        PowerExpr { Exponent: < 0 } p => ("divisor", p.Base),
        ElementwiseFunction { Function: FunctionKind.Log } f => ("log argument", f.Operand),
        ElementwiseFunction { Function: FunctionKind.Reciprocal } f => ("divisor", f.Operand),
        ElementwiseFunction { Function: FunctionKind.Sqrt } f => ("sqrt argument", f.Operand),
        ElementwiseFunction { Function: FunctionKind.Tan } f => ("tan argument", f.Operand),
        _ => null,
    };

    private static bool Closed(Expr expr) => !ExprNodes.Walk(expr).Any(p => p.Node is EntryExpr or IndexSumExpr or RowsExpr or MatrixOfExpr);
}
