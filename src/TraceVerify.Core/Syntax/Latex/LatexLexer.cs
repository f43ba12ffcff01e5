using TraceVerify.Diagnostics;

namespace TraceVerify.Syntax.Latex;

// Splits a LaTeX formula into tokens. Spacing commands and delimiter sizes (\left, \big…) vanish; font
// commands are resolved here: \mathbf{AXB} becomes the bold letters A, X, B (a bold run is a product of
// one-letter symbols), \mathbf{1} the all-ones vector, \operatorname{Tr}/\mathrm{tr}/\text{tr} an operator.
// Any other command is an "unsupported LaTeX command" diagnostic at its column; the lexer goes on after it.
internal static class LatexLexer
{
    public static (IReadOnlyList<LatexToken> Tokens, IReadOnlyList<SyntaxError> Errors) Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<LatexToken>();
        var errors = new List<SyntaxError>();
        var i = 0;
        var spaced = true;
        void Add(LatexTokenKind kind, string value, int start, int end, bool bold = false)
        {
            var adjacent = !spaced && kind == LatexTokenKind.Letter && tokens.Count > 0 && tokens[^1].Kind == LatexTokenKind.Letter && !tokens[^1].Bold && !bold;
            tokens.Add(new LatexToken(kind, value, TextSpan.FromBounds(start, end), bold, adjacent));
            spaced = false;
        }
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (char.IsWhiteSpace(c)) { i++; spaced = true; continue; }
            if (char.IsAsciiLetter(c)) { i++; Add(LatexTokenKind.Letter, c.ToString(), start, i); continue; }
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                Add(LatexTokenKind.Number, text[start..i], start, i);
                continue;
            }
            if (c == '\\')
            {
                i = Command(text, i, tokens, errors, Add, ref spaced);
                continue;
            }
            i++;
            LatexTokenKind? kind = c switch
            {
                '+' => LatexTokenKind.Plus,
                '-' => LatexTokenKind.Minus,
                '*' => LatexTokenKind.Star,
                '/' => LatexTokenKind.Slash,
                '=' => LatexTokenKind.Equals,
                '^' => LatexTokenKind.Caret,
                '_' => LatexTokenKind.Underscore,
                '\'' => LatexTokenKind.Apostrophe,
                '?' => LatexTokenKind.Question,
                ',' => LatexTokenKind.Comma,
                ':' => LatexTokenKind.Colon,
                '{' => LatexTokenKind.OpenBrace,
                '}' => LatexTokenKind.CloseBrace,
                '(' => LatexTokenKind.OpenParen,
                ')' => LatexTokenKind.CloseParen,
                '[' => LatexTokenKind.OpenBracket,
                ']' => LatexTokenKind.CloseBracket,
                '|' => LatexTokenKind.Bar,
                '&' => LatexTokenKind.Ampersand,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"unexpected character `{c}` in LaTeX", new TextSpan(start, 1)));
                continue;
            }
            Add(kind.Value, c.ToString(), start, i);
        }
        tokens.Add(new LatexToken(LatexTokenKind.End, "", new TextSpan(text.Length, 0)));
        return (MergeBars(tokens), errors);
    }

    private delegate void Adder(LatexTokenKind kind, string value, int start, int end, bool bold = false);

    private static int Command(string text, int i, List<LatexToken> tokens, List<SyntaxError> errors, Adder add, ref bool spaced)
    {
        var start = i;
        i++;
        if (i >= text.Length)
        {
            errors.Add(new SyntaxError(DiagnosticCodes.LatexUnexpected, "a lone `\\` at the end of the formula", new TextSpan(start, 1)));
            return i;
        }
        if (!char.IsAsciiLetter(text[i]))
        {
            var symbol = text[i].ToString();
            i++;
            if (LatexVocabulary.Spacing.Contains(symbol)) { spaced = true; return i; }
            switch (symbol)
            {
                case "\\": add(LatexTokenKind.RowBreak, "\\\\", start, i); return i;
                case "|": add(LatexTokenKind.DoubleBar, "\\|", start, i); return i;
                default:
                    errors.Add(new SyntaxError(DiagnosticCodes.LatexUnsupportedCommand, $"unsupported LaTeX command `\\{symbol}`", TextSpan.FromBounds(start, i)));
                    return i;
            }
        }
        while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
        var name = text[(start + 1)..i];
        if (LatexVocabulary.Spacing.Contains(name)) { spaced = true; return i; }
        if (LatexVocabulary.Sizing.Contains(name))
        {
            // \left. and \right. are invisible delimiters.
            var j = SkipSpaces(text, i);
            return j < text.Length && text[j] == '.' ? j + 1 : i;
        }
        if (name is "overset" or "stackrel" && text.AsSpan(i).TrimStart(' ').StartsWith("{?}{=}", StringComparison.Ordinal))
        {
            // a =? b, "is it equal?": the claim a = b under question.
            var end = text.IndexOf("{=}", i, StringComparison.Ordinal) + 3;
            add(LatexTokenKind.Equals, "=", start, end);
            return end;
        }
        if (name is "langle" or "rangle") { add(name == "langle" ? LatexTokenKind.OpenAngle : LatexTokenKind.CloseAngle, "\\" + name, start, i); return i; }
        if (LatexVocabulary.Greek.Contains(name)) { add(LatexTokenKind.Greek, name, start, i); return i; }
        if (LatexVocabulary.OperatorCommands.Contains(name)) { add(LatexTokenKind.Function, LatexVocabulary.Operators[name], start, i); return i; }
        if (LatexVocabulary.Structural.Contains(name)) { add(LatexTokenKind.Command, name, start, i); return i; }
        switch (name)
        {
            case "vert" or "lvert" or "rvert" or "mid": add(LatexTokenKind.Bar, "\\" + name, start, i); return i;
            case "Vert" or "lVert" or "rVert": add(LatexTokenKind.DoubleBar, "\\" + name, start, i); return i;
        }
        if (LatexVocabulary.Bold.Contains(name) || LatexVocabulary.Upright.Contains(name) || name is "begin" or "end")
        {
            if (Braced(text, i) is not { } argument)
            {
                errors.Add(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"`\\{name}` needs a braced argument", TextSpan.FromBounds(start, i)));
                return i;
            }
            var end = argument.End + 1;
            var content = text[argument.Start..argument.End];
            var span = TextSpan.FromBounds(start, end);
            if (name is "begin" or "end")
            {
                if (LatexVocabulary.Matrices.Contains(content))
                    add(name == "begin" ? LatexTokenKind.BeginMatrix : LatexTokenKind.EndMatrix, content, start, end);
                else
                    errors.Add(new SyntaxError(DiagnosticCodes.LatexUnsupportedCommand, $"unsupported LaTeX environment `\\{name}{{{content}}}`", span));
                return end;
            }
            if (LatexVocabulary.Bold.Contains(name))
            {
                if (content.Trim() == "1") { add(LatexTokenKind.Ones, "1", start, end); return end; }
                if (content.Length == 0 || !content.All(ch => char.IsAsciiLetter(ch) || ch == ' '))
                {
                    errors.Add(new SyntaxError(DiagnosticCodes.LatexUnsupportedCommand, $"unsupported LaTeX command `\\{name}{{{content}}}`: only letters (a product of bold symbols) or `1` (the all-ones vector) are read in bold", span));
                    return end;
                }
                // The first letter's span starts at the command, the last one's ends at the brace, so a
                // bold product is underlined whole.
                var letters = Enumerable.Range(argument.Start, argument.Length).Where(k => text[k] != ' ').ToArray();
                foreach (var k in letters) add(LatexTokenKind.Letter, text[k].ToString(), k == letters[0] ? start : k, k == letters[^1] ? end : k + 1, bold: true);
                return end;
            }
            var word = content.Trim();
            if (LatexVocabulary.Operators.TryGetValue(word, out var meaning)) add(LatexTokenKind.Function, meaning, start, end);
            else if (word.Length == 1 && char.IsAsciiLetter(word[0])) add(LatexTokenKind.Letter, word, start, end);
            else errors.Add(new SyntaxError(DiagnosticCodes.LatexUnsupportedCommand, $"unsupported LaTeX command `\\{name}{{{content}}}`: not an operator the reader knows ({string.Join(", ", LatexVocabulary.Operators.Keys)})", span));
            return end;
        }
        errors.Add(new SyntaxError(DiagnosticCodes.LatexUnsupportedCommand, $"unsupported LaTeX command `\\{name}`", TextSpan.FromBounds(start, i)));
        return i;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i;
    }

    // The span of the content of `{…}` starting at text[i] (after spaces); null when there is none.
    private static TextSpan? Braced(string text, int i)
    {
        i = SkipSpaces(text, i);
        if (i >= text.Length || text[i] != '{') return null;
        var depth = 0;
        for (var k = i; k < text.Length; k++)
        {
            if (text[k] == '{') depth++;
            else if (text[k] == '}' && --depth == 0) return TextSpan.FromBounds(i + 1, k);
        }
        return null;
    }

    // `\vert\vert` and `||` are one double bar (a norm delimiter).
    private static List<LatexToken> MergeBars(List<LatexToken> tokens)
    {
        var merged = new List<LatexToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind == LatexTokenKind.Bar && merged.Count > 0 && merged[^1].Kind == LatexTokenKind.Bar && merged[^1].Span.End >= token.Span.Start - 1)
                merged[^1] = new LatexToken(LatexTokenKind.DoubleBar, "||", merged[^1].Span.Cover(token.Span));
            else merged.Add(token);
        }
        return merged;
    }
}
