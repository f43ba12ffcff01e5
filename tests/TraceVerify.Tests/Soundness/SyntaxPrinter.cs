using System.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// Prints a syntax tree back to the expression language, with parentheses wherever the precedence
// (postfix › unary minus › * / › .* ./ › + -, all left-associative) would otherwise regroup it.
// Invariant: Parser.Parse(Print(t)) is t up to spans and redundant parentheses.
internal static class SyntaxPrinter
{
    public static string Print(SyntaxNode node) => node switch
    {
        NumberSyntax n => n.Value.IsInteger && n.Value.Sign >= 0 ? n.Value.ToString() : $"({n.Value})",
        NameSyntax n => n.Name,
        CallSyntax c => $"{c.Function}({Print(c.Argument)})",
        BinarySyntax { Operator: BinaryOperator.Kronecker } b => $"kron({Print(b.Left)}, {Print(b.Right)})",
        BinarySyntax b => $"{Operand(b.Left, Level(b), false)}{Symbol(b.Operator)}{Operand(b.Right, Level(b), true)}",
        NegateSyntax n => "-" + Operand(n.Operand, 4, false),
        TransposeSyntax t => Postfix(t.Operand) + "'",
        PowerSyntax p => PowerBase(p.Base) + "^" + p.Exponent,
        RationalPowerSyntax p => PowerBase(p.Base) + "^(" + p.Exponent + ")",
        EntrySyntax e => Postfix(e.Target) + "[" + (e.SingleIndex ? e.Row!.Name : $"{e.Row?.Name ?? ":"},{e.Column?.Name ?? ":"}") + "]",
        MatrixLiteralSyntax m => "[" + string.Join("; ", m.Rows.Select(r => string.Join(", ", r.Select(Print)))) + "]",
        SizedConstantSyntax c => $"{c.Name}({string.Join(",", c.Sizes.Select(s => s.Name))})",
        BinderSyntax b => $"{b.Kind.ToString().ToLowerInvariant()}({string.Join(",", b.Indices.Select(i => i.Name))}; {Print(b.Body)})",
        _ => throw new UnreachableException($"no printing rule for {node.GetType().Name}"),
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => " + ",
        BinaryOperator.Subtract => " - ",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Hadamard => " .* ",
        BinaryOperator.ElementwiseDivide => " ./ ",
        _ => throw new UnreachableException($"no symbol for {op}"),
    };

    // 1: + -, 2: .* ./, 3: * /, 4: unary minus, 5: postfix and atoms.
    private static int Level(SyntaxNode node) => node switch
    {
        BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => 1,
        BinarySyntax { Operator: BinaryOperator.Hadamard or BinaryOperator.ElementwiseDivide } => 2,
        BinarySyntax { Operator: BinaryOperator.Kronecker } => 5,
        BinarySyntax => 3,
        NegateSyntax => 4,
        NumberSyntax n when !(n.Value.IsInteger && n.Value.Sign >= 0) => 5,
        _ => 5,
    };

    private static string Operand(SyntaxNode node, int level, bool right)
    {
        var text = Print(node);
        var own = Level(node);
        return own < level || (right && own == level && level <= 3) ? $"({text})" : text;
    }

    // A power's base that is a power itself is parenthesized: the parser refuses `x^2^3` (TV0110).
    private static string PowerBase(SyntaxNode node) => node is PowerSyntax or RationalPowerSyntax ? $"({Print(node)})" : Postfix(node);

    private static string Postfix(SyntaxNode node) =>
        node is NameSyntax or CallSyntax or BinarySyntax { Operator: BinaryOperator.Kronecker } or BinderSyntax or TransposeSyntax or PowerSyntax or RationalPowerSyntax or EntrySyntax ? Print(node) : $"({Print(node)})";
}
