namespace TraceVerify.Syntax.Latex;

// One side of a LaTeX equation in the expression language: an expression, or a derivative claim ∂Of/∂Wrt;
// Error says why it has no such form (the side still read as LaTeX).
internal sealed record LatexSide(LatexNode Source, SyntaxNode? Expression, SyntaxNode? Of, SyntaxNode? Wrt, SyntaxError? Error)
{
    public bool IsDerivative => Source is LatexDerivative;

    public bool Mapped => Error is null;
}
