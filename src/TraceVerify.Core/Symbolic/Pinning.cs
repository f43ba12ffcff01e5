namespace TraceVerify.Symbolic;

// Whether printed text fixes an index's range by itself. The binder reads `ones`, `I` and binders with
// fresh dimensions and learns their sizes only by unification with symbols; a bound index that no symbol
// entry reaches (Σₖ exp(1)·log(0) after constant bodies were folded) would be read back with an unknown
// range, so its text must carry an anchor.
internal static class Pinning
{
    public static bool IsPinned(CanonicalTerm term, int label)
    {
        ArgumentNullException.ThrowIfNull(term);
        return IsPinned(term.Factors, label);
    }

    public static bool IsPinned(IEnumerable<Factor> factors, int label) => factors.Any(f => Pins(f, label));

    private static bool Pins(Factor factor, int label) => factor switch
    {
        TensorFactor t => t.Indices.Contains(label),
        FunctionFactor f => f.Arguments.Select((argument, place) => (argument, place))
            .Any(p => p.argument == label && f.Body.Terms.Any(t => IsPinned(t, p.place))),
        // inv(M) pins its row and column exactly where M's text pins its size.
        MatrixFunctionFactor f => f.Arguments.Select((argument, place) => (argument, place))
            .Any(p => p.argument == label && f.Body.Terms.Any(t => p.place < f.EntryCount
                ? IsPinned(t, 0) || IsPinned(t, 1)
                : IsPinned(t, p.place - f.EntryCount + 2))),
        _ => false,
    };
}
