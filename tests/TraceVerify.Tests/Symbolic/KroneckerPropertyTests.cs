using FsCheck;
using FsCheck.Fluent;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// The properties of CanonicalPropertyTests over random expressions with Kronecker products and vec around
// random operands of the whole language: the split index form is idempotent, has the value of the exact
// matrix evaluation entry by entry, and its gradients agree with forward-mode dual numbers.
public class KroneckerPropertyTests
{
    // kron(a, b), vec(a), kron(vec(a), b') of any shapes; scalars tr(kron(a, b)*kron(a, b)') and vec(a)'*vec(a).
    private static GeneratedExpression Combine(GeneratedExpression a, GeneratedExpression b, int kind)
    {
        Expr expr = kind switch
        {
            0 => new KroneckerProduct(a.Expr, b.Expr),
            1 => new VecExpr(a.Expr),
            2 => new KroneckerProduct(new VecExpr(a.Expr), new TransposeExpr(b.Expr)),
            3 => new TraceOf(new MatrixProduct(new KroneckerProduct(a.Expr, b.Expr), new TransposeExpr(new KroneckerProduct(a.Expr, b.Expr)))),
            _ => new MatrixProduct(new TransposeExpr(new VecExpr(a.Expr)), new VecExpr(a.Expr)),
        };
        return new GeneratedExpression(expr, ExprPrinter.Print(expr), Shapes.Of(expr));
    }

    // Operands of the smallest size (one operation deep): an index form over a product size sums over many
    // more index values, and the properties need the variety of kinds, not deep operands.
    private static Gen<GeneratedExpression> Kronecker(int firstKind, int lastKind) =>
        from a in ExpressionGenerator.Any().Resize(0)
        from b in ExpressionGenerator.Any().Resize(0)
        from kind in Gen.Choose(firstKind, lastKind)
        select Combine(a, b, kind);

    [Fact]
    public void Canonicalization_is_idempotent() => CanonicalPropertyTests.IsIdempotent(7201, Kronecker(0, 4));

    [Fact]
    public void Canonicalization_keeps_the_numeric_value() => CanonicalPropertyTests.KeepsTheNumericValue(7202, Kronecker(0, 4));

    [Fact]
    public void Every_gradient_agrees_with_dual_numbers() => CanonicalPropertyTests.GradientsAgreeWithDualNumbers(7203, Kronecker(3, 4));
}
