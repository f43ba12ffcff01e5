using TraceVerify.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Syntax;

// Recursive descent over the grammar (tightest first):
//   postfix  := primary ( ' | ᵀ | ^T | ^n | ^(p/q) | [idx] | [idx,idx] )*
//   unary    := '-' unary | postfix
//   product  := unary (( '*' | '/' ) unary)*
//   hadamard := product (( '.*' | '⊙' | './' ) product)*
//   sum      := hadamard (( '+' | '-' ) hadamard)*
// Products bind tighter than Hadamard products, as in the notes' (34): Aᵀ1 ⊙ B1 = (Aᵀ1) ⊙ (B1).
//
// Depth is bounded, so that no later pass (binder, lowering, printer, evaluators: recursive over the tree)
// can run out of stack: at most MaxNesting open parentheses or calls, and at most MaxDepth levels in the
// finished tree, where a chain of n operators (`A+A+...`, `----A`, `A'''`) counts n levels. Both are
// "nested too deeply" (TV0107) at the node where the limit is passed. Unary minus is parsed with a loop, not
// recursion, so the parser itself never recurses deeper than MaxNesting.
internal sealed class Parser
{
    public const int MaxNodes = 20_000;
    public const int MaxDepth = 2_000;
    public const int MaxNesting = 200;

    // Characters in one text: far more than MaxNodes nodes need, and checked before the text is tokenized, so a
    // 15-million-character text (a catalog may hold 16 MiB) costs no tokens, no memory and no time.
    public const int MaxLength = 200_000;

    public static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.Ordinal)
    {
        "tr", "diag", "log", "exp", "fro", "inv", "det", "adj", "sum", "rows", "matrix", "kron", "vec",
        "sin", "cos", "tan", "sqrt", "abs",
    };

    private readonly IReadOnlyList<Token> _tokens;
    private int _position;
    private int _nodes;
    private int _depth;

    private Parser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    public static ParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return new ParseResult(null, [new SyntaxError(DiagnosticCodes.ExpressionTooLarge,
                $"expression too long: {text.Length} characters, more than {MaxLength}", new TextSpan(0, 1))]);
        }
        var (tokens, lexErrors) = Lexer.Tokenize(text);
        if (lexErrors.Count > 0) return new ParseResult(null, lexErrors);
        var parser = new Parser(tokens);
        try
        {
            var node = parser.ParseSum();
            if (parser.Current.Kind != TokenKind.End)
            {
                var unexpected = parser.Current;
                var error = unexpected.Kind == TokenKind.CloseParen
                    ? new SyntaxError(DiagnosticCodes.UnbalancedParenthesis, "unbalanced parenthesis: unexpected `)` with no matching `(`", unexpected.Span)
                    : new SyntaxError(DiagnosticCodes.UnexpectedToken, $"unexpected {unexpected.Describe()}, expected an operator or end of expression", unexpected.Span);
                return new ParseResult(null, [error]);
            }
            if (TreeDepth.Deepest(node) is { Depth: > MaxDepth } deepest)
            {
                return new ParseResult(null, [new SyntaxError(DiagnosticCodes.NestedTooDeeply,
                    $"expression nested too deeply: {deepest.Depth} levels, more than {MaxDepth} (a chain of operators counts one level per operator)", deepest.Node.Span)]);
            }
            return new ParseResult(node, []);
        }
        catch (ParseFailure failure)
        {
            return new ParseResult(null, [failure.Error]);
        }
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private T Count<T>(T node) where T : SyntaxNode
    {
        if (++_nodes > MaxNodes)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.ExpressionTooLarge, $"expression too large (more than {MaxNodes} nodes)", node.Span));
        return node;
    }

    private Token Expect(TokenKind kind, string expected)
    {
        if (Current.Kind == kind) return Advance();
        throw Unexpected(expected);
    }

    // An unclosed `(` is reported where it opens: that is where the reader has to look.
    private Token ExpectClose(TextSpan open)
    {
        if (Current.Kind == TokenKind.CloseParen) return Advance();
        if (Current.Kind == TokenKind.End)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.UnbalancedParenthesis, "unbalanced parenthesis: this `(` is never closed (unexpected end of expression, expected `)`)", open));
        throw Unexpected("`)`");
    }

    private ParseFailure Unexpected(string expected) =>
        new(new SyntaxError(DiagnosticCodes.UnexpectedToken, $"unexpected {Current.Describe()}, expected {expected}", Current.Span));

    private SyntaxNode ParseSum()
    {
        if (++_depth > MaxNesting)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.NestedTooDeeply, $"expression nested too deeply: more than {MaxNesting} levels of parentheses or calls", Current.Span));
        var left = ParseHadamard();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseHadamard();
            left = Count(new BinarySyntax(op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, left, right, op.Span, left.Span.Cover(right.Span)));
        }
        _depth--;
        return left;
    }

    private SyntaxNode ParseHadamard()
    {
        var left = ParseProduct();
        while (Current.Kind is TokenKind.DotStar or TokenKind.DotSlash)
        {
            var op = Advance();
            var right = ParseProduct();
            left = Count(new BinarySyntax(op.Kind == TokenKind.DotStar ? BinaryOperator.Hadamard : BinaryOperator.ElementwiseDivide, left, right, op.Span, left.Span.Cover(right.Span)));
        }
        return left;
    }

    private SyntaxNode ParseProduct()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            left = Count(new BinarySyntax(op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide, left, right, op.Span, left.Span.Cover(right.Span)));
        }
        return left;
    }

    private SyntaxNode ParseUnary()
    {
        var minuses = new Stack<Token>();
        while (Current.Kind == TokenKind.Minus) minuses.Push(Advance());
        var node = ParsePostfix();
        while (minuses.TryPop(out var minus)) node = Count(new NegateSyntax(node, minus.Span.Cover(node.Span)));
        return node;
    }

    private SyntaxNode ParsePostfix()
    {
        var node = ParsePrimary();
        // Whether the last postfix operator was a numeric power (`^2`, `^(1/3)`): a parenthesized power, `(x^2)^3`,
        // comes from ParsePrimary and does not count.
        var afterPower = false;
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.Apostrophe:
                case TokenKind.SuperscriptT:
                    node = Count(new TransposeSyntax(node, node.Span.Cover(Advance().Span)));
                    afterPower = false;
                    break;
                case TokenKind.Caret:
                    if (afterPower && !NextIsTransposeCaret())
                    {
                        // A power of a power without parentheses is read two ways in the field (MATLAB's left to
                        // right, mathematics' right to left), so it is refused rather than guessed.
                        throw new ParseFailure(new SyntaxError(DiagnosticCodes.AmbiguousPowerChain,
                            "a power of a power needs parentheses: `x^2^3` is `(x^2)^3` in one reading and `x^(2^3)` in another; write the one you mean",
                            node.Span.Cover(Current.Span)));
                    }
                    node = ParseCaret(node);
                    afterPower = node is PowerSyntax or RationalPowerSyntax;
                    break;
                case TokenKind.OpenBracket:
                    node = ParseEntry(node);
                    afterPower = false;
                    break;
                default:
                    return node;
            }
        }
    }

    // `^T` after the caret under the cursor: a transpose, never ambiguous.
    private bool NextIsTransposeCaret() => _position + 1 < _tokens.Count && _tokens[_position + 1] is { Kind: TokenKind.Identifier, Text: "T" };

    private SyntaxNode ParseCaret(SyntaxNode operand)
    {
        Advance();
        if (Current.Kind == TokenKind.Identifier && Current.Text == "T")
            return Count(new TransposeSyntax(operand, operand.Span.Cover(Advance().Span)));
        if (Current.Kind == TokenKind.OpenParen) return ParseRationalExponent(operand);
        var negative = false;
        var start = Current.Span;
        if (Current.Kind == TokenKind.Minus) { negative = true; Advance(); }
        if (Current.Kind != TokenKind.Number || Current.Text.Contains('.'))
            throw Unexpected("`T` or an integer exponent");
        var token = Advance();
        if (!int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exponent) || exponent > 1000)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadExponent, $"exponent `{token.Text}` is too large (at most 1000)", token.Span));
        return Count(new PowerSyntax(operand, negative ? -exponent : exponent, operand.Span.Cover(start.Cover(token.Span))));
    }

    // `^(p/q)`, `^(-p/q)` or `^(n)`: an exact rational exponent; one with denominator 1 is an integer power.
    private SyntaxNode ParseRationalExponent(SyntaxNode operand)
    {
        var open = Advance();
        var negative = false;
        if (Current.Kind == TokenKind.Minus) { negative = true; Advance(); }
        var numerator = ExponentInteger(open.Span);
        var denominator = 1;
        if (Current.Kind == TokenKind.Slash)
        {
            Advance();
            denominator = ExponentInteger(open.Span);
        }
        var close = ExpectClose(open.Span);
        var span = operand.Span.Cover(close.Span);
        if (denominator == 0)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadRationalExponent, "the exponent's denominator is 0", open.Span.Cover(close.Span)));
        var exponent = Rational.Of(negative ? -numerator : numerator, denominator);
        if (exponent.Denominator.IsOne) return Count(new PowerSyntax(operand, (int)exponent.Numerator, span));
        return Count(new RationalPowerSyntax(operand, exponent, span));
    }

    private int ExponentInteger(TextSpan open)
    {
        var token = Current;
        if (token.Kind != TokenKind.Number || token.Text.Contains('.'))
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadRationalExponent,
                $"unexpected {token.Describe()}: a rational exponent is written `^(p/q)` with integers p and q", open.Cover(token.Span)));
        Advance();
        if (!int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > 1000)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadExponent, $"exponent `{token.Text}` is too large (at most 1000)", token.Span));
        return value;
    }

    private SyntaxNode ParseEntry(SyntaxNode target)
    {
        Advance();
        var row = ParseIndex();
        if (Current.Kind == TokenKind.CloseBracket)
        {
            var close1 = Advance();
            if (row is null)
                throw new ParseFailure(new SyntaxError(DiagnosticCodes.UnexpectedToken, "unexpected `:` in a one-index entry, expected an index name", close1.Span));
            return Count(new EntrySyntax(target, row, null, SingleIndex: true, target.Span.Cover(close1.Span)));
        }
        Expect(TokenKind.Comma, "`,` or `]`");
        var column = ParseIndex();
        var close = Expect(TokenKind.CloseBracket, "`]`");
        if (row is null && column is null)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.UnexpectedToken, "unexpected `[:,:]`, expected at least one index name", target.Span.Cover(close.Span)));
        return Count(new EntrySyntax(target, row, column, SingleIndex: false, target.Span.Cover(close.Span)));
    }

    private IndexSyntax? ParseIndex()
    {
        if (Current.Kind == TokenKind.Colon) { Advance(); return null; }
        if (Current.Kind == TokenKind.Number)
        {
            // A numeric position, 1-based as counterexamples print them.
            var number = Advance();
            if (!int.TryParse(number.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position) || position < 1)
                throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadPosition, $"position `{number.Text}` must be a whole number from 1 to {int.MaxValue} (positions are 1-based)", number.Span));
            return new IndexSyntax(number.Text.TrimStart('0'), number.Span);
        }
        if (Current.Kind != TokenKind.Identifier) throw Unexpected("an index name, a position or `:`");
        var token = Advance();
        return new IndexSyntax(token.Text, token.Span);
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return Count(new NumberSyntax(Rational.ParseDecimal(token.Text), token.Span));
            case TokenKind.OpenParen:
                {
                    Advance();
                    var inner = ParseSum();
                    var close = ExpectClose(token.Span);
                    return inner with { Span = token.Span.Cover(close.Span) };
                }
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind != TokenKind.OpenParen) return Count(new NameSyntax(token.Text, token.Span));
                return ParseCall(token);
            case TokenKind.OpenBracket:
                return ParseMatrixLiteral();
            case TokenKind.CloseParen:
                throw new ParseFailure(new SyntaxError(DiagnosticCodes.UnbalancedParenthesis, "unexpected `)`, expected an expression", token.Span));
            default:
                throw Unexpected("an expression");
        }
    }

    // The constants that take sizes: I(n) one, ones and zeros one or two (rows, then columns).
    public static readonly IReadOnlyDictionary<string, int> SizedConstants = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["I"] = 1, ["ones"] = 2, ["zeros"] = 2,
    };

    private SyntaxNode ParseCall(Token name)
    {
        if (SizedConstants.TryGetValue(name.Text, out var most)) return ParseSizedConstant(name, most);
        if (!Functions.Contains(name.Text))
        {
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.UnknownFunction,
                $"unknown function `{name.Text}`, expected one of {string.Join(", ", Functions.Order(StringComparer.Ordinal))}", name.Span));
        }
        var open = Advance().Span;
        if (name.Text is "sum" or "rows" or "matrix") return ParseBinder(name, open);
        if (name.Text is "kron") return ParseKronecker(name, open);
        var argument = ParseSum();
        if (Current.Kind == TokenKind.Comma) throw Unexpected("`)` (`" + name.Text + "` takes one argument)");
        var close = ExpectClose(open);
        return Count(new CallSyntax(name.Text, argument, name.Span, name.Span.Cover(close.Span)));
    }

    // kron(A, B): exactly two arguments, a binary node (like `.*`) whose operator span is the name.
    private SyntaxNode ParseKronecker(Token name, TextSpan open)
    {
        var left = ParseSum();
        if (Current.Kind != TokenKind.Comma)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.KroneckerArguments, $"`kron` takes two arguments, `kron(A, B)`: unexpected {Current.Describe()}, expected `,`", Current.Span));
        Advance();
        var right = ParseSum();
        if (Current.Kind == TokenKind.Comma)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.KroneckerArguments, "`kron` takes two arguments, `kron(A, B)`; write kron(A, kron(B, C)) for three", Current.Span));
        var close = ExpectClose(open);
        return Count(new BinarySyntax(BinaryOperator.Kronecker, left, right, name.Span, name.Span.Cover(close.Span)));
    }

    // [a, b; c, d]: entries are whole expressions (nesting is bounded by ParseSum), `,` ends an entry, `;` a
    // row, `]` the literal; a row of another length than the first is a ragged literal (TV0132).
    private SyntaxNode ParseMatrixLiteral()
    {
        var open = Advance().Span;
        var rows = new List<IReadOnlyList<SyntaxNode>>();
        var row = new List<SyntaxNode>();
        var rowStart = Current.Span;
        while (true)
        {
            row.Add(ParseSum());
            if (Current.Kind == TokenKind.End)
                throw new ParseFailure(new SyntaxError(DiagnosticCodes.UnbalancedParenthesis, "unbalanced bracket: this `[` is never closed (unexpected end of expression, expected `]`)", open));
            if (Current.Kind == TokenKind.Comma) { Advance(); continue; }
            if (Current.Kind is not (TokenKind.Semicolon or TokenKind.CloseBracket)) throw Unexpected("`,`, `;` or `]` in a matrix literal");
            if (rows.Count > 0 && row.Count != rows[0].Count)
            {
                throw new ParseFailure(new SyntaxError(DiagnosticCodes.RaggedMatrixLiteral,
                    $"ragged matrix literal: row {rows.Count + 1} has {row.Count} entr{(row.Count == 1 ? "y" : "ies")}, row 1 has {rows[0].Count}", rowStart.Cover(row[^1].Span)));
            }
            rows.Add(row);
            if (Advance().Kind == TokenKind.CloseBracket) break;
            row = [];
            rowStart = Current.Span;
        }
        return Count(new MatrixLiteralSyntax(rows, open.Cover(_tokens[_position - 1].Span)));
    }

    // I(5), ones(m, n): sizes are integer literals (at least 1) or dimension letters, nothing else.
    private SyntaxNode ParseSizedConstant(Token name, int most)
    {
        var open = Advance().Span;
        var sizes = new List<IndexSyntax>();
        while (true)
        {
            if (Current.Kind == TokenKind.Identifier || (Current.Kind == TokenKind.Number && Current.Text.All(char.IsAsciiDigit)))
            {
                var size = Advance();
                if (size.Kind == TokenKind.Number && (!int.TryParse(size.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1))
                    throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadSize, $"size `{size.Text}` of `{name.Text}` must be a whole number from 1 to {int.MaxValue}, or a dimension letter", size.Span));
                sizes.Add(new IndexSyntax(size.Text, size.Span));
            }
            else
            {
                throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadSize, $"unexpected {Current.Describe()}, expected a size of `{name.Text}` (a whole number or a dimension letter)", Current.Span));
            }
            if (Current.Kind == TokenKind.Comma && sizes.Count < most) { Advance(); continue; }
            break;
        }
        if (Current.Kind == TokenKind.Comma)
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.BadSize, $"`{name.Text}` takes at most {most} size{(most == 1 ? "" : "s")}", Current.Span));
        var close = ExpectClose(open);
        return Count(new SizedConstantSyntax(name.Text, sizes, name.Span.Cover(close.Span)));
    }

    private SyntaxNode ParseBinder(Token name, TextSpan open)
    {
        var kind = name.Text switch { "sum" => BinderKind.Sum, "rows" => BinderKind.Rows, _ => BinderKind.Matrix };
        var indices = new List<IndexSyntax>();
        while (true)
        {
            if (Current.Kind != TokenKind.Identifier) throw Unexpected("an index name");
            var index = Advance();
            indices.Add(new IndexSyntax(index.Text, index.Span));
            if (Current.Kind == TokenKind.Comma) { Advance(); continue; }
            if (Current.Kind == TokenKind.Semicolon) { Advance(); break; }
            throw Unexpected("`,` or `;`");
        }
        var expected = kind switch { BinderKind.Rows => 1, BinderKind.Matrix => 2, _ => -1 };
        if (expected > 0 && indices.Count != expected)
        {
            throw new ParseFailure(new SyntaxError(DiagnosticCodes.UnexpectedToken,
                $"`{name.Text}` binds exactly {expected} index{(expected == 1 ? "" : "es")}, found {indices.Count}", indices[^1].Span));
        }
        var body = ParseSum();
        var close = ExpectClose(open);
        return Count(new BinderSyntax(kind, indices, body, name.Span.Cover(close.Span)));
    }

    private sealed class ParseFailure(SyntaxError error) : Exception(error.Message)
    {
        public SyntaxError Error { get; } = error;
    }
}
