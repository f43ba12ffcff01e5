using System.CommandLine;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class EqualCommand
{
    public static Command Create()
    {
        var left = new Argument<string>("left");
        var right = new Argument<string>("right");
        var latex = new Option<bool>("--latex") { Description = "both expressions are LaTeX (\\operatorname{tr}(\\mathbf{AB}), \\mathbf{A}^T …)" };
        var shapes = new Option<string[]>("--shape") { Description = "a shape declaration as a catalog's `shapes:` line, e.g. \"x: n\", \"X: m x n\" (repeatable)" };
        var command = new Command("equal", "decide symbolically whether two expressions are equal for every shape") { left, right, latex, shapes };
        command.SetAction(result =>
        {
            if (CommandLineShapes.Declarations(result.GetValue(shapes) ?? []) is not { } declared) return ExitCodes.Usage;
            var binder = new Binder(declared);
            var texts = new[] { result.GetValue(left)!, result.GetValue(right)! };
            if (result.GetValue(latex))
            {
                var read = texts.Select((t, k) => LatexInput.Expression(t, k == 0 ? "<left>" : "<right>")).ToArray();
                if (read.Any(t => t is null)) return ExitCodes.Usage;
                texts = read!;
                Console.Out.WriteLine($"reads as: {texts[0]}  and  {texts[1]}");
            }
            if (ExpressionInput.BindSides(binder, out var conditions, texts[0], texts[1]) is not { } exprs) return ExitCodes.Usage;
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
