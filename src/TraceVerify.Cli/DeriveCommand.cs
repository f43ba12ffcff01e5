using System.CommandLine;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class DeriveCommand
{
    public static Command Create()
    {
        var of = new Argument<string>("expression") { Description = "a scalar expression, e.g. \"tr(A*X*B)\"" };
        var wrt = new Option<string?>("--wrt") { Description = "the variable: X, x, or an entry X[j,k] (with --latex, may be given by a derivative formula instead)" };
        var explain = new Option<bool>("--explain") { Description = "also print the contribution of each appearance of the variable (the notes' (20))" };
        var index = new Option<bool>("--index") { Description = "also print the canonical index form" };
        var latex = new Option<bool>("--latex") { Description = "read the expression (and --wrt) as LaTeX, or a derivative formula \\frac{\\partial …}{\\partial X}; also print the result as LaTeX" };
        var command = new Command("derive", "print the derivative of a scalar expression") { of, wrt, explain, index, latex };
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
            if (Derivation.Run(ofText, wrtText) is not { } d) return ExitCodes.Usage;
            Console.Out.WriteLine(Catalog.Explaining.Print(d.Gradient, d.Forms));
            if (result.GetValue(latex)) Console.Out.WriteLine(LatexDerivative.Output(ofText, wrtText, d));
            if (result.GetValue(index)) Console.Out.WriteLine($"index form: {IndexNotation.Print(d.Gradient)}");
            if (result.GetValue(explain))
            {
                foreach (var part in AppearanceContributions.Of(d.Of, d.Wrt, d.FreeIndices, new Dictionary<string, string>()))
                    Console.Out.WriteLine($"  {part.Appearance}: {Catalog.Explaining.Print(part.Derivative, d.Forms)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
