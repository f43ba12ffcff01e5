using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// Turns the text of (get-model) into exact values of the model's rational constants.
//
// Z3 4.8 prints "(\n  (define-fun a () Real\n    (- (/ 1.0 2.0)))\n ...)"; older releases wrap the
// same entries as (model ...). Entries that are not a rational constant are left out on purpose:
// function interpretations (define-fun with parameters, e.g. log_), algebraic numbers (root-obj),
// Booleans, arrays, and values of uninterpreted sorts. A caller sees only values it can use exactly.
internal static class Z3ModelReader
{
    // Z3 prints a rational with at most three levels, (- (/ p q)); the bound keeps a pathological value
    // from exhausting the stack instead of merely being skipped.
    private const int MaxDepth = 64;

    public static IReadOnlyDictionary<string, Rational> Read(string getModelOutput)
    {
        var expressions = SExpression.ParseAll(getModelOutput);
        if (expressions.Count != 1 || !expressions[0].IsList)
        {
            throw new FormatException($"expected one model list, got: {Truncate(getModelOutput)}");
        }

        var entries = expressions[0].Items;
        var first = entries.Count > 0 && entries[0].IsSymbol("model") ? 1 : 0;
        var model = new Dictionary<string, Rational>(StringComparer.Ordinal);
        for (var i = first; i < entries.Count; i++)
        {
            // (define-fun name () Sort value): exactly five items with an empty parameter list.
            var entry = entries[i];
            if (!entry.IsList || entry.Items.Count != 5 || !entry.Items[0].IsSymbol("define-fun")) continue;
            var name = entry.Items[1];
            var parameters = entry.Items[2];
            if (!name.IsAtom || name.IsStringLiteral || !parameters.IsList || parameters.Items.Count != 0) continue;
            if (TryEvaluate(entry.Items[4], out var value)) model[name.Text] = value;
        }
        return model;
    }

    // Exact value of a ground rational term in the forms Z3 prints: integer and decimal numerals,
    // unary and n-ary -, and +, * and /. Anything else (root-obj, symbols, division by zero) has none.
    public static bool TryEvaluate(SExpression term, out Rational value) => TryEvaluate(term, MaxDepth, out value);

    private static bool TryEvaluate(SExpression term, int depthLeft, out Rational value)
    {
        value = Rational.Zero;
        if (term.IsAtom) return !term.IsStringLiteral && TryParseNumeral(term.Text, out value);
        if (depthLeft == 0 || term.Items.Count < 2 || !term.Items[0].IsAtom) return false;

        var operands = new Rational[term.Items.Count - 1];
        for (var i = 0; i < operands.Length; i++)
        {
            if (!TryEvaluate(term.Items[i + 1], depthLeft - 1, out operands[i])) return false;
        }

        switch (term.Items[0].Text)
        {
            case "-" when operands.Length == 1:
                value = -operands[0];
                return true;
            case "-":
                value = operands.Skip(1).Aggregate(operands[0], (acc, x) => acc - x);
                return true;
            case "+":
                value = operands.Aggregate(Rational.Zero, (acc, x) => acc + x);
                return true;
            case "*":
                value = operands.Aggregate(Rational.One, (acc, x) => acc * x);
                return true;
            case "/" when operands.Length >= 2:
                // Z3 gives (/ x 0.0) an interpretation chosen by the model, not a number.
                if (operands.Skip(1).Any(x => x.IsZero)) return false;
                value = operands.Skip(1).Aggregate(operands[0], (acc, x) => acc / x);
                return true;
            default:
                return false;
        }
    }

    // Only plain digits with at most one inner '.', so approximations such as "1.41421?" (printed when
    // pp.decimal is on) are refused rather than read as exact.
    private static bool TryParseNumeral(string text, out Rational value)
    {
        value = Rational.Zero;
        var dot = text.IndexOf('.');
        if (text.Length == 0 || dot == 0 || dot == text.Length - 1) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (i != dot && !char.IsAsciiDigit(text[i])) return false;
        }
        value = Rational.ParseDecimal(text);
        return true;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
