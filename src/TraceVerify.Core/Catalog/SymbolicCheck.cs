using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// The symbolic method: equal canonical index forms prove an entry for every shape. Unequal forms prove
// nothing either way (the engine does not know every identity), so they are "inconclusive" with the forms.
// An entry with hypotheses is tried without them first (a proof for every matrix holds for structured ones, and
// keeps rewrites such as X·inv(X) = I that a projected symbol no longer matches), except under the symmetric
// derivative convention, whose derivative differs from the unconstrained one; then under them.
internal static class SymbolicCheck
{
    public sealed record Outcome(MethodResult Result, bool Proved, CanonicalSum? Target, IReadOnlyList<CanonicalSum> Forms);

    public static Outcome Run(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var hypotheses = entry.Attributes.Where(p => p.Value != Numeric.MatrixAttributes.Square).ToArray();
            if (hypotheses.Length == 0) return Decide(entry, entry.IndexForms(), "");
            if (entry.Convention != StructuredDerivativeConvention.Symmetric && Decide(entry, entry.PlainIndexForms(), "") is { Proved: true } plain) return plain;
            var stated = string.Join(", ", hypotheses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {Numeric.MatrixAttributeNames.Text(p.Value & ~Numeric.MatrixAttributes.Square)}"));
            return Decide(entry, entry.IndexForms(), $", under the hypotheses ({stated})");
        }
        catch (ExpansionLimitException e)
        {
            return new Outcome(new MethodResult("symbolic", "inconclusive", e.Message), false, null, []);
        }
    }

    private static Outcome Decide(BoundEntry entry, IndexFormContext context, string under)
    {
        CanonicalSum target;
        IReadOnlyList<Expr> others;
        switch (entry.Kind)
        {
            case EntryKind.Equality:
                target = context.Canonical(entry.Sides[0]);
                others = entry.Sides.Skip(1).ToArray();
                break;
            case EntryKind.Derivative:
                target = context.Derivative(entry.Of!, entry.Variables, entry.Reversed);
                others = entry.Sides;
                break;
            default:
                return new Outcome(new MethodResult("symbolic", "inconclusive", "a definition states no identity"), false, null, []);
        }
        var forms = others.Select(context.Canonical).ToArray();
        var failing = forms.Select((f, k) => (f, k)).Where(p => !p.f.Equals(target)).ToArray();
        if (failing.Length == 0)
        {
            var what = entry.Kind == EntryKind.Derivative ? "the derivative by the product rule over every appearance" : "all sides";
            return new Outcome(new MethodResult("symbolic", "proved",
                $"{what} have one canonical index form ({target.Terms.Count} term{(target.Terms.Count == 1 ? "" : "s")}), for every shape{under}"), true, target, forms);
        }
        var detail = string.Join("; ", failing.Select(p => Differences(target, p.f, entry.Kind == EntryKind.Derivative ? $"claim {p.k + 1}" : $"side {p.k + 2}")));
        return new Outcome(new MethodResult("symbolic", "inconclusive", $"canonical forms differ — {detail}"), false, target, forms);
    }

    private static string Differences(CanonicalSum target, CanonicalSum form, string name)
    {
        var targetKeys = target.Terms.ToDictionary(t => t.Key, t => t.Coefficient, StringComparer.Ordinal);
        var formKeys = form.Terms.ToDictionary(t => t.Key, t => t.Coefficient, StringComparer.Ordinal);
        var missing = targetKeys.Count(p => !formKeys.TryGetValue(p.Key, out var c) || c != p.Value);
        var extra = formKeys.Count(p => !targetKeys.TryGetValue(p.Key, out var c) || c != p.Value);
        return $"{name}: {missing} of {target.Terms.Count} expected term(s) unmatched, {extra} of {form.Terms.Count} claimed term(s) unmatched";
    }
}
