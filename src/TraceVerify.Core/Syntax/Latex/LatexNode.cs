using TraceVerify.Numeric;

namespace TraceVerify.Syntax.Latex;

// A LaTeX formula as written, before it is mapped to the expression language: it can hold what the
// language cannot say yet (inverses, determinants, Kronecker products) or at all (differentials, matrices
// with ellipses), so reading and mapping fail separately, each with its own diagnostic.
internal abstract record LatexNode(TextSpan Span)
{
    private protected LatexNode() : this(default(TextSpan)) { }
}

internal sealed record LatexNumber(Rational Value, string Text, TextSpan Span) : LatexNode(Span);

// A one-letter symbol (A, x) or a Greek letter (lambda); Bold records \mathbf, which does not change the symbol.
internal sealed record LatexSymbol(string Name, bool Bold, TextSpan Span) : LatexNode(Span);

// \mathbf{1}, the all-ones vector.
internal sealed record LatexOnes(TextSpan Span) : LatexNode(Span);

// `?`, as in the notes' (2) "∂f/∂X = ?".
internal sealed record LatexPlaceholder(TextSpan Span) : LatexNode(Span);

// \cdots, \vdots, \ddots, \ldots: only meaningful inside a matrix.
internal sealed record LatexEllipsis(string Command, TextSpan Span) : LatexNode(Span);

internal sealed record LatexBinary(LatexOperator Operator, LatexNode Left, LatexNode Right, TextSpan OperatorSpan, TextSpan Span) : LatexNode(Span);

internal sealed record LatexFraction(LatexNode Numerator, LatexNode Denominator, TextSpan Span) : LatexNode(Span);

internal sealed record LatexNegate(LatexNode Operand, TextSpan Span) : LatexNode(Span);

// ( … ), [ … ] or { … }: kept so that a subscript after it indexes the whole group.
internal sealed record LatexGroup(LatexNode Inner, char Open, TextSpan Span) : LatexNode(Span);

// X^T, X^{-1}, X^2, X^{n-1}; Exponent is set for powers only.
internal sealed record LatexSuperscript(LatexNode Base, LatexScriptKind Kind, LatexNode? Exponent, TextSpan ScriptSpan, TextSpan Span) : LatexNode(Span);

// X_{ij}, x_j, B_{k:}, ‖M‖_F: the subscript's items.
internal sealed record LatexSubscript(LatexNode Base, IReadOnlyList<LatexIndex> Indices, TextSpan ScriptSpan, TextSpan Span) : LatexNode(Span);

internal sealed record LatexIndex(LatexIndexKind Kind, string Text, TextSpan Span);

// tr, diag, det, log (also \ln), exp, adj, vec, eig, sin, cos, sqrt applied to one argument.
internal sealed record LatexFunction(string Name, LatexNode Argument, TextSpan NameSpan, TextSpan Span) : LatexNode(Span);

// ⟨A, B⟩ (also ⟨A, B⟩_F), the Frobenius inner product tr(AᵀB).
internal sealed record LatexInnerProduct(LatexNode Left, LatexNode Right, TextSpan Span) : LatexNode(Span);

// ‖M‖ (Double) or |M|.
internal sealed record LatexNorm(LatexNode Inner, bool Double, TextSpan Span) : LatexNode(Span);

// \sum_{k} body, \sum_{k=1}^{n} body, \prod …; Lower is the `= 1` part, Upper the `^{n}` part.
internal sealed record LatexSum(bool IsProduct, IReadOnlyList<LatexIndex> Indices, LatexNode? Lower, LatexNode? Upper, LatexNode Body, TextSpan Span)
    : LatexNode(Span);

// ∂Of/∂Wrt (one Wrt per ∂ in the denominator; Order from ∂^2). \frac{∂f}{∂X}, ∂f/∂X, ∂/∂X f and ∇_X f all read as this.
internal sealed record LatexDerivative(LatexNode Of, IReadOnlyList<LatexNode> Wrt, int Order, TextSpan Span) : LatexNode(Span);

// ∂X on its own: a differential, as in the Cookbook's rules (33)–(45).
internal sealed record LatexDifferential(LatexNode Operand, int Order, TextSpan Span) : LatexNode(Span);

// \begin{bmatrix} … \end{bmatrix}: rows of cells.
internal sealed record LatexMatrix(IReadOnlyList<IReadOnlyList<LatexNode>> Rows, TextSpan Span) : LatexNode(Span);

// a = b = c; Continues when the formula starts with `=` (it continues the formula before it).
// Definitions are the trailing ", G = WᵀW" clauses; EvaluatedAt the "|_{y=x}" after a leading derivative.
internal sealed record LatexEquation(IReadOnlyList<LatexNode> Sides, bool Continues, TextSpan Span)
{
    public IReadOnlyList<LatexDefinition> Definitions { get; init; } = [];

    public IReadOnlyList<LatexDefinition> EvaluatedAt { get; init; } = [];
}

// name = value, in a trailing definition or an evaluation bar.
internal sealed record LatexDefinition(LatexSymbol Name, LatexNode Value);

internal enum LatexOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Hadamard,
    ElementwiseDivide,
    Kronecker,
}

internal enum LatexScriptKind
{
    Transpose,
    Inverse,
    InverseTranspose,
    ConjugateTranspose,
    Conjugate,
    Pseudoinverse,
    Power,
}

internal enum LatexIndexKind
{
    Name,
    Number,
    Slice,
}
