using System.Diagnostics;
using System.Globalization;

namespace TraceVerify.Syntax.Latex;

// Writes an expression as LaTeX in the notes' style (bold symbols, ^T, \odot, \frac for elementwise
// fractions, \sum_{i}, \left( \right)), such that LatexReader reads it back to the same expression.
// Levels as in SyntaxPrinter (1 sum … 6 atom), with two LaTeX-specific rules: a minus sign can only open a
// term, so a negated leading factor is written as a minus before the product; and \sum takes the rest of
// a product, so a product whose left part ends in a \sum gets parentheses.
internal static class LatexPrinter
{
    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return At(node, 1);
    }

    private static string At(SyntaxNode node, int level)
    {
        var (text, own) = Render(node);
        return own < level ? Parenthesize(text) : text;
    }

    private static string Parenthesize(string text) => @"\left( " + text + @" \right)";

    private static (string Text, int Level) Render(SyntaxNode node) => node switch
    {
        NumberSyntax n when n.Value.IsInteger => (n.Value.Numerator.ToString(CultureInfo.InvariantCulture), 6),
        NumberSyntax n => ($@"\frac{{{n.Value.Numerator.ToString(CultureInfo.InvariantCulture)}}}{{{n.Value.Denominator.ToString(CultureInfo.InvariantCulture)}}}", 6),
        NameSyntax n => (Symbol(n.Name), 6),
        CallSyntax { Function: "fro" } c => (@"\left\| " + At(c.Argument, 1) + @" \right\|_F", 6),
        CallSyntax { Function: "sqrt" } c => (@"\sqrt{" + At(c.Argument, 1) + "}", 6),
        CallSyntax { Function: "abs" } c => (@"\left| " + At(c.Argument, 1) + @" \right|", 6),
        CallSyntax c => (Operator(c.Function) + Parenthesize(At(c.Argument, 1)), 6),
        BinarySyntax b => Binary(b),
        NegateSyntax n => ("-" + At(n.Operand, 2), 1),
        TransposeSyntax t => (At(t.Operand, 6) + "^T", 5),
        PowerSyntax p => (At(p.Base, 6) + "^{" + p.Exponent.ToString(CultureInfo.InvariantCulture) + "}", 5),
        RationalPowerSyntax p => (At(p.Base, 6) + "^{" + p.Exponent + "}", 5),
        EntrySyntax e => (EntryTarget(e.Target) + "_{" + (e.SingleIndex ? Index(e.Row) : Index(e.Row) + "," + Index(e.Column)) + "}", 5),
        BinderSyntax { Kind: BinderKind.Sum } s => (@"\sum_{" + string.Join(",", s.Indices.Select(i => i.Name)) + "} " + At(s.Body, 3), 3),
        BinderSyntax { Kind: BinderKind.Rows } r => (Rows(r), 6),
        BinderSyntax { Kind: BinderKind.Matrix } m => (@"\left[ " + At(m.Body, 1) + @" \right]_{" + string.Join(",", m.Indices.Select(i => i.Name)) + "}", 5),
        MatrixLiteralSyntax m => (@"\begin{bmatrix} " + string.Join(@" \\ ", m.Rows.Select(r => string.Join(" & ", r.Select(e => At(e, 1))))) + @" \end{bmatrix}", 6),
        SizedConstantSyntax c => ((c.Name switch { "I" => @"\mathbf{I}", "ones" => @"\mathbf{1}", _ => @"\mathbf{0}" }) + "_{" + string.Join(@" \times ", c.Sizes.Select(s => s.Name)) + "}", 6),
        _ => throw new UnreachableException($"no LaTeX rule for {node.GetType().Name}"),
    };

    private static (string, int) Binary(BinarySyntax b)
    {
        if (b.Operator is BinaryOperator.Multiply or BinaryOperator.Divide && LeadingNegation(b) is { } positive)
            return ("-" + At(positive, 2), 1);
        switch (b.Operator)
        {
            case BinaryOperator.Add: return (At(b.Left, 1) + " + " + At(b.Right, 2), 1);
            case BinaryOperator.Subtract: return (At(b.Left, 1) + " - " + At(b.Right, 2), 1);
            case BinaryOperator.Hadamard: return (At(b.Left, 2) + @" \odot " + At(b.Right, 3), 2);
            case BinaryOperator.Kronecker: return (At(b.Left, 2) + @" \otimes " + At(b.Right, 3), 2);
            case BinaryOperator.ElementwiseDivide when !LatexLowering.IsVisiblyScalar(b.Right):
                return (@"\frac{" + At(b.Left, 1) + "}{" + At(b.Right, 1) + "}", 6);
            case BinaryOperator.ElementwiseDivide: return (At(b.Left, 2) + @" \oslash " + At(b.Right, 3), 2);
            case BinaryOperator.Divide when LatexLowering.IsVisiblyScalar(b.Right):
                return (@"\frac{" + At(b.Left, 1) + "}{" + At(b.Right, 1) + "}", 6);
            case BinaryOperator.Divide: return (Left(b.Left) + " / " + At(b.Right, 6), 3);
            case BinaryOperator.Multiply: return (Left(b.Left) + " " + At(b.Right, 4), 3);
            default: throw new UnreachableException($"no LaTeX rule for {b.Operator}");
        }
    }

    // The left factor of a product; parenthesised when a \sum in it would swallow what follows.
    private static string Left(SyntaxNode left) => EndsInSum(left) ? Parenthesize(At(left, 1)) : At(left, 3);

    private static bool EndsInSum(SyntaxNode node) => node switch
    {
        BinderSyntax { Kind: BinderKind.Sum } => true,
        BinarySyntax { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } b => EndsInSum(b.Right),
        _ => false,
    };

    // (-a)*b*c as a*b*c, to be written with a minus in front; null when the leading factor is not negated.
    private static SyntaxNode? LeadingNegation(SyntaxNode node) => node switch
    {
        NegateSyntax n => n.Operand,
        BinarySyntax { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } b when LeadingNegation(b.Left) is { } left => b with { Left = left },
        _ => null,
    };

    private static string Symbol(string name) => name switch
    {
        "ones" => @"\mathbf{1}",
        _ when LatexVocabulary.Greek.Contains(name) => "\\" + name,
        [var letter] when char.IsAsciiLetter(letter) => $@"\mathbf{{{letter}}}",
        [var letter, .. var digits] when char.IsAsciiLetter(letter) && digits.All(char.IsAsciiDigit) => $@"\mathbf{{{letter}}}_{{{digits}}}",
        _ => $@"\mathit{{{name}}}",
    };

    private static string EntryTarget(SyntaxNode target) => target is NameSyntax { Name: [_] } name ? Symbol(name.Name) : @"\left[ " + At(target, 1) + @" \right]";

    private static string Operator(string function) => function switch
    {
        "tr" => @"\operatorname{tr}",
        "diag" => @"\operatorname{diag}",
        "log" => @"\log",
        "exp" => @"\exp",
        "vec" => @"\operatorname{vec}",
        "sin" => @"\sin",
        "cos" => @"\cos",
        "tan" => @"\tan",
        _ => throw new UnreachableException($"no LaTeX operator for {function}"),
    };

    private static string Index(IndexSyntax? index) => index?.Name ?? ":";

    // rows(k; r(k)) as the notes' (46): the rows r(1), ⋮, r(K).
    private static string Rows(BinderSyntax rows)
    {
        var k = rows.Indices[0].Name;
        var last = k.ToUpperInvariant();
        return @"\begin{bmatrix} " + At(Rename(rows.Body, k, "1"), 1) + @" \\ \vdots \\ " + At(Rename(rows.Body, k, last), 1) + @" \end{bmatrix}";
    }

    private static SyntaxNode Rename(SyntaxNode node, string from, string to)
    {
        IndexSyntax? Index(IndexSyntax? i) => i is not null && i.Name == from ? i with { Name = to } : i;
        return node switch
        {
            NumberSyntax or NameSyntax or SizedConstantSyntax => node,
            MatrixLiteralSyntax m => m with { Rows = m.Rows.Select(r => (IReadOnlyList<SyntaxNode>)r.Select(e => Rename(e, from, to)).ToList()).ToList() },
            CallSyntax c => c with { Argument = Rename(c.Argument, from, to) },
            BinarySyntax b => b with { Left = Rename(b.Left, from, to), Right = Rename(b.Right, from, to) },
            NegateSyntax n => n with { Operand = Rename(n.Operand, from, to) },
            TransposeSyntax t => t with { Operand = Rename(t.Operand, from, to) },
            PowerSyntax p => p with { Base = Rename(p.Base, from, to) },
            RationalPowerSyntax p => p with { Base = Rename(p.Base, from, to) },
            EntrySyntax e => e with { Target = Rename(e.Target, from, to), Row = Index(e.Row), Column = Index(e.Column) },
            BinderSyntax b when b.Indices.Any(i => i.Name == from) => b,
            BinderSyntax b => b with { Body = Rename(b.Body, from, to) },
            _ => throw new UnreachableException($"no renaming rule for {node.GetType().Name}"),
        };
    }
}
