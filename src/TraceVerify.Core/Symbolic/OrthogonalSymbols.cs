namespace TraceVerify.Symbolic;

// The symbols the canonicalizer may treat as orthogonal (QᵀQ = QQᵀ = I) while one entry's forms are built: an
// ambient, per-thread scope like WorkCancellation, since canonical forms are built deep inside lowering. Outside
// a scope the set is empty, so no form is ever contracted for a hypothesis its entry did not state.
internal static class OrthogonalSymbols
{
    [ThreadStatic]
    private static IReadOnlySet<string>? t_symbols;

    public static bool Contains(string symbol) => t_symbols is { } symbols && symbols.Contains(symbol);

    public static Scope Enter(IReadOnlySet<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var previous = t_symbols;
        t_symbols = symbols;
        return new Scope(previous);
    }

    internal readonly struct Scope(IReadOnlySet<string>? previous) : IDisposable
    {
        public void Dispose() => t_symbols = previous;
    }
}
