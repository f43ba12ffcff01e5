using System.Diagnostics;
using System.Globalization;

namespace TraceVerify.Syntax;

// Prints a syntax tree as expression-language text that the Parser reads back to the same tree (up to
// positions): parentheses exactly where the grammar's precedence and left associativity need them.
// Levels, loosest first: 1 sum, 2 Hadamard, 3 product, 4 unary minus, 5 postfix, 6 atom.
internal static class SyntaxPrinter
{
    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return At(node, 1);
    }

    private static string At(SyntaxNode node, int level)
    {
        var (text, own) = Render(node);
        return own < level ? "(" + text + ")" : text;
    }

    private static (string Text, int Level) Render(SyntaxNode node) => node switch
    {
        NumberSyntax n when n.Value.IsInteger => (n.Value.Numerator.ToString(CultureInfo.InvariantCulture), 6),
        NumberSyntax n => ($"{n.Value.Numerator.ToString(CultureInfo.InvariantCulture)}/{n.Value.Denominator.ToString(CultureInfo.InvariantCulture)}", 3),
        NameSyntax n => (n.Name, 6),
        CallSyntax c => ($"{c.Function}({At(c.Argument, 1)})", 6),
        BinarySyntax b => Binary(b),
        NegateSyntax n => ("-" + At(n.Operand, 4), 4),
        TransposeSyntax t => (At(t.Operand, 5) + "'", 5),
        PowerSyntax p => (At(p.Base, 6) + "^" + p.Exponent.ToString(CultureInfo.InvariantCulture), 5),
        RationalPowerSyntax p => (At(p.Base, 6) + "^(" + p.Exponent + ")", 5),
        EntrySyntax e => (At(e.Target, 5) + "[" + (e.SingleIndex ? Index(e.Row) : Index(e.Row) + "," + Index(e.Column)) + "]", 5),
        MatrixLiteralSyntax m => ("[" + string.Join("; ", m.Rows.Select(r => string.Join(", ", r.Select(e => At(e, 1))))) + "]", 6),
        SizedConstantSyntax c => ($"{c.Name}({string.Join(", ", c.Sizes.Select(s => s.Name))})", 6),
        BinderSyntax b => ($"{Keyword(b.Kind)}({string.Join(",", b.Indices.Select(i => i.Name))}; {At(b.Body, 1)})", 6),
        _ => throw new UnreachableException($"no printing rule for {node.GetType().Name}"),
    };

    private static (string, int) Binary(BinarySyntax b)
    {
        if (b.Operator == BinaryOperator.Kronecker) return ($"kron({At(b.Left, 1)}, {At(b.Right, 1)})", 6);
        var (op, level) = b.Operator switch
        {
            BinaryOperator.Add => (" + ", 1),
            BinaryOperator.Subtract => (" - ", 1),
            BinaryOperator.Hadamard => (" .* ", 2),
            BinaryOperator.ElementwiseDivide => (" ./ ", 2),
            BinaryOperator.Multiply => ("*", 3),
            BinaryOperator.Divide => ("/", 3),
            _ => throw new UnreachableException($"no printing rule for {b.Operator}"),
        };
        // Products under .* and ./ get parentheses the grammar does not need, as the notes' readers expect:
        // (A'*ones) .* (B*ones), V ./ (A*X*B).
        var inner = level == 2 ? 4 : level;
        return (At(b.Left, inner) + op + At(b.Right, Math.Max(inner, level + 1)), level);
    }

    private static string Index(IndexSyntax? index) => index?.Name ?? ":";

    private static string Keyword(BinderKind kind) => kind switch
    {
        BinderKind.Sum => "sum",
        BinderKind.Rows => "rows",
        BinderKind.Matrix => "matrix",
        _ => throw new UnreachableException($"no keyword for {kind}"),
    };
}
