using System.Diagnostics;

namespace TraceVerify.Syntax.Latex;

// Structure of LaTeX trees without positions: which index items two trees differ in when everything
// else is the same (used to recognise the stacked rows r(1), …, r(K)), and which index names a tree uses.
internal static class LatexShape
{
    // The pairs of differing index items, in order; null when the trees differ in anything else.
    public static IReadOnlyList<(LatexIndex First, LatexIndex Second)>? Differences(LatexNode a, LatexNode b)
    {
        var pairs = new List<(LatexIndex, LatexIndex)>();
        return Walk(a, b, pairs) ? pairs : null;
    }

    public static IReadOnlySet<string> IndexNames(LatexNode node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Visit(LatexNode n)
        {
            foreach (var i in OwnIndices(n)) if (i.Kind == LatexIndexKind.Name) names.Add(i.Text);
            foreach (var c in Children(n)) Visit(c);
        }
        Visit(node);
        return names;
    }

    private static bool Walk(LatexNode a, LatexNode b, List<(LatexIndex, LatexIndex)> pairs)
    {
        if (Label(a) != Label(b)) return false;
        var ia = OwnIndices(a);
        var ib = OwnIndices(b);
        if (ia.Count != ib.Count) return false;
        for (var k = 0; k < ia.Count; k++)
        {
            if (ia[k].Kind != ib[k].Kind || ia[k].Text != ib[k].Text) pairs.Add((ia[k], ib[k]));
        }
        var ca = Children(a);
        var cb = Children(b);
        if (ca.Count != cb.Count) return false;
        for (var k = 0; k < ca.Count; k++)
        {
            if (!Walk(ca[k], cb[k], pairs)) return false;
        }
        return true;
    }

    // Everything of a node but its children, its index items and its position.
    private static string Label(LatexNode node) => node switch
    {
        LatexNumber n => $"number {n.Text}",
        LatexSymbol s => $"symbol {s.Name}",
        LatexOnes => "ones",
        LatexPlaceholder => "?",
        LatexEllipsis e => $"ellipsis {e.Command}",
        LatexBinary b => $"binary {b.Operator}",
        LatexFraction => "fraction",
        LatexNegate => "negate",
        LatexGroup g => $"group {g.Open}",
        LatexSuperscript s => $"superscript {s.Kind} {s.Exponent is not null}",
        LatexSubscript => "subscript",
        LatexFunction f => $"function {f.Name}",
        LatexNorm n => $"norm {n.Double}",
        LatexInnerProduct => "inner product",
        LatexSum s => $"sum {s.IsProduct} {s.Lower is not null} {s.Upper is not null}",
        LatexDerivative d => $"derivative {d.Order} {d.Wrt.Count}",
        LatexDifferential d => $"differential {d.Order}",
        LatexMatrix m => $"matrix {string.Join(",", m.Rows.Select(r => r.Count))}",
        _ => throw new UnreachableException($"no label for {node.GetType().Name}"),
    };

    private static IReadOnlyList<LatexIndex> OwnIndices(LatexNode node) => node switch
    {
        LatexSubscript s => s.Indices,
        LatexSum s => s.Indices,
        _ => [],
    };

    private static IReadOnlyList<LatexNode> Children(LatexNode node) => node switch
    {
        LatexNumber or LatexSymbol or LatexOnes or LatexPlaceholder or LatexEllipsis => [],
        LatexBinary b => [b.Left, b.Right],
        LatexFraction f => [f.Numerator, f.Denominator],
        LatexNegate n => [n.Operand],
        LatexGroup g => [g.Inner],
        LatexSuperscript s => s.Exponent is null ? [s.Base] : [s.Base, s.Exponent],
        LatexSubscript s => [s.Base],
        LatexFunction f => [f.Argument],
        LatexNorm n => [n.Inner],
        LatexInnerProduct p => [p.Left, p.Right],
        LatexSum s => [.. new[] { s.Lower, s.Upper }.OfType<LatexNode>(), s.Body],
        LatexDerivative d => [d.Of, .. d.Wrt],
        LatexDifferential d => [d.Operand],
        LatexMatrix m => m.Rows.SelectMany(r => r).ToArray(),
        _ => throw new UnreachableException($"no children for {node.GetType().Name}"),
    };
}
