namespace TraceVerify.Symbolic;

// The cancellation of the entry being checked, seen by loops that are too deep in the symbolic engine to take a
// token parameter (expansion, canonicalization, differentiation). The verifier runs each entry on a thread of
// its own and enters the entry's token there, so a thread-static token is exactly that entry's: a timed-out or
// over-budget entry stops its own work at the next checkpoint and never another entry's. Outside an entry the
// token is CancellationToken.None and the checkpoints cost a field read.
internal static class WorkCancellation
{
    [ThreadStatic]
    private static CancellationToken t_token;

    public static CancellationToken Current => t_token;

    // Makes token the current thread's until the returned scope is disposed (scopes nest).
    public static Scope Enter(CancellationToken token)
    {
        var previous = t_token;
        t_token = token;
        return new Scope(previous);
    }

    public static void ThrowIfRequested() => t_token.ThrowIfCancellationRequested();

    internal readonly struct Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => t_token = previous;
    }
}
