using System.CommandLine;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class EqualCommand
{
    public static Command Create()
    {
        var left = new Argument<string>("left");
        var right = new Argument<string>("right");
        var command = new Command("equal", "decide symbolically whether two expressions are equal for every shape") { left, right };
        command.SetAction(result =>
        {
            var binder = new Binder();
            if (ExpressionInput.BindSides(binder, out var conditions, result.GetValue(left)!, result.GetValue(right)!) is not { } exprs) return ExitCodes.Usage;
            var context = ExpressionInput.Context(binder);
            var l = context.Canonical(exprs[0]);
            var r = context.Canonical(exprs[1]);
            var equalForms = l.Equals(r);
            var proved = equalForms && conditions.Count == 0;
            Console.Out.WriteLine(proved ? "proved: equal for every shape"
                : equalForms ? $"not proved for every shape: the sides have one shape only if {string.Join(", ", conditions)}, and are equal there"
                : "not proved: the canonical forms differ");
            Console.Out.WriteLine($"  left:  {IndexNotation.Print(l)}");
            Console.Out.WriteLine($"  right: {IndexNotation.Print(r)}");
            return proved ? ExitCodes.Success : ExitCodes.Mismatch;
        });
        return command;
    }
}
