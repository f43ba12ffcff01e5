using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Whether the forms being built write every index of a small literal size as a sum over its positions
// (1 = Σₚ e_p(i)): an ambient, per-thread scope like OrthogonalSymbols, entered for the forms of an entry that
// mentions a numeric position or a matrix literal, so that tr(X) and X[1,1] + X[2,2] + X[3,3] of a 3×3 X, or
// I(2) and [1, 0; 0, 1], meet in one form. Outside a scope no index is split, so forms without positions
// are exactly what they were. Within a scope the split is a function of the term alone (the first index in
// parameter-then-factor order of a literal size 2..MaxSize without a position), so every form of the entry is
// canonical the same way.
internal static class PositionPinning
{
    public const int MaxSize = 8;

    [ThreadStatic]
    private static bool t_active;

    public static bool Active => t_active;

    public static Scope Enter(bool active)
    {
        var previous = t_active;
        t_active = active;
        return new Scope(previous);
    }

    internal readonly struct Scope(bool previous) : IDisposable
    {
        public void Dispose() => t_active = previous;
    }

    // The term with its first unpinned index of a small literal size split over that size's positions, or null.
    public static IReadOnlyList<RawTerm>? Split(RawTerm term, IReadOnlyList<int> parameterIds, IndexPool pool)
    {
        if (!t_active) return null;
        var pinned = new HashSet<int>();
        foreach (var factor in term.Factors)
        {
            if (factor is PositionFactor e) pinned.Add(e.Index);
        }
        foreach (var id in parameterIds.Concat(term.Factors.SelectMany(FactorIndices.Of)))
        {
            if (pinned.Contains(id) || pool.Range(id) is not KnownDim { Size: >= 2 and <= MaxSize } known) continue;
            return Enumerable.Range(1, known.Size).Select(p => term.With(new PositionFactor(id, p))).ToArray();
        }
        return null;
    }

    // Every expression that mentions a numeric position or a matrix literal.
    public static bool Mentions(Expr expr) => expr switch
    {
        MatrixLiteralExpr => true,
        EntryExpr { Row: PositionSlot } or EntryExpr { Column: PositionSlot } => true,
        _ => ExprNodes.Children(expr).Any(Mentions),
    };
}
