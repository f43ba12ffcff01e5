using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// One generated expression: the Expr exactly as the binder builds it from Text when every symbol is
// declared as ExpressionGenerator.Declarations says, and its shape.
internal sealed record GeneratedExpression(Expr Expr, string Text, Shape Shape)
{
    public override string ToString() => Text;
}
