using TraceVerify.Diagnostics;

namespace TraceVerify.Syntax.Latex;

// LaTeX → a LaTeX tree (LatexParser) → the expression language's syntax tree (LatexLowering), side by side.
// Two steps rather than LaTeX → text → Parser: the LaTeX tree can hold what the language cannot say yet,
// so "not yet in the language" is told apart from "not LaTeX we read", and positions stay in the LaTeX.
internal static class LatexReader
{
    // `scalars`, `vectors`: symbols declared scalar, or column vectors, where the formula is read (a catalog
    // entry's shapes).
    public static LatexReading Read(string latex, IReadOnlySet<string>? scalars = null, IReadOnlySet<string>? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(latex);
        var (equation, errors) = LatexParser.Parse(latex);
        if (equation is null) return new LatexReading(null, errors, []);
        return new LatexReading(equation, [], equation.Sides.Select(s => Side(s, scalars, vectors)).ToArray());
    }

    private static LatexSide Side(LatexNode node, IReadOnlySet<string>? scalars, IReadOnlySet<string>? vectors)
    {
        if (node is not LatexDerivative derivative)
        {
            var (expression, error) = LatexLowering.TryLower(node, scalars, vectors);
            return new LatexSide(node, expression, null, null, error);
        }
        if (derivative.Order != 1 || derivative.Wrt.Count != 1)
        {
            return new LatexSide(node, null, null, null, new SyntaxError(DiagnosticCodes.LatexNotExpressible,
                "a second or mixed derivative is not in the expression language", derivative.Span));
        }
        var (of, ofError) = LatexLowering.TryLower(derivative.Of, scalars, vectors);
        var (wrt, wrtError) = LatexLowering.TryLowerVariable(derivative.Wrt[0], scalars, vectors);
        return new LatexSide(node, null, of, wrt, ofError ?? wrtError);
    }
}
