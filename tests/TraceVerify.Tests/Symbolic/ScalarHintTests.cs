using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Symbolic;

// Scalar hints (a power base or divisor is a scalar unless declared) come from the texts an entry binds and the
// `where:` definitions they use, never from a definition nothing uses.
public class ScalarHintTests
{
    private static Dictionary<string, (SyntaxNode, string)> Definitions(params (string Name, string Text)[] definitions) =>
        definitions.ToDictionary(d => d.Name, d => (Parser.Parse(d.Text).Node!, "where." + d.Name), StringComparer.Ordinal);

    [Fact]
    public void An_unused_definition_gives_no_hint()
    {
        var binder = new Binder(definitions: Definitions(("D", "A^1")));
        binder.CollectScalarHints(Parser.Parse("A*B").Node!);
        var product = binder.Bind(Parser.Parse("A*B").Node!, "lhs")!;
        Assert.IsType<MatrixProduct>(product);
        Assert.False(binder.Find(binder.SymbolShape("A").Rows).IsOne);
    }

    [Fact]
    public void A_used_definition_gives_its_hints_through_a_long_chain_without_exhausting_the_stack()
    {
        const int length = 50_000;
        var chain = Enumerable.Range(2, length - 1).Select(k => ($"D{k}", $"D{k - 1} + B")).Prepend(("D1", "B/A")).ToArray();
        var binder = new Binder(definitions: Definitions(chain));
        binder.CollectScalarHints(Parser.Parse($"A*C + 0*D{length}").Node!);
        Assert.True(binder.Find(binder.SymbolShape("A").Rows).IsOne);
        Assert.True(binder.Find(binder.SymbolShape("A").Columns).IsOne);
    }
}
