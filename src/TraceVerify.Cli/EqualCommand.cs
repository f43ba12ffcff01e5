using System.CommandLine;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Numeric;
using TraceVerify.Reporting;
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
        var command = new Command("equal", "decide whether two expressions are equal for every shape, as `check` decides the catalog entry they state") { left, right, latex, shapes };
        command.SetAction(result =>
        {
            var shapeValues = result.GetValue(shapes) ?? [];
            if (CommandLineShapes.Declarations(shapeValues) is null) return ExitCodes.Usage;
            var texts = new[] { result.GetValue(left)!, result.GetValue(right)! };
            if (result.GetValue(latex))
            {
                var read = texts.Select((t, k) => LatexInput.Expression(t, k == 0 ? "<left>" : "<right>")).ToArray();
                if (read.Any(t => t is null)) return ExitCodes.Usage;
                texts = read!;
                Console.Out.WriteLine($"reads as: {texts[0]}  and  {texts[1]}");
            }
            return Decide(texts[0], texts[1], shapeValues);
        });
        return command;
    }

    // The texts are bound as the sides of the catalog equality entry with these `shapes:` (CommandLineEntry: the
    // same binder, attribute checks TV0250–TV0252, hypotheses closed under implication, and forms written over
    // the positions of literal sizes where a side has a numeric position or a matrix literal). The canonical
    // forms are compared as the symbolic method compares them: without the hypotheses first (a proof there holds
    // for structured matrices too, and keeps rewrites such as X·inv(X) = I that a projected symbol no longer
    // matches), then under them. The verdict is the one `check` gives that entry (CommandLineEntry.Check): a
    // proof only as the catalog accepts one (on a proper domain, with a witness), and a wrong claim refuted with
    // the counterexample of its methods, at the shapes written.
    private static int Decide(string left, string right, IReadOnlyList<string> shapes)
    {
        if (CommandLineShapes.Read(shapes) is not { } declared) return ExitCodes.Usage;
        var entry = CommandLineEntry.Equality("equal", [left, right], declared);
        var binding = CommandLineEntry.Bind(entry);
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
        var result = CommandLineEntry.Check(entry);
        var proved = result.Verdict == Verdict.Proved && binding.ShapeRestriction is null;
        Console.Out.WriteLine(proved ? $"proved: equal for every shape{under}"
            : equalForms && binding.ShapeRestriction is not null ? $"not proved for every shape: the sides have one shape only if {binding.ShapeRestriction}, and are equal there{under}"
            : equalForms ? $"not proved: the canonical forms agree{under}, but the catalog's verdict is {Expectations.Text(result.Verdict)}"
            : binding.ShapeRestriction is { } narrower ? $"not proved for every shape: the sides have one shape only if {narrower}, and the canonical forms differ there{under}"
            : $"not proved: the canonical forms differ{under}");
        Console.Out.WriteLine($"  left:  {IndexNotation.Print(l)}");
        Console.Out.WriteLine($"  right: {IndexNotation.Print(r)}");
        // A claim that type-checks only at a narrower shape is refuted only by a counterexample there: said so.
        var where = binding.ShapeRestriction is { } only && result.Verdict == Verdict.Refuted ? $", at the only shapes where it type-checks ({only})" : "";
        Console.Out.WriteLine($"verdict: {Expectations.Text(result.Verdict)} ({string.Join("; ", result.Methods.Select(m => $"{m.Name}: {m.Outcome}"))}), as `check` decides this entry{where}");
        if (result.Counterexample is { } c) Console.Out.Write(CounterexampleText.Render(c));
        // What the verdict rests on beyond the binding's own diagnostics (printed above): a domain without a
        // witness, an undefined-everywhere claim, a budget, a disagreement between methods.
        foreach (var d in result.Diagnostics.Where(d => !binding.Diagnostics.Contains(d) && d.Code != DiagnosticCodes.ClaimRestrictsShapes))
            Console.Error.WriteLine($"traceverify: {d.SeverityText} {d.Code}: {d.Message}");
        if (result.Verdict == Verdict.Error) return ExitCodes.InternalError;
        return proved ? ExitCodes.Success : ExitCodes.Mismatch;
    }
}
