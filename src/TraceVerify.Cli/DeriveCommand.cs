using System.CommandLine;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class DeriveCommand
{
    public static Command Create()
    {
        var of = new Argument<string>("expression") { Description = "a scalar expression, e.g. \"tr(A*X*B)\"" };
        var wrt = new Option<string>("--wrt") { Description = "the variable: X, x, or an entry X[j,k]", Required = true };
        var explain = new Option<bool>("--explain") { Description = "also print the contribution of each appearance of the variable (the notes' (20))" };
        var index = new Option<bool>("--index") { Description = "also print the canonical index form" };
        var command = new Command("derive", "print the derivative of a scalar expression") { of, wrt, explain, index };
        command.SetAction(result =>
        {
            if (Derivation.Run(result.GetValue(of)!, result.GetValue(wrt)!) is not { } d) return ExitCodes.Usage;
            Console.Out.WriteLine(Catalog.Explaining.Print(d.Gradient, d.Forms));
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
