namespace TraceVerify.Syntax;

internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    DotStar,
    DotSlash,
    Caret,
    Apostrophe,
    SuperscriptT,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Semicolon,
    Colon,
    End,
}
