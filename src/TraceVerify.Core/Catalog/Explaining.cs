using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// What a reader of a report wants beside the verdict: the canonical forms, the derived result, and for a
// refuted claim the term-by-term comparison with the derivation and the smallest proved correction.
internal static class Explaining
{
    public sealed record Explanation(EntryDetails Details, string? Suggestion);

    public static Explanation Describe(CatalogEntry catalogEntry, BoundEntry entry, SymbolicCheck.Outcome symbolic, Verdict verdict, EntryDetails details)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(symbolic);
        var canonical = symbolic.Forms.Select(IndexNotation.Print).ToList();
        if (symbolic.Target is not { } target) return new Explanation(details with { CanonicalForms = canonical }, null);
        canonical.Insert(0, IndexNotation.Print(target));
        var forms = FormContext(entry);
        string Show(CanonicalSum sum) => Print(sum, forms);
        details = details with { CanonicalForms = canonical, Derived = entry.Kind == EntryKind.Derivative ? Show(target) : null };
        if (verdict != Verdict.Refuted) return new Explanation(details, null);

        var failing = symbolic.Forms.Select((form, k) => (form, k)).FirstOrDefault(p => !p.form.Equals(target));
        if (failing.form is null) return new Explanation(details, null);
        var sideIndex = entry.Kind == EntryKind.Derivative ? failing.k : failing.k + 1;
        var claim = entry.Sides[sideIndex];
        var context = entry.IndexForms();
        var comparison = TermMatching.Compare(claim, target, context.Canonical, Show);
        var repair = ClaimRepair.Find(claim, candidate => ProvedWith(catalogEntry, sideIndex, ExprPrinter.Print(candidate)));
        details = details with { TermComparison = comparison, Corrected = repair is null ? null : ExprPrinter.Print(repair.Corrected) };
        var where = entry.Kind == EntryKind.Derivative ? (entry.Sides.Count == 1 ? "claim" : $"claim {sideIndex + 1}") : $"side {sideIndex + 1}";
        var suggestion = repair is null
            ? null
            : $"{where}, {repair.Description}: {ExprPrinter.Print(repair.Corrected)}";
        return new Explanation(details, suggestion);
    }

    // Matrix notation where the printer finds a form (it checks its own output), index notation otherwise.
    public static string Print(CanonicalSum sum, MatrixFormContext context) =>
        MatrixForm.ToExpr(sum, context) is { } expr ? ExprPrinter.Print(expr) : IndexNotation.Print(sum);

    public static MatrixFormContext FormContext(BoundEntry entry)
    {
        var shape = entry.Kind == EntryKind.Derivative ? entry.DerivativeShape : Shapes.Of(entry.Sides[0]);
        return new MatrixFormContext(shape, entry.FreeIndices.Select(v => v.Name).Order(StringComparer.Ordinal).ToArray(), entry.Symbols)
        {
            Attributes = entry.Attributes,
        };
    }

    // The entry with one text replaced is proved for every shape, and type-checks without extra conditions.
    private static bool ProvedWith(CatalogEntry entry, int sideIndex, string text)
    {
        var sides = entry.Sides.Select((s, k) => k == sideIndex ? s with { Text = text } : s).ToArray();
        var binding = EntryBinder.Bind(entry with { Sides = sides });
        return binding.Entry is { } bound && binding.ShapeRestriction is null && SymbolicCheck.Run(bound).Proved;
    }
}
