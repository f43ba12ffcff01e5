namespace TraceVerify.Syntax;

internal sealed record Token(TokenKind Kind, string Text, TextSpan Span)
{
    // How a token is named in "unexpected X, expected Y".
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.Number => $"number `{Text}`",
        TokenKind.Identifier => $"name `{Text}`",
        _ => $"`{Text}`",
    };
}
