using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Catalog;

// One LaTeX formula → a checked catalog entry: drafted (LatexDraft), its claim derived when the formula
// gives none, its shapes inferred by the binder and written out, then verified like any catalog entry.
internal static class LatexEntries
{
    // Yaml is null when the formula gives no entry (Error says why); Result is null when the entry does not
    // bind (Diagnostics say why, located in the drafted YAML).
    public sealed record Created(string? Yaml, EntryResult? Result, SyntaxError? Error, IReadOnlyList<Diagnostic> Diagnostics);

    private const string DraftFile = "<latex>";

    // A formula that only asks (∂f/∂X with no claim) gets the derived claim, in the entry and appended to its latex.
    // Without an id, the entry is named after what it differentiates or its first side.
    public static Created Create(string latex, string? id, string eq, string? title, Verifier verifier)
    {
        ArgumentNullException.ThrowIfNull(latex);
        ArgumentNullException.ThrowIfNull(verifier);
        var draft = LatexDraft.Read(latex);
        if (draft.Error is { } error) return new Created(null, null, error, []);
        var claims = draft.Sides;
        if (draft.Kind == EntryKind.Derivative && claims.Count == 0)
        {
            if (DerivedClaim(draft.Of!, draft.Wrt!) is not { } derived)
                return new Created(null, null, new SyntaxError(DiagnosticCodes.NotDerivableForm, "the formula gives no claim, and the derivative has no form in matrix notation to print", new TextSpan(0, latex.Length)), []);
            claims = [derived];
            latex = latex.TrimEnd() + " = " + LatexPrinter.Print(Parser.Parse(derived).Node!);
        }
        id ??= "new-" + Slug(draft.Of ?? claims[0]);
        var unshaped = EntryYaml.Write(id, eq, title, latex, draft, claims, null);
        var binding = EntryBinder.Bind(CatalogLoader.Parse(unshaped, DraftFile).Entries.Single());
        if (binding.Entry is not { } bound) return new Created(unshaped, null, null, binding.Diagnostics);
        var yaml = EntryYaml.Write(id, eq, title, latex, draft, claims, bound.Symbols);
        var entry = CatalogLoader.Parse(yaml, DraftFile).Entries.Single();
        return new Created(yaml, verifier.Check(entry), null, []);
    }

    private static string Slug(string text)
    {
        var slug = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Trim('-');
    }

    // ∂of/∂wrt in matrix notation, as `new --of … --wrt …` prints it; null when it does not bind or print.
    private static string? DerivedClaim(string of, string wrt)
    {
        var binder = new Binder();
        var nodes = new[] { Parser.Parse(of).Node!, Parser.Parse(wrt).Node! };
        foreach (var node in nodes) binder.CollectScalarHints(node);
        var exprs = nodes.Select((n, k) => binder.Bind(n, k == 0 ? "of" : "wrt")).ToArray();
        if (binder.Errors.Count > 0 || exprs.Any(e => e is null)) return null;
        var ofExpr = binder.Resolve(exprs[0]!);
        var wrtExpr = binder.Resolve(exprs[1]!);
        if (!Shapes.Of(ofExpr).IsScalar || wrtExpr is not (SymbolExpr or EntryExpr { Target: SymbolExpr })) return null;
        var gradient = new IndexFormContext(binder.ResolvedFreeIndices()).Gradient(ofExpr, wrtExpr);
        var shape = wrtExpr is SymbolExpr variable ? variable.Shape : Shape.Scalar;
        return MatrixForm.ToExpr(gradient, MatrixFormContext.For(binder, shape)) is { } claim ? ExprPrinter.Print(claim) : null;
    }
}
