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
            var binder = new Binder();
            if (ExpressionInput.Bind(binder, result.GetValue(of)!, result.GetValue(wrt)!) is not { } exprs) return ExitCodes.Usage;
            if (!Shapes.Of(exprs[0]).IsScalar)
            {
                Console.Error.WriteLine("traceverify: error: only a scalar can be differentiated (wrap a matrix in tr(…))");
                return ExitCodes.Usage;
            }
            var gradient = ExpressionInput.Context(binder).Gradient(exprs[0], exprs[1]);
            var shape = exprs[1] is SymbolExpr variable ? variable.Shape : Shape.Scalar;
            var free = binder.FreeIndices.Keys.Order(StringComparer.Ordinal).ToArray();
            var symbols = binder.Symbols.ToDictionary(p => p.Key, p => new Shape(binder.ResolveDim(p.Value.Rows), binder.ResolveDim(p.Value.Columns)), StringComparer.Ordinal);
            var forms = new MatrixFormContext(shape, free, symbols);
            Console.Out.WriteLine(Catalog.Explaining.Print(gradient, forms));
            if (result.GetValue(index)) Console.Out.WriteLine($"index form: {IndexNotation.Print(gradient)}");
            if (result.GetValue(explain))
            {
                var indices = binder.FreeIndices.ToDictionary(p => p.Key, p => p.Value with { Range = binder.ResolveDim(p.Value.Range) }, StringComparer.Ordinal);
                foreach (var part in AppearanceContributions.Of(exprs[0], exprs[1], indices, new Dictionary<string, string>()))
                    Console.Out.WriteLine($"  {part.Appearance}: {Catalog.Explaining.Print(part.Derivative, forms)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
