using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Cli;

// `derive --latex`: the input read from LaTeX, the result written as LaTeX.
internal static class LatexDerivative
{
    // (of, wrt) in the expression language from a LaTeX expression and variable, or from one derivative
    // formula ∂of/∂wrt (then --wrt must be absent); null after printing why not.
    public static (string Of, string? Wrt)? Read(string latex, string? wrtLatex)
    {
        var reading = LatexReader.Read(latex);
        if (reading.AllErrors.FirstOrDefault() is { } error) { LatexInput.Report("<latex>", latex, error); return null; }
        if (reading.Sides is [{ IsDerivative: true } derivative])
        {
            if (wrtLatex is not null)
            {
                Console.Error.WriteLine("traceverify: error: the formula names its variable; drop `--wrt`");
                return null;
            }
            return (SyntaxPrinter.Print(derivative.Of!), SyntaxPrinter.Print(derivative.Wrt!));
        }
        if (LatexInput.Expression(latex) is not { } of) return null;
        if (wrtLatex is null) return (of, null);
        return LatexInput.Expression(wrtLatex, "<wrt>") is { } wrt ? (of, wrt) : null;
    }

    public static string Output(string of, string wrt, Derivation d)
    {
        var question = $@"\frac{{\partial {LatexPrinter.Print(Parser.Parse(of).Node!)}}}{{\partial {LatexPrinter.Print(Parser.Parse(wrt).Node!)}}}";
        return MatrixForm.ToExpr(d.Gradient, d.Forms) is { } claim
            ? $"latex: {question} = {LatexPrinter.Print(Parser.Parse(ExprPrinter.Print(claim)).Node!)}"
            : $"latex: {question} has no form in matrix notation (index form: {IndexNotation.Print(d.Gradient)})";
    }
}
