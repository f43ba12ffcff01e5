using System.Diagnostics;

namespace TraceVerify.Syntax;

// The symbol names a syntax tree uses (not function names, not index names).
internal static class SyntaxNames
{
    public static IEnumerable<string> Of(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NameSyntax n => [n.Name],
            NumberSyntax or SizedConstantSyntax => [],
            CallSyntax c => Of(c.Argument),
            BinarySyntax b => Of(b.Left).Concat(Of(b.Right)),
            NegateSyntax n => Of(n.Operand),
            TransposeSyntax t => Of(t.Operand),
            PowerSyntax p => Of(p.Base),
            RationalPowerSyntax p => Of(p.Base),
            EntrySyntax e => Of(e.Target),
            BinderSyntax b => Of(b.Body),
            MatrixLiteralSyntax m => m.Rows.SelectMany(r => r).SelectMany(Of),
            _ => throw new UnreachableException($"no names rule for {node.GetType().Name}"),
        };
    }
}
