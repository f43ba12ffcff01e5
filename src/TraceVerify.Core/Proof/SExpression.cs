using System.Text;

namespace TraceVerify.Proof;

// An S-expression as Z3 prints it: a list, or an atom (symbol, numeral, keyword or string literal).
// Only Z3's output is read with this, so the grammar is SMT-LIB's concrete syntax and nothing more.
internal sealed class SExpression
{
    private static readonly IReadOnlyList<SExpression> NoItems = [];

    private SExpression(string text, bool isStringLiteral, IReadOnlyList<SExpression>? items)
    {
        Text = text;
        IsStringLiteral = isStringLiteral;
        Items = items ?? NoItems;
        IsList = items is not null;
    }

    public bool IsList { get; }

    // A string literal's text is its unescaped content, so "x" and the symbol x stay distinguishable.
    public bool IsStringLiteral { get; }

    // Atom text; a quoted symbol |a b| is stored without its bars, as SMT-LIB makes |x| and x equal.
    public string Text { get; }

    public IReadOnlyList<SExpression> Items { get; }

    public bool IsAtom => !IsList;

    public bool IsSymbol(string name) => IsAtom && !IsStringLiteral && Text == name;

    private static SExpression Atom(string text) => new(text, isStringLiteral: false, items: null);

    private static SExpression StringLiteral(string text) => new(text, isStringLiteral: true, items: null);

    private static SExpression ListOf(IReadOnlyList<SExpression> items) => new(string.Empty, isStringLiteral: false, items);

    // Every top-level expression in the text; FormatException on unbalanced parentheses or an
    // unterminated literal, so truncated output is never mistaken for a complete answer.
    public static IReadOnlyList<SExpression> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        var result = new List<SExpression>();
        while (reader.TryRead(out var expression)) result.Add(expression);
        return result;
    }

    public override string ToString()
    {
        if (IsList) return "(" + string.Join(' ', Items) + ")";
        return IsStringLiteral ? "\"" + Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : Text;
    }

    private sealed class Reader(string text)
    {
        private int _position;

        public bool TryRead(out SExpression expression)
        {
            SkipTrivia();
            if (_position >= text.Length)
            {
                expression = ListOf(NoItems);
                return false;
            }
            expression = ReadExpression();
            return true;
        }

        // Iterative over list nesting: Z3 prints deep terms, and a recursive reader would let their
        // depth decide whether the process survives.
        private SExpression ReadExpression()
        {
            var open = new Stack<(int Start, List<SExpression> Items)>();
            while (true)
            {
                SkipTrivia();
                if (_position >= text.Length)
                {
                    throw new FormatException(open.Count > 0
                        ? $"unclosed '(' at offset {open.Peek().Start}"
                        : "expected an S-expression");
                }

                SExpression completed;
                var c = text[_position];
                if (c == '(')
                {
                    open.Push((_position, []));
                    _position++;
                    continue;
                }
                if (c == ')')
                {
                    if (open.Count == 0) throw new FormatException($"unmatched ')' at offset {_position}");
                    _position++;
                    completed = ListOf(open.Pop().Items);
                }
                else
                {
                    completed = ReadAtom();
                }

                if (open.Count == 0) return completed;
                open.Peek().Items.Add(completed);
            }
        }

        private SExpression ReadAtom()
        {
            var c = text[_position];
            if (c == '"') return StringLiteral(ReadDelimited('"', isStringLiteral: true));
            if (c == '|') return Atom(ReadDelimited('|', isStringLiteral: false));
            var start = _position;
            while (_position < text.Length && !IsDelimiter(text[_position])) _position++;
            return Atom(text[start.._position]);
        }

        // SMT-LIB 2.6 escapes a quote inside a string by doubling it; Z3 4.8 prints a backslash before
        // it instead (and leaves other backslashes alone). Both are accepted because only Z3's own
        // messages pass through here.
        private string ReadDelimited(char delimiter, bool isStringLiteral)
        {
            var start = _position;
            _position++;
            var content = new StringBuilder();
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (c == delimiter)
                {
                    if (isStringLiteral && _position < text.Length && text[_position] == delimiter)
                    {
                        content.Append(delimiter);
                        _position++;
                        continue;
                    }
                    return content.ToString();
                }
                if (c == '\\' && isStringLiteral && _position < text.Length && text[_position] == delimiter)
                {
                    content.Append(text[_position++]);
                    continue;
                }
                content.Append(c);
            }
            throw new FormatException($"unterminated {delimiter}...{delimiter} literal at offset {start}");
        }

        private void SkipTrivia()
        {
            while (_position < text.Length)
            {
                var c = text[_position];
                if (char.IsWhiteSpace(c))
                {
                    _position++;
                }
                else if (c == ';')
                {
                    while (_position < text.Length && text[_position] != '\n') _position++;
                }
                else
                {
                    return;
                }
            }
        }

        private static bool IsDelimiter(char c) =>
            char.IsWhiteSpace(c) || c is '(' or ')' or '"' or '|' or ';';
    }
}
