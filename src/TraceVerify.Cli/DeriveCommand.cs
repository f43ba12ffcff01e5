using System.CommandLine;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class DeriveCommand
{
    public static Command Create()
    {
        var of = new Argument<string>("expression") { Description = "a scalar expression, e.g. \"tr(A*X*B)\"" };
        var wrt = new Option<string>("--wrt") { Description = "the variable: X, x, or an entry X[j,k]", Required = true };
        var command = new Command("derive", "print the derivative of a scalar expression") { of, wrt };
        command.SetAction(result =>
        {
            var binder = new Binder();
            if (ExpressionInput.Bind(binder, result.GetValue(of)!, result.GetValue(wrt)!) is not { } exprs) return ExitCodes.Usage;
            if (!Shapes.Of(exprs[0]).IsScalar)
            {
                Console.Error.WriteLine("traceverify: error: only a scalar can be differentiated (wrap a matrix in tr(…))");
                return ExitCodes.Usage;
            }
            var gradient = ExpressionInput.Context(binder).Gradient(exprs[0], exprs[1]);
            Console.Out.WriteLine(IndexNotation.Print(gradient));
            return ExitCodes.Success;
        });
        return command;
    }
}
