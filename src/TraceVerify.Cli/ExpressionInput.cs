using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Cli;

// Parses and binds command-line expressions in one binder, printing located errors.
internal static class ExpressionInput
{
    public static Expr[]? Bind(Binder binder, params string[] texts)
    {
        var nodes = new List<SyntaxNode>();
        foreach (var text in texts)
        {
            var parsed = Parser.Parse(text);
            if (!parsed.Succeeded)
            {
                foreach (var e in parsed.Errors) Console.Error.WriteLine($"<input>:1:{e.Span.Start + 1}: error {e.Code}: {e.Message}\n    {text}\n    {new string(' ', e.Span.Start)}^");
                return null;
            }
            nodes.Add(parsed.Node!);
        }
        foreach (var node in nodes) binder.CollectScalarHints(node);
        var exprs = nodes.Select((n, k) => binder.Bind(n, $"argument {k + 1}")).ToArray();
        if (binder.Errors.Count > 0)
        {
            foreach (var e in binder.Errors) Console.Error.WriteLine($"<{e.Source}>:1:{e.Span.Start + 1}: error {e.Code}: {e.Message}");
            return null;
        }
        return exprs.Select(e => binder.Resolve(e!)).ToArray();
    }

    public static IndexFormContext Context(Binder binder) => new(binder.ResolvedFreeIndices());
}
