using TraceVerify.Numeric;

namespace TraceVerify.Syntax;

// Parsed text, with the span of every node; the binder turns it into a position-free Expr.
internal abstract record SyntaxNode(TextSpan Span)
{
    private protected SyntaxNode() : this(default(TextSpan)) { }
}

internal sealed record NumberSyntax(Rational Value, TextSpan Span) : SyntaxNode(Span);

internal sealed record NameSyntax(string Name, TextSpan Span) : SyntaxNode(Span);

// tr, diag, log, exp, fro, inv, det, adj, vec with one argument each (kron is a BinarySyntax).
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

// An index name, or a 1-based position written as an integer literal (`M[1,2]`).
internal sealed record IndexSyntax(string Name, TextSpan Span)
{
    public bool IsPosition => Name.Length > 0 && Name.All(char.IsAsciiDigit);
}

// I(5), I(n), ones(m), ones(m, n), zeros(m), zeros(m, n): a constant whose sizes are written (literals or
// dimension letters, as IndexSyntax); the binder fixes its shape to them.
internal sealed record SizedConstantSyntax(string Name, IReadOnlyList<IndexSyntax> Sizes, TextSpan Span) : SyntaxNode(Span);

// sum(i,j; e), rows(k; r), matrix(i,j; e).
internal sealed record BinderSyntax(BinderKind Kind, IReadOnlyList<IndexSyntax> Indices, SyntaxNode Body, TextSpan Span)
    : SyntaxNode(Span);

// [a, b; c, d]: rows separated by `;`, entries by `,`; every row has the same number of entries.
internal sealed record MatrixLiteralSyntax(IReadOnlyList<IReadOnlyList<SyntaxNode>> Rows, TextSpan Span) : SyntaxNode(Span);

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Hadamard,
    ElementwiseDivide,

    // kron(A, B), written as a call; its OperatorSpan is the name `kron`.
    Kronecker,
}

internal enum BinderKind
{
    Sum,
    Rows,
    Matrix,
}
