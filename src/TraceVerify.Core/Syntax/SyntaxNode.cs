using TraceVerify.Numeric;

namespace TraceVerify.Syntax;

// Parsed text, with the span of every node; the binder turns it into a position-free Expr.
internal abstract record SyntaxNode(TextSpan Span)
{
    private protected SyntaxNode() : this(default(TextSpan)) { }
}

internal sealed record NumberSyntax(Rational Value, TextSpan Span) : SyntaxNode(Span);

internal sealed record NameSyntax(string Name, TextSpan Span) : SyntaxNode(Span);

// tr, diag, log, exp, fro, inv, det, adj with one argument each.
internal sealed record CallSyntax(string Function, SyntaxNode Argument, TextSpan NameSpan, TextSpan Span) : SyntaxNode(Span);

internal sealed record BinarySyntax(BinaryOperator Operator, SyntaxNode Left, SyntaxNode Right, TextSpan OperatorSpan, TextSpan Span)
    : SyntaxNode(Span);

internal sealed record NegateSyntax(SyntaxNode Operand, TextSpan Span) : SyntaxNode(Span);

internal sealed record TransposeSyntax(SyntaxNode Operand, TextSpan Span) : SyntaxNode(Span);

internal sealed record PowerSyntax(SyntaxNode Base, int Exponent, TextSpan Span) : SyntaxNode(Span);

// s^(p/q): a rational, non-integer exponent in lowest terms (q > 1).
internal sealed record RationalPowerSyntax(SyntaxNode Base, Rational Exponent, TextSpan Span) : SyntaxNode(Span);

// M[i,j], x[j], B[k,:], B[:,k]; a null index is the slice `:`.
internal sealed record EntrySyntax(SyntaxNode Target, IndexSyntax? Row, IndexSyntax? Column, bool SingleIndex, TextSpan Span)
    : SyntaxNode(Span);

internal sealed record IndexSyntax(string Name, TextSpan Span);

// sum(i,j; e), rows(k; r), matrix(i,j; e).
internal sealed record BinderSyntax(BinderKind Kind, IReadOnlyList<IndexSyntax> Indices, SyntaxNode Body, TextSpan Span)
    : SyntaxNode(Span);

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Hadamard,
    ElementwiseDivide,
}

internal enum BinderKind
{
    Sum,
    Rows,
    Matrix,
}
