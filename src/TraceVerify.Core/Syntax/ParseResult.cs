namespace TraceVerify.Syntax;

internal sealed record ParseResult(SyntaxNode? Node, IReadOnlyList<SyntaxError> Errors)
{
    public bool Succeeded => Node is not null && Errors.Count == 0;
}
