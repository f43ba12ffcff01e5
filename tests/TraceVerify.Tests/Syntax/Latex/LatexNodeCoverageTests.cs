using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Tests.Syntax.Latex;

// Every LaTeX node type is produced by some formula and has a rule in each operation written as one switch
// (lowering, structure); every syntax node type has one in the printers: a node type added later without
// rules fails here, not in a user's report.
public class LatexNodeCoverageTests
{
    private static readonly string[] Formulas =
    [
        @"2 \mathbf{A}", @"\mathbf{1}", "?", @"\begin{bmatrix} a & \cdots \end{bmatrix}", "A + B", @"\frac{A}{B}", "-A", "(A)",
        "A^T", "X_{ij}", @"\operatorname{tr}(A)", @"\|A\|_F", @"\langle A, B \rangle", @"\sum_i x_i", @"\partial f/\partial x", @"\partial X",
    ];

    private static IEnumerable<LatexNode> Nodes(LatexNode node)
    {
        yield return node;
        IEnumerable<LatexNode> children = node switch
        {
            LatexBinary b => [b.Left, b.Right],
            LatexFraction f => [f.Numerator, f.Denominator],
            LatexNegate n => [n.Operand],
            LatexGroup g => [g.Inner],
            LatexSuperscript s => [s.Base],
            LatexSubscript s => [s.Base],
            LatexFunction f => [f.Argument],
            LatexNorm n => [n.Inner],
            LatexInnerProduct p => [p.Left, p.Right],
            LatexSum s => [s.Body],
            LatexDerivative d => [d.Of, .. d.Wrt],
            LatexDifferential d => [d.Operand],
            LatexMatrix m => m.Rows.SelectMany(r => r),
            _ => [],
        };
        foreach (var child in children.SelectMany(Nodes)) yield return child;
    }

    [Fact]
    public void Every_latex_node_type_is_read_lowered_and_walked()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var formula in Formulas)
        {
            var equation = LatexReader.Read(formula).Equation;
            Assert.True(equation is not null, formula);
            foreach (var node in equation.Sides.SelectMany(Nodes))
            {
                seen.Add(node.GetType().Name);
                _ = LatexLowering.TryLower(node);
                _ = LatexShape.IndexNames(node);
                Assert.NotNull(LatexShape.Differences(node, node));
            }
        }
        var types = typeof(LatexNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LatexNode)) && !t.IsAbstract).Select(t => t.Name);
        Assert.Equal(types.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_syntax_node_type_is_printed_and_named()
    {
        string[] texts = ["2", "A", "tr(A)", "A*B", "-A", "A'", "s^2", "s^(-3/2)", "A[i,j]", "sum(i; x[i])", "ones(m, 3)", "[a, b; c, d]"];
        var nodes = texts.Select(t => Parser.Parse(t).Node!).ToArray();
        var types = typeof(SyntaxNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SyntaxNode)) && !t.IsAbstract).Select(t => t.Name);
        Assert.Equal(types.Order(StringComparer.Ordinal), nodes.Select(n => n.GetType().Name).Order(StringComparer.Ordinal));
        foreach (var node in nodes)
        {
            Assert.Equal(SyntaxPrinter.Print(node), SyntaxPrinter.Print(Parser.Parse(SyntaxPrinter.Print(node)).Node!));
            _ = LatexPrinter.Print(node);
            _ = SyntaxNames.Of(node).ToArray();
        }
    }
}
