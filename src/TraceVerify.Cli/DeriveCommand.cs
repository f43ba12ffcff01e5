using System.CommandLine;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class DeriveCommand
{
    public static Command Create()
    {
        var of = new Argument<string>("expression") { Description = "an expression, e.g. \"tr(A*X*B)\"; by a scalar also a vector or matrix, by a vector a declared vector (a Jacobian)" };
        var wrt = new Option<string?>("--wrt") { Description = "the variable: X, x, t, or an entry X[j,k]; \"[x, x]\" for a second derivative (with --latex, may be given by a derivative formula instead)" };
        var shapes = new Option<string[]>("--shape") { Description = "a shape declaration as a catalog's `shapes:` line, e.g. \"x: n\", \"X: m x n\", \"t: scalar\" (repeatable)" };
        var layout = new Option<string?>("--layout") { Description = "a Jacobian's layout: numerator (rows follow the expression) or denominator (rows follow the variable)" };
        var structured = new Option<string?>("--structured-derivative") { Description = "the convention for a derivative by a matrix with attributes (`--shape \"X: n x n symmetric\"`): unconstrained or symmetric" };
        var explain = new Option<bool>("--explain") { Description = "also print the contribution of each appearance of the variable (the notes' (20))" };
        var index = new Option<bool>("--index") { Description = "also print the canonical index form" };
        var latex = new Option<bool>("--latex") { Description = "read the expression (and --wrt) as LaTeX, or a derivative formula \\frac{\\partial …}{\\partial X}; also print the result as LaTeX" };
        var command = new Command("derive", "print the derivative of an expression") { of, wrt, explain, index, latex, shapes, layout, structured };
        command.SetAction(result =>
        {
            var (ofText, wrtText) = (result.GetValue(of)!, result.GetValue(wrt));
            if (result.GetValue(latex))
            {
                if (LatexDerivative.Read(ofText, wrtText) is not { } read) return ExitCodes.Usage;
                (ofText, wrtText) = read;
            }
            if (wrtText is null)
            {
                Console.Error.WriteLine("traceverify: error: `derive` needs `--wrt` (or, with --latex, a formula \\frac{\\partial …}{\\partial X})");
                return ExitCodes.Usage;
            }
            if (Derivation.Run(ofText, wrtText, result.GetValue(shapes) ?? [], result.GetValue(layout), result.GetValue(structured)) is not { } d) return ExitCodes.Usage;
            Console.Out.WriteLine(d.Claim ?? IndexNotation.Print(d.Gradient));
            if (result.GetValue(latex)) Console.Out.WriteLine(LatexDerivative.Output(ofText, wrtText, d));
            if (result.GetValue(index)) Console.Out.WriteLine($"index form: {IndexNotation.Print(d.Gradient)}");
            if (result.GetValue(explain) && d.IsFirst)
            {
                foreach (var part in AppearanceContributions.Of(d.Of, d.Wrt, d.FreeIndices, new Dictionary<string, string>()))
                    Console.Out.WriteLine($"  {part.Appearance}: {Catalog.Explaining.Print(part.Derivative, d.Forms)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
