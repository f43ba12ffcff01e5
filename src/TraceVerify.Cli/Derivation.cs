using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

// ∂of/∂wrt for command-line texts, bound exactly as a catalog entry with these `of`, `wrt`, `layout` and
// `shapes:` and `structured-derivative:` (and no claim) would be: the same rules for a vector or matrix `of`, Jacobians and second
// derivatives (`--wrt "[x, x]"`), the same located diagnostics. The derivative's canonical form and what
// printing it in matrix notation needs. Null (after printing why) when the texts do not bind, or bind only at
// a narrower shape than written.
internal sealed record Derivation(Expr Of, Expr Wrt, CanonicalSum Gradient, MatrixFormContext Forms, IReadOnlyDictionary<string, IndexVariable> FreeIndices)
{
    // Whether the derivative is a first derivative, whose appearances `--explain` can list.
    public bool IsFirst { get; init; } = true;

    // The derivative as a claim's text: in matrix notation where the printer finds a form (it checks its own
    // output), else as a matrix literal by a variable of literal size (LiteralDerivative, checked as the
    // catalog entry claiming it); null when neither exists (the index form is then all there is).
    public string? Claim { get; init; }

    public static Derivation? Run(string of, string wrt, IReadOnlyList<string>? shapes = null, string? layout = null, string? structuredDerivative = null)
    {
        if (CommandLineShapes.Read(shapes ?? []) is not { } declared) return null;
        if (Variables(wrt) is not { } variables) return null;
        var entry = new CatalogEntry("derive", "", "<of>", 1, 1, EntryKind.Derivative, ExpectedVerdict.Holds, null, null, null,
            [], new SourceText(of, "<of>", 1, 1), new SourceText(variables[0], "<wrt>", 1, 1), [], declared, [], [])
        {
            SecondWrt = variables.Count == 2 ? new SourceText(variables[1], "<wrt>", 1, 1) : null,
            Layout = layout is null ? null : new SourceText(layout, "<layout>", 1, 1),
            StructuredDerivative = structuredDerivative is null ? null : new SourceText(structuredDerivative, "<structured-derivative>", 1, 1),
        };
        var fields = EntryFieldRules.Check(entry, entry.Location, null).ToList();
        var binding = fields.Any(d => d.Severity == Severity.Error) ? new BindingResult(null, fields, null) : EntryBinder.Bind(entry with { Diagnostics = fields });
        // A restriction is reported below as the reason the derivative is refused, not as a claim's warning.
        foreach (var diagnostic in binding.Diagnostics.Where(d => d.Code != DiagnosticCodes.ClaimRestrictsShapes)) Console.Error.WriteLine(diagnostic.ToString());
        if (binding.Entry is not { } bound) return null;
        if (binding.ShapeRestriction is { } restriction)
        {
            Console.Error.WriteLine($"traceverify: error {DiagnosticCodes.ClaimRestrictsShapes}: only a scalar can be differentiated by a vector or matrix, and `{of}` is one only if {restriction}: declare the shapes (`--shape \"x: n\"`, `--shape \"A: m x n\"`) or wrap it in tr(…)");
            return null;
        }
        var derivative = bound.IndexForms().Derivative(bound.Of!, bound.Variables, bound.Reversed);
        var forms = Explaining.FormContext(bound);
        // Where `of` names positions, entry by entry reads best; otherwise matrix notation first.
        var literal = PositionPinning.Mentions(bound.Of!) ? LiteralDerivative.Print(entry with { Diagnostics = fields }, bound) : null;
        var claim = literal ?? (MatrixForm.ToExpr(derivative, forms) is { } printed ? ExprPrinter.Print(printed) : LiteralDerivative.Print(entry with { Diagnostics = fields }, bound));
        return new Derivation(bound.Of!, bound.Wrt!, derivative, forms, bound.FreeIndexMap) { IsFirst = bound.SecondWrt is null, Claim = claim };
    }

    // `x`, or `[x, x]` / `[X[i,j], X[k,l]]` (commas inside brackets belong to an entry) for a second derivative.
    public static IReadOnlyList<string>? Variables(string wrt)
    {
        var text = wrt.Trim();
        if (!text.StartsWith('[') || !text.EndsWith(']')) return [wrt];
        var items = new List<string>();
        var (depth, start) = (0, 1);
        for (var k = 1; k < text.Length - 1; k++)
        {
            if (text[k] is '[' or '(') depth++;
            else if (text[k] is ']' or ')') depth--;
            else if (text[k] == ',' && depth == 0) { items.Add(text[start..k].Trim()); start = k + 1; }
        }
        items.Add(text[start..^1].Trim());
        if (items.Count is 1 or 2 && items.All(i => i.Length > 0)) return items;
        Console.Error.WriteLine($"traceverify: error {DiagnosticCodes.BadWrtList}: `--wrt {wrt}` lists {items.Count} variables: give one (`x`) or two for a second derivative (`[x, x]`)");
        return null;
    }
}
