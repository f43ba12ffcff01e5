using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Cli;

// Parses and binds command-line expressions in one binder, printing located errors. Sides of one equality
// are bound by BindSides: their shapes are unified, as a catalog entry's sides are.
internal static class ExpressionInput
{
    public static Expr[]? Bind(Binder binder, params string[] texts) => Bind(binder, sameShape: false, out _, texts);

    // Conditions: what giving the sides one shape required of the symbols' shapes ("A is square"); a proof
    // under such a condition is no proof for the shapes written.
    public static Expr[]? BindSides(Binder binder, out IReadOnlyList<string> conditions, params string[] texts) =>
        Bind(binder, sameShape: true, out conditions, texts);

    private static Expr[]? Bind(Binder binder, bool sameShape, out IReadOnlyList<string> conditions, params string[] texts)
    {
        var added = new List<string>();
        conditions = added;
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
        for (var k = 1; sameShape && k < exprs.Length; k++)
        {
            // Sizes of `I` and `ones` are free to agree; the symbols' shapes are what the texts say, and a
            // proof that needs them narrowed would be a proof at a narrower shape than written.
            var first = binder.ShapeOf(exprs[0]!);
            var other = binder.ShapeOf(exprs[k]!);
            var (firstText, otherText) = (binder.Display(first), binder.Display(other));
            if (binder.UnifyShapesNamingConditions(first, other) is { } needed)
            {
                added.AddRange(needed);
                continue;
            }
            Console.Error.WriteLine($"traceverify: error {Diagnostics.DiagnosticCodes.SideShapesDiffer}: the sides have different shapes: `{texts[0]}` is {firstText}, `{texts[k]}` is {otherText}");
            return null;
        }
        return exprs.Select(e => binder.Resolve(e!)).ToArray();
    }

    public static IndexFormContext Context(Binder binder) => new(binder.ResolvedFreeIndices());
}
