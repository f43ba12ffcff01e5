using System.Globalization;
using TraceVerify.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Syntax.Latex;

// Recursive descent over the notation of matrix-calculus texts (loosest first):
//   equation := ['='] expr ('=' expr)*
//   expr     := ['-'|'+'] hadamard (('+'|'-') hadamard)*
//   hadamard := product ((\circ | \odot | \oslash | \otimes) product)*      Aᵀ1 ⊙ B1 = (Aᵀ1) ⊙ (B1), as the notes read it
//   product  := factor ((\cdot | '*' | '/' | juxtaposition) factor)*
//   factor   := primary ('^' script | '_' script)*
// Letters: a run of plain letters with no space (`AXB`) is a product of one-letter symbols, each taking
// its own scripts (`AX^T` = A·Xᵀ), unless the whole run is an operator name (`tr`, `Tr`, `diag`, `det`…);
// a run that merely contains one (`XTr`) is ambiguous and reported. Bold runs (\mathbf{AXX}) are always
// products. \sum, ∂/∂X and ∇_X take the rest of the product as their body. A `∂` starts a derivative
// when its product is followed by `/∂` (∂f/∂X, ∂ tr(AXB)/∂X); otherwise it is a differential of the one
// factor after it (the Cookbook's ∂(XY) = (∂X)Y + X(∂Y)).
internal sealed class LatexParser
{
    private const int MaxDepth = 200;

    // A product is read by a loop but lowered and printed by recursion: this bounds that depth with room to
    // spare on a 1 MB stack (the largest formula of the notes has about 300 tokens).
    public const int MaxTokens = 4000;
    private readonly IReadOnlyList<LatexToken> _tokens;
    private readonly Stack<LatexTokenKind> _openBars = new();
    private int _position;
    private int _splitUntil;
    private int _depth;

    private LatexParser(IReadOnlyList<LatexToken> tokens) => _tokens = tokens;

    public static (LatexEquation? Equation, IReadOnlyList<SyntaxError> Errors) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (tokens, errors) = LatexLexer.Tokenize(text);
        if (errors.Count > 0) return (null, errors);
        if (tokens.Count > MaxTokens)
            return (null, [new SyntaxError(DiagnosticCodes.ExpressionTooLarge, $"formula too large (more than {MaxTokens} tokens)", new TextSpan(0, text.Length))]);
        var parser = new LatexParser(tokens);
        try
        {
            return (parser.ParseEquation(), []);
        }
        catch (LatexParseFailure failure)
        {
            return (null, [failure.Error]);
        }
    }

    private LatexToken Current => _tokens[_position];

    // Where the parser stands, to read a part again another way after a failed attempt.
    private (int Position, int SplitUntil, int Depth, LatexTokenKind[] Bars) Save() => (_position, _splitUntil, _depth, _openBars.ToArray());

    private void Restore((int Position, int SplitUntil, int Depth, LatexTokenKind[] Bars) saved)
    {
        (_position, _splitUntil, _depth) = (saved.Position, saved.SplitUntil, saved.Depth);
        _openBars.Clear();
        foreach (var bar in saved.Bars.Reverse()) _openBars.Push(bar);
    }

    private LatexToken Peek(int k = 1) => _tokens[Math.Min(_position + k, _tokens.Count - 1)];

    private LatexToken Advance() => _tokens[_position++];

    private bool IsCommand(LatexToken token, params string[] names) => token.Kind == LatexTokenKind.Command && names.Contains(token.Text);

    private LatexParseFailure Unexpected(string expected) =>
        new(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"unexpected {Current.Describe()}, expected {expected}", Current.Span));

    private LatexToken Expect(LatexTokenKind kind, string expected) => Current.Kind == kind ? Advance() : throw Unexpected(expected);

    private LatexEquation ParseEquation()
    {
        var start = Current.Span;
        var continues = false;
        if (Current.Kind == LatexTokenKind.Equals) { Advance(); continues = true; }
        var sides = new List<LatexNode> { ParseExpression() };
        IReadOnlyList<LatexDefinition> evaluatedAt = [];
        if (sides[0] is LatexDerivative && Current.Kind == LatexTokenKind.Bar && Peek().Kind == LatexTokenKind.Underscore)
        {
            // ∂f/∂x |_{y=x}: the derivative evaluated where y is x.
            Advance();
            Advance();
            Expect(LatexTokenKind.OpenBrace, "`{` and the point of evaluation (`|_{y=x}`)");
            evaluatedAt = ParseDefinitions(LatexTokenKind.CloseBrace);
            Expect(LatexTokenKind.CloseBrace, "`}`");
        }
        while (Current.Kind == LatexTokenKind.Equals)
        {
            Advance();
            sides.Add(ParseExpression());
        }
        IReadOnlyList<LatexDefinition> definitions = [];
        if (Current.Kind == LatexTokenKind.Comma)
        {
            // a = b, G = WᵀW: local definitions after the formula.
            Advance();
            definitions = ParseDefinitions(LatexTokenKind.End);
        }
        if (Current.Kind != LatexTokenKind.End) throw Unexpected("an operator, `=` or the end of the formula");
        return new LatexEquation(sides, continues, start.Cover(sides[^1].Span)) { Definitions = definitions, EvaluatedAt = evaluatedAt };
    }

    // name = value, name = value, … up to `until`.
    private List<LatexDefinition> ParseDefinitions(LatexTokenKind until)
    {
        var definitions = new List<LatexDefinition>();
        while (true)
        {
            if (Current.Kind is not (LatexTokenKind.Letter or LatexTokenKind.Greek)) throw Unexpected("a name to define (`G = …`)");
            var name = Advance();
            _splitUntil = Math.Max(_splitUntil, _position);
            Expect(LatexTokenKind.Equals, $"`=` after `{name.Text}`");
            var value = ParseExpression();
            definitions.Add(new LatexDefinition(new LatexSymbol(name.Text, name.Bold, name.Span), value));
            if (Current.Kind == LatexTokenKind.Comma) { Advance(); continue; }
            if (Current.Kind == until) return definitions;
            throw Unexpected("`,` or the end of the definitions");
        }
    }

    private LatexNode ParseExpression()
    {
        if (++_depth > MaxDepth) throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.ExpressionTooLarge, $"formula nested deeper than {MaxDepth} levels", Current.Span));
        LatexNode left;
        if (Current.Kind is LatexTokenKind.Minus or LatexTokenKind.Plus)
        {
            var sign = Advance();
            var operand = ParseHadamard();
            left = sign.Kind == LatexTokenKind.Minus ? new LatexNegate(operand, sign.Span.Cover(operand.Span)) : operand;
        }
        else left = ParseHadamard();
        while (Current.Kind is LatexTokenKind.Plus or LatexTokenKind.Minus)
        {
            var op = Advance();
            var right = ParseHadamard();
            left = new LatexBinary(op.Kind == LatexTokenKind.Plus ? LatexOperator.Add : LatexOperator.Subtract, left, right, op.Span, left.Span.Cover(right.Span));
        }
        _depth--;
        return left;
    }

    private LatexNode ParseHadamard()
    {
        var left = ParseProduct();
        while (IsCommand(Current, "circ", "odot", "oslash", "otimes"))
        {
            var op = Advance();
            var kind = op.Text switch { "oslash" => LatexOperator.ElementwiseDivide, "otimes" => LatexOperator.Kronecker, _ => LatexOperator.Hadamard };
            var right = ParseProduct();
            left = new LatexBinary(kind, left, right, op.Span, left.Span.Cover(right.Span));
        }
        return left;
    }

    private LatexNode ParseProduct()
    {
        if (!StartsFactor(Current) && !IsCommand(Current, "cdots", "ldots", "dots", "vdots", "ddots") && Current.Kind != LatexTokenKind.Question)
            throw Unexpected("an expression");
        var left = ParseFactor();
        while (true)
        {
            if (IsCommand(Current, "cdot") || Current.Kind == LatexTokenKind.Star)
            {
                var op = Advance();
                var right = ParseFactor();
                left = new LatexBinary(LatexOperator.Multiply, left, right, op.Span, left.Span.Cover(right.Span));
            }
            else if (Current.Kind == LatexTokenKind.Slash && !IsCommand(Peek(), "partial"))
            {
                var op = Advance();
                var right = ParseFactor();
                left = new LatexBinary(LatexOperator.Divide, left, right, op.Span, left.Span.Cover(right.Span));
            }
            else if (StartsFactor(Current))
            {
                var right = ParseFactor();
                left = new LatexBinary(LatexOperator.Multiply, left, right, new TextSpan(right.Span.Start, 0), left.Span.Cover(right.Span));
            }
            else return left;
        }
    }

    private bool StartsFactor(LatexToken token) => token.Kind switch
    {
        LatexTokenKind.Letter or LatexTokenKind.Greek or LatexTokenKind.Number or LatexTokenKind.Ones or LatexTokenKind.Function
            or LatexTokenKind.OpenParen or LatexTokenKind.OpenBracket or LatexTokenKind.OpenBrace or LatexTokenKind.BeginMatrix => true,
        LatexTokenKind.Bar when token == Current && Peek().Kind == LatexTokenKind.Underscore => false,
        LatexTokenKind.Bar or LatexTokenKind.DoubleBar => _openBars.Count == 0 || _openBars.Peek() != token.Kind,
        LatexTokenKind.OpenAngle => true,
        LatexTokenKind.Command => token.Text is "partial" or "nabla" or "sum" or "prod" or "frac" or "dfrac" or "tfrac",
        _ => false,
    };

    private LatexNode ParseFactor()
    {
        // Operators without parentheses (\ln\ln x, \partial\partial X) nest here, not in ParseExpression.
        if (++_depth > MaxDepth) throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.ExpressionTooLarge, $"formula nested deeper than {MaxDepth} levels", Current.Span));
        var node = ParsePrimary();
        _depth--;
        while (true)
        {
            switch (Current.Kind)
            {
                case LatexTokenKind.Caret:
                    node = ParseSuperscript(node);
                    break;
                case LatexTokenKind.Underscore:
                    {
                        Advance();
                        var (indices, span) = ParseIndices();
                        node = new LatexSubscript(node, indices, span, node.Span.Cover(span));
                        break;
                    }
                case LatexTokenKind.Apostrophe:
                    throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected,
                        "a prime `'` is not read (it is a derivative in some texts, a transpose in others): write `^T` or `^\\top` for a transpose", Current.Span));
                default:
                    return node;
            }
        }
    }

    private LatexNode ParseSuperscript(LatexNode operand)
    {
        var caret = Advance();
        if (Current.Kind == LatexTokenKind.OpenBrace)
        {
            var open = Advance();
            var kind = ScriptKind(Current, Peek(), Peek(2), closing: LatexTokenKind.CloseBrace);
            if (kind is { } k)
            {
                while (Current.Kind != LatexTokenKind.CloseBrace) Advance();
                var closeBrace = Advance();
                return new LatexSuperscript(operand, k, null, caret.Span.Cover(closeBrace.Span), operand.Span.Cover(closeBrace.Span));
            }
            var exponent = ParseExpression();
            var close = Expect(LatexTokenKind.CloseBrace, "`}`");
            return new LatexSuperscript(operand, LatexScriptKind.Power, exponent, caret.Span.Cover(close.Span), operand.Span.Cover(close.Span));
        }
        var token = Current;
        if (ScriptKind(token, Peek(), Peek(), closing: null) is { } single)
        {
            Advance();
            return new LatexSuperscript(operand, single, null, caret.Span.Cover(token.Span), operand.Span.Cover(token.Span));
        }
        switch (token.Kind)
        {
            case LatexTokenKind.Number when token.Text.Length == 1:
                Advance();
                return new LatexSuperscript(operand, LatexScriptKind.Power, new LatexNumber(Rational.Of(token.Text[0] - '0'), token.Text, token.Span), caret.Span.Cover(token.Span), operand.Span.Cover(token.Span));
            case LatexTokenKind.Number:
                throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected,
                    $"`^{token.Text}` raises to the first digit only in LaTeX: write `^{{{token.Text}}}`", token.Span));
            case LatexTokenKind.Letter or LatexTokenKind.Greek:
                Advance();
                return new LatexSuperscript(operand, LatexScriptKind.Power, new LatexSymbol(token.Text, token.Bold, token.Span), caret.Span.Cover(token.Span), operand.Span.Cover(token.Span));
            default:
                throw Unexpected("a superscript (`T`, `\\top`, `{-1}`, `{-T}`, a number or `{…}`)");
        }
    }

    // The superscripts that are operations rather than exponents: T, \top, \intercal, -1, -T, H, *, +.
    private static LatexScriptKind? ScriptKind(LatexToken first, LatexToken second, LatexToken third, LatexTokenKind? closing)
    {
        bool Ends(LatexToken t) => closing is null || t.Kind == closing;
        if (first.Kind == LatexTokenKind.Letter && first.Text == "T" && Ends(second)) return LatexScriptKind.Transpose;
        if (first.Kind == LatexTokenKind.Command && first.Text is "top" or "intercal" && Ends(second)) return LatexScriptKind.Transpose;
        if (first.Kind == LatexTokenKind.Letter && first.Text == "H" && Ends(second)) return LatexScriptKind.ConjugateTranspose;
        if (first.Kind == LatexTokenKind.Star && Ends(second)) return LatexScriptKind.Conjugate;
        if (first.Kind == LatexTokenKind.Plus && Ends(second)) return LatexScriptKind.Pseudoinverse;
        if (closing is not null && first.Kind == LatexTokenKind.Minus && Ends(third))
        {
            if (second.Kind == LatexTokenKind.Number && second.Text == "1") return LatexScriptKind.Inverse;
            if (second.Kind == LatexTokenKind.Letter && second.Text == "T") return LatexScriptKind.InverseTranspose;
        }
        return null;
    }

    // A subscript's items: `_{ij}` and `_{11}` are one item per character, `_{i,j}` and `_{10,2}` split at
    // commas, `_{k:}` is row k (`:` a whole slice), `_j` one item.
    private (IReadOnlyList<LatexIndex> Indices, TextSpan Span) ParseIndices()
    {
        if (Current.Kind != LatexTokenKind.OpenBrace)
        {
            var single = Current;
            if (single.Kind is LatexTokenKind.Letter or LatexTokenKind.Greek) { Advance(); return ([new LatexIndex(LatexIndexKind.Name, single.Text, single.Span)], single.Span); }
            if (single.Kind == LatexTokenKind.Number)
            {
                Advance();
                if (single.Text.Length != 1)
                    throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"`_{single.Text}` subscripts the first digit only in LaTeX: write `_{{{single.Text}}}`", single.Span));
                return ([new LatexIndex(LatexIndexKind.Number, single.Text, single.Span)], single.Span);
            }
            throw Unexpected("a subscript");
        }
        var open = Advance();
        var items = new List<LatexToken>();
        while (Current.Kind is not (LatexTokenKind.CloseBrace or LatexTokenKind.End)) items.Add(Advance());
        var close = Expect(LatexTokenKind.CloseBrace, "`}`");
        var span = open.Span.Cover(close.Span);
        if (items.Count == 0) throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, "an empty subscript `_{}`", span));
        return (Indices(items, span), span);
    }

    private static List<LatexIndex> Indices(List<LatexToken> items, TextSpan span)
    {
        var result = new List<LatexIndex>();
        if (items.Any(t => t.Kind == LatexTokenKind.Comma))
        {
            var part = new List<LatexToken>();
            void Flush()
            {
                if (part.Count == 0) throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, "an empty item in a subscript", span));
                if (part.Count == 1 && part[0].Kind == LatexTokenKind.Colon) result.Add(new LatexIndex(LatexIndexKind.Slice, ":", part[0].Span));
                else if (part.All(t => t.Kind == LatexTokenKind.Number)) result.Add(new LatexIndex(LatexIndexKind.Number, string.Concat(part.Select(t => t.Text)), part[0].Span.Cover(part[^1].Span)));
                else if (part.All(t => t.Kind is LatexTokenKind.Letter or LatexTokenKind.Greek)) result.Add(new LatexIndex(LatexIndexKind.Name, string.Concat(part.Select(t => t.Text)), part[0].Span.Cover(part[^1].Span)));
                else throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"unexpected {part[0].Describe()} in a subscript, expected index names, numbers or `:`", part[0].Span));
                part.Clear();
            }
            foreach (var t in items)
            {
                if (t.Kind == LatexTokenKind.Comma) Flush();
                else part.Add(t);
            }
            Flush();
            return result;
        }
        foreach (var t in items)
        {
            switch (t.Kind)
            {
                case LatexTokenKind.Letter or LatexTokenKind.Greek: result.Add(new LatexIndex(LatexIndexKind.Name, t.Text, t.Span)); break;
                case LatexTokenKind.Colon: result.Add(new LatexIndex(LatexIndexKind.Slice, ":", t.Span)); break;
                case LatexTokenKind.Number:
                    for (var k = 0; k < t.Text.Length; k++)
                    {
                        if (!char.IsAsciiDigit(t.Text[k])) throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"unexpected `{t.Text}` in a subscript", t.Span));
                        result.Add(new LatexIndex(LatexIndexKind.Number, t.Text[k].ToString(), new TextSpan(t.Span.Start + k, 1)));
                    }
                    break;
                default:
                    throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"unexpected {t.Describe()} in a subscript, expected index names, numbers or `:`", t.Span));
            }
        }
        return result;
    }

    private LatexNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case LatexTokenKind.Number:
                Advance();
                return new LatexNumber(Rational.ParseDecimal(token.Text), token.Text, token.Span);
            case LatexTokenKind.Greek:
                Advance();
                return new LatexSymbol(token.Text, token.Bold, token.Span);
            case LatexTokenKind.Letter:
                return ParseLetter();
            case LatexTokenKind.Ones:
                Advance();
                return new LatexOnes(token.Span);
            case LatexTokenKind.Question:
                Advance();
                return new LatexPlaceholder(token.Span);
            case LatexTokenKind.Function:
                Advance();
                return ParseFunction(token.Text, token.Span);
            case LatexTokenKind.OpenParen or LatexTokenKind.OpenBracket or LatexTokenKind.OpenBrace:
                return ParseGroup();
            case LatexTokenKind.Bar or LatexTokenKind.DoubleBar:
                {
                    Advance();
                    _openBars.Push(token.Kind);
                    var inner = ParseExpression();
                    _openBars.Pop();
                    if (Current.Kind != token.Kind) throw Unexpected(token.Kind == LatexTokenKind.Bar ? "a closing `|`" : "a closing `\\|`");
                    var close = Advance();
                    return new LatexNorm(inner, token.Kind == LatexTokenKind.DoubleBar, token.Span.Cover(close.Span));
                }
            case LatexTokenKind.BeginMatrix:
                return ParseMatrix();
            case LatexTokenKind.OpenAngle:
                {
                    Advance();
                    var left = ParseExpression();
                    Expect(LatexTokenKind.Comma, "`,` between the two sides of `\\langle …, … \\rangle`");
                    var right = ParseExpression();
                    var close = Expect(LatexTokenKind.CloseAngle, "`\\rangle`");
                    return new LatexInnerProduct(left, right, token.Span.Cover(close.Span));
                }
            case LatexTokenKind.Command:
                switch (token.Text)
                {
                    case "partial": return ParsePartial();
                    case "nabla": return ParseNabla();
                    case "sum" or "prod": return ParseSum();
                    case "frac" or "dfrac" or "tfrac": return ParseFraction();
                    case "cdots" or "ldots" or "dots" or "vdots" or "ddots":
                        Advance();
                        return new LatexEllipsis(token.Text, token.Span);
                }
                break;
        }
        throw Unexpected("an expression");
    }

    private LatexNode ParseLetter()
    {
        var token = Advance();
        if (token.Bold || _position - 1 < _splitUntil) return new LatexSymbol(token.Text, token.Bold, token.Span);
        var end = _position;
        while (_tokens[end].Kind == LatexTokenKind.Letter && _tokens[end].Adjacent) end++;
        var run = token.Text + string.Concat(Enumerable.Range(_position, end - _position).Select(k => _tokens[k].Text));
        if (run.Length > 1 && LatexVocabulary.Operators.TryGetValue(run, out var meaning))
        {
            var nameSpan = token.Span.Cover(_tokens[end - 1].Span);
            _position = end;
            return ParseFunction(meaning, nameSpan);
        }
        var contained = LatexVocabulary.Operators.Keys.FirstOrDefault(name => name.Length > 1 && run.Contains(name, StringComparison.Ordinal));
        if (contained is not null)
        {
            throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexAmbiguousRun,
                $"ambiguous letters `{run}`: a product of one-letter symbols, or `{contained}` applied? Separate them with a space or write `\\operatorname{{{contained}}}`",
                token.Span.Cover(_tokens[end - 1].Span)));
        }
        _splitUntil = end;
        return new LatexSymbol(token.Text, false, token.Span);
    }

    // An operator's argument is the group after it (`tr(…)`, `tr[…]`, `\sqrt{…}`), or else the one factor after it (`\ln\det X`).
    private LatexNode ParseFunction(string name, TextSpan nameSpan)
    {
        if (name == "sqrt" && Current.Kind == LatexTokenKind.OpenBracket) return ParseRoot(nameSpan);
        if (!StartsFactor(Current)) throw Unexpected($"the argument of `{name}`");
        var argument = Current.Kind is LatexTokenKind.OpenParen or LatexTokenKind.OpenBracket or LatexTokenKind.OpenBrace ? ParseGroup() : ParseFactor();
        var inner = argument is LatexGroup g ? g.Inner : argument;
        return new LatexFunction(name, inner, nameSpan, nameSpan.Cover(argument.Span));
    }

    // \sqrt[n]{u}, the n-th root: read as the power u^{1/n} (so the lowering's rational powers apply: a scalar
    // base, the real root for odd n), \sqrt[2]{u} as \sqrt{u}; never as \sqrt{n}·u. n is a whole number ≥ 2.
    private LatexNode ParseRoot(TextSpan nameSpan)
    {
        var open = Advance();
        if (Current.Kind != LatexTokenKind.Number || !int.TryParse(Current.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var degree)
            || degree < 2 || degree > 1000)
            throw Unexpected("a whole-number root degree from 2 to 1000 in `\\sqrt[n]{…}`");
        var degreeToken = Advance();
        var close = Expect(LatexTokenKind.CloseBracket, "`]` after the root degree");
        if (!StartsFactor(Current)) throw Unexpected("the argument of `\\sqrt[n]`");
        var radicand = Current.Kind is LatexTokenKind.OpenParen or LatexTokenKind.OpenBracket or LatexTokenKind.OpenBrace ? ParseGroup() : ParseFactor();
        if (degree == 2) return new LatexFunction("sqrt", radicand is LatexGroup g ? g.Inner : radicand, nameSpan, nameSpan.Cover(radicand.Span));
        var scriptSpan = open.Span.Cover(close.Span);
        var exponent = new LatexFraction(new LatexNumber(Rational.One, "1", degreeToken.Span), new LatexNumber(Rational.Of(degree), degreeToken.Text, degreeToken.Span), degreeToken.Span);
        var body = radicand is LatexGroup ? radicand : new LatexGroup(radicand, '(', radicand.Span);
        return new LatexSuperscript(body, LatexScriptKind.Power, exponent, scriptSpan, nameSpan.Cover(radicand.Span));
    }

    private LatexNode ParseGroup()
    {
        var open = Advance();
        var closing = open.Kind switch
        {
            LatexTokenKind.OpenParen => LatexTokenKind.CloseParen,
            LatexTokenKind.OpenBracket => LatexTokenKind.CloseBracket,
            _ => LatexTokenKind.CloseBrace,
        };
        var saved = _openBars.ToArray();
        _openBars.Clear();
        var inner = ParseExpression();
        foreach (var bar in saved.Reverse()) _openBars.Push(bar);
        if (Current.Kind != closing)
        {
            var expected = closing switch { LatexTokenKind.CloseParen => "`)`", LatexTokenKind.CloseBracket => "`]`", _ => "`}`" };
            if (Current.Kind == LatexTokenKind.End)
                throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"this {open.Describe()} is never closed (expected {expected})", open.Span));
            throw Unexpected(expected);
        }
        var close = Advance();
        return new LatexGroup(inner, open.Text[0], open.Span.Cover(close.Span));
    }

    private int ParseOrder()
    {
        if (Current.Kind != LatexTokenKind.Caret) return 1;
        Advance();
        var braced = Current.Kind == LatexTokenKind.OpenBrace;
        if (braced) Advance();
        var number = Expect(LatexTokenKind.Number, "the order of the derivative");
        if (braced) Expect(LatexTokenKind.CloseBrace, "`}`");
        if (!int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order > 1000)
            throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.BadExponent, $"the order `{number.Text}` is too large (at most 1000)", number.Span));
        return order;
    }

    private LatexNode ParsePartial()
    {
        var partial = Advance();
        var order = ParseOrder();
        if (Current.Kind == LatexTokenKind.Slash && IsCommand(Peek(), "partial"))
        {
            // ∂/∂X body
            Advance();
            var wrt = ParseVariables();
            if (!StartsFactor(Current)) throw Unexpected("the expression being differentiated after `\\partial/\\partial …`");
            var body = ParseProduct();
            return new LatexDerivative(body, wrt, order, partial.Span.Cover(body.Span));
        }
        var saved = Save();
        if (StartsFactor(Current))
        {
            try
            {
                var numerator = ParseProduct();
                if (Current.Kind == LatexTokenKind.Slash && IsCommand(Peek(), "partial"))
                {
                    Advance();
                    var wrt = ParseVariables();
                    return new LatexDerivative(numerator, wrt, order, partial.Span.Cover(wrt[^1].Span));
                }
            }
            catch (LatexParseFailure)
            {
                // Read again below as a differential; a real error is found again there.
            }
        }
        Restore(saved);
        if (!StartsFactor(Current)) throw Unexpected("what `\\partial` applies to");
        var operand = ParseFactor();
        return new LatexDifferential(operand, order, partial.Span.Cover(operand.Span));
    }

    // ∂X, ∂X_{jk}, ∂x ∂x^T: one or more variables, each `\partial` followed by one symbol with its scripts.
    private List<LatexNode> ParseVariables()
    {
        var variables = new List<LatexNode>();
        do
        {
            Advance();
            variables.Add(ParseVariable());
        }
        while (IsCommand(Current, "partial"));
        return variables;
    }

    // One symbol with its scripts: X, X_{jk}, x^T.
    private LatexNode ParseVariable()
    {
        if (Current.Kind is not (LatexTokenKind.Letter or LatexTokenKind.Greek)) throw Unexpected("a variable");
        var symbol = Advance();
        LatexNode variable = new LatexSymbol(symbol.Text, symbol.Bold, symbol.Span);
        _splitUntil = Math.Max(_splitUntil, _position);
        while (Current.Kind is LatexTokenKind.Caret or LatexTokenKind.Underscore)
        {
            if (Current.Kind == LatexTokenKind.Caret) variable = ParseSuperscript(variable);
            else
            {
                Advance();
                var (indices, span) = ParseIndices();
                variable = new LatexSubscript(variable, indices, span, variable.Span.Cover(span));
            }
        }
        return variable;
    }

    // ∇_x f is ∂f/∂x.
    private LatexNode ParseNabla()
    {
        var nabla = Advance();
        Expect(LatexTokenKind.Underscore, "`_` and the variable after `\\nabla`");
        var braced = Current.Kind == LatexTokenKind.OpenBrace;
        if (braced) Advance();
        if (Current.Kind is not (LatexTokenKind.Letter or LatexTokenKind.Greek)) throw Unexpected("a variable");
        var symbol = Advance();
        if (braced) Expect(LatexTokenKind.CloseBrace, "`}`");
        if (!StartsFactor(Current)) throw Unexpected("the expression after `\\nabla`");
        var body = ParseProduct();
        return new LatexDerivative(body, [new LatexSymbol(symbol.Text, symbol.Bold, symbol.Span)], 1, nabla.Span.Cover(body.Span));
    }

    private LatexNode ParseSum()
    {
        var sum = Advance();
        IReadOnlyList<LatexIndex> indices = [];
        LatexNode? lower = null, upper = null;
        for (var part = 0; part < 2; part++)
        {
            if (Current.Kind == LatexTokenKind.Underscore && indices.Count == 0)
            {
                Advance();
                if (Current.Kind == LatexTokenKind.OpenBrace)
                {
                    var open = Advance();
                    var items = new List<LatexToken>();
                    while (Current.Kind is not (LatexTokenKind.CloseBrace or LatexTokenKind.Equals or LatexTokenKind.End)) items.Add(Advance());
                    if (items.Count == 0) throw Unexpected("a summation index");
                    indices = Indices(items, open.Span.Cover(Current.Span));
                    if (Current.Kind == LatexTokenKind.Equals)
                    {
                        Advance();
                        lower = ParseExpression();
                    }
                    Expect(LatexTokenKind.CloseBrace, "`}`");
                }
                else
                {
                    var (single, _) = ParseIndices();
                    indices = single;
                }
            }
            else if (Current.Kind == LatexTokenKind.Caret && upper is null)
            {
                Advance();
                if (Current.Kind == LatexTokenKind.OpenBrace)
                {
                    Advance();
                    upper = ParseExpression();
                    Expect(LatexTokenKind.CloseBrace, "`}`");
                }
                else upper = ParsePrimary();
            }
        }
        if (!StartsFactor(Current)) throw Unexpected($"the body of `\\{sum.Text}`");
        var body = ParseProduct();
        return new LatexSum(sum.Text == "prod", indices, lower, upper, body, sum.Span.Cover(body.Span));
    }

    private LatexNode ParseFraction()
    {
        var frac = Advance();
        Expect(LatexTokenKind.OpenBrace, $"`{{` after `\\{frac.Text}`");
        if (IsCommand(Current, "partial"))
        {
            Advance();
            var order = ParseOrder();
            var of = ParseExpression();
            Expect(LatexTokenKind.CloseBrace, "`}`");
            Expect(LatexTokenKind.OpenBrace, "`{` and the denominator");
            if (!IsCommand(Current, "partial")) throw Unexpected("`\\partial` in the denominator of a derivative");
            var wrt = ParseVariables();
            var closeDerivative = Expect(LatexTokenKind.CloseBrace, "`}`");
            return new LatexDerivative(of, wrt, order, frac.Span.Cover(closeDerivative.Span));
        }
        if (Current is { Kind: LatexTokenKind.Letter, Text: "d", Bold: false } && TryUprightDerivative(frac) is { } derivative) return derivative;
        var numerator = ParseExpression();
        Expect(LatexTokenKind.CloseBrace, "`}`");
        Expect(LatexTokenKind.OpenBrace, "`{` and the denominator");
        var denominator = ParseExpression();
        var close = Expect(LatexTokenKind.CloseBrace, "`}`");
        return new LatexFraction(numerator, denominator, frac.Span.Cover(close.Span));
    }

    // \frac{d f}{d x} (also \mathrm{d}) is the derivative df/dx when the denominator is `d` and one variable;
    // otherwise the fraction is read again from its start as an ordinary one (d is then a symbol).
    private LatexDerivative? TryUprightDerivative(LatexToken frac)
    {
        var saved = Save();
        try
        {
            Advance();
            _splitUntil = Math.Max(_splitUntil, _position);
            var of = ParseExpression();
            Expect(LatexTokenKind.CloseBrace, "`}`");
            Expect(LatexTokenKind.OpenBrace, "`{`");
            if (Current is { Kind: LatexTokenKind.Letter, Text: "d", Bold: false })
            {
                Advance();
                _splitUntil = Math.Max(_splitUntil, _position);
                var variable = ParseVariable();
                if (Current.Kind == LatexTokenKind.CloseBrace)
                {
                    var close = Advance();
                    return new LatexDerivative(of, [variable], 1, frac.Span.Cover(close.Span));
                }
            }
        }
        catch (LatexParseFailure)
        {
            // not a derivative: read as a fraction below.
        }
        Restore(saved);
        return null;
    }

    private LatexNode ParseMatrix()
    {
        var begin = Advance();
        var rows = new List<IReadOnlyList<LatexNode>>();
        var cells = new List<LatexNode>();
        while (true)
        {
            cells.Add(ParseExpression());
            if (Current.Kind == LatexTokenKind.Ampersand) { Advance(); continue; }
            if (Current.Kind == LatexTokenKind.RowBreak)
            {
                Advance();
                rows.Add(cells);
                cells = [];
                continue;
            }
            if (Current.Kind == LatexTokenKind.EndMatrix)
            {
                var end = Advance();
                rows.Add(cells);
                if (end.Text != begin.Text) throw new LatexParseFailure(new SyntaxError(DiagnosticCodes.LatexUnexpected, $"`\\begin{{{begin.Text}}}` ends with `\\end{{{end.Text}}}`", end.Span));
                return new LatexMatrix(rows, begin.Span.Cover(end.Span));
            }
            throw Unexpected("`&`, `\\\\` or `\\end{" + begin.Text + "}`");
        }
    }

    private sealed class LatexParseFailure(SyntaxError error) : Exception(error.Message)
    {
        public SyntaxError Error { get; } = error;
    }
}
