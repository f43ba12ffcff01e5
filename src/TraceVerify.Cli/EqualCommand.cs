using System.CommandLine;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Numeric;
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
            var shapeValues = result.GetValue(shapes) ?? [];
            if (CommandLineShapes.Declarations(shapeValues) is not { } declared) return ExitCodes.Usage;
            var binder = new Binder(declared);
            var texts = new[] { result.GetValue(left)!, result.GetValue(right)! };
            if (result.GetValue(latex))
            {
                var read = texts.Select((t, k) => LatexInput.Expression(t, k == 0 ? "<left>" : "<right>")).ToArray();
                if (read.Any(t => t is null)) return ExitCodes.Usage;
                texts = read!;
                Console.Out.WriteLine($"reads as: {texts[0]}  and  {texts[1]}");
            }
            if (declared.Values.Any(d => d.Attributes != MatrixAttributes.None)) return UnderHypotheses(texts[0], texts[1], shapeValues);
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

    // With attributes in `--shape` the texts are bound as the sides of a catalog equality entry with these
    // `shapes:` (the same attribute checks, TV0250–TV0252, and hypotheses closed under implication), and decided
    // as the symbolic method decides one: without the hypotheses first (a proof there holds for structured
    // matrices too, and keeps rewrites such as X·inv(X) = I that a projected symbol no longer matches), then
    // under them.
    private static int UnderHypotheses(string left, string right, IReadOnlyList<string> shapes)
    {
        if (CommandLineShapes.Read(shapes) is not { } declared) return ExitCodes.Usage;
        var entry = new CatalogEntry("equal", "", "<input>", 1, 1, EntryKind.Equality, ExpectedVerdict.Holds, null, null, null,
            [new SourceText(left, "<left>", 1, 1), new SourceText(right, "<right>", 1, 1)], null, null, [], declared, [], []);
        var fields = EntryFieldRules.Check(entry, entry.Location, null).ToList();
        var binding = fields.Any(d => d.Severity == Severity.Error) ? new BindingResult(null, fields, null) : EntryBinder.Bind(entry with { Diagnostics = fields });
        // A restriction is stated below as what the result depends on, not as a claim's warning.
        foreach (var diagnostic in binding.Diagnostics.Where(d => d.Code != DiagnosticCodes.ClaimRestrictsShapes)) Console.Error.WriteLine(diagnostic.ToString());
        if (binding.Entry is not { } bound) return ExitCodes.Usage;
        var plain = bound.PlainIndexForms();
        var (l, r) = (plain.Canonical(bound.Sides[0]), plain.Canonical(bound.Sides[1]));
        var hypotheses = bound.Attributes.Where(p => p.Value != MatrixAttributes.Square).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var under = "";
        if (!l.Equals(r) && hypotheses.Length > 0)
        {
            var forms = bound.IndexForms();
            (l, r) = (forms.Canonical(bound.Sides[0]), forms.Canonical(bound.Sides[1]));
            under = $" under the hypotheses ({string.Join(", ", hypotheses.Select(p => $"{p.Key} {MatrixAttributeNames.Text(p.Value & ~MatrixAttributes.Square)}"))})";
        }
        var equalForms = l.Equals(r);
        var proved = equalForms && binding.ShapeRestriction is null;
        Console.Out.WriteLine(proved ? $"proved: equal for every shape{under}"
            : equalForms ? $"not proved for every shape: the sides have one shape only if {binding.ShapeRestriction}, and are equal there{under}"
            : $"not proved: the canonical forms differ{under}");
        Console.Out.WriteLine($"  left:  {IndexNotation.Print(l)}");
        Console.Out.WriteLine($"  right: {IndexNotation.Print(r)}");
        return proved ? ExitCodes.Success : ExitCodes.Mismatch;
    }
}
