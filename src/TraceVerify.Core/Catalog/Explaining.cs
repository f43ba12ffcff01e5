using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// What a reader of a report wants beside the verdict: the derived result and, for a refuted claim, the
// suggested correction. Filled in from the symbolic engine's forms.
internal static class Explaining
{
    public sealed record Explanation(EntryDetails Details, string? Suggestion);

    public static Explanation Describe(BoundEntry entry, SymbolicCheck.Outcome symbolic, Verdict verdict, EntryDetails details, BindingResult binding)
    {
        _ = verdict;
        _ = binding;
        var canonical = symbolic.Forms.Select(IndexNotation.Print).ToList();
        if (symbolic.Target is { } target) canonical.Insert(0, IndexNotation.Print(target));
        return new Explanation(details with { CanonicalForms = canonical }, null);
    }
}
