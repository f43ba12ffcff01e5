using TraceVerify.Diagnostics;

namespace TraceVerify.Syntax;

internal static class Lexer
{
    // Unexpected characters reported per text: each is located by its caller, so a text of 200,000 `$` would
    // cost time quadratic in its length; past this many the rest of the text is not read.
    public const int MaxErrors = 16;

    public static (IReadOnlyList<Token> Tokens, IReadOnlyList<SyntaxError> Errors) Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var errors = new List<SyntaxError>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[start..i], TextSpan.FromBounds(start, i)));
                continue;
            }
            // `ᵀ` (a modifier letter to .NET) is the transpose operator, never part of a name: `Aᵀ` is A transposed.
            if ((char.IsLetter(c) || c == '_') && c != 'ᵀ')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_') && text[i] != 'ᵀ') i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], TextSpan.FromBounds(start, i)));
                continue;
            }
            TokenKind? kind = c switch
            {
                '+' => TokenKind.Plus,
                '-' or '−' => TokenKind.Minus,
                '*' or '·' => TokenKind.Star,
                '/' => TokenKind.Slash,
                '⊙' or '∘' => TokenKind.DotStar,
                '^' => TokenKind.Caret,
                '\'' or '’' => TokenKind.Apostrophe,
                'ᵀ' => TokenKind.SuperscriptT,
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                '[' => TokenKind.OpenBracket,
                ']' => TokenKind.CloseBracket,
                ',' => TokenKind.Comma,
                ';' => TokenKind.Semicolon,
                ':' => TokenKind.Colon,
                _ => null,
            };
            if (c == '.' && i + 1 < text.Length && (text[i + 1] == '*' || text[i + 1] == '/'))
            {
                kind = text[i + 1] == '*' ? TokenKind.DotStar : TokenKind.DotSlash;
                i += 2;
                tokens.Add(new Token(kind.Value, text[start..i], TextSpan.FromBounds(start, i)));
                continue;
            }
            if (kind is null)
            {
                // One character even where UTF-16 needs two units (`𝐀`, U+1D400), named by its code point when not
                // ASCII, so a combining mark or a look-alike reads as what it is.
                var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var character = text.Substring(i, width);
                var named = width == 1 && char.IsSurrogate(c) ? $"U+{(int)c:X4} (half of a surrogate pair)"
                    : c < 128 ? $"`{character}`"
                    : $"`{character}` (U+{char.ConvertToUtf32(text, i):X4})";
                errors.Add(new SyntaxError(DiagnosticCodes.BadCharacter, $"unexpected character {named}", new TextSpan(i, width)));
                i += width;
                if (errors.Count >= MaxErrors) break;
                continue;
            }
            i++;
            tokens.Add(new Token(kind.Value, text[start..i], TextSpan.FromBounds(start, i)));
        }
        tokens.Add(new Token(TokenKind.End, "", new TextSpan(text.Length, 0)));
        return (tokens, errors);
    }
}
