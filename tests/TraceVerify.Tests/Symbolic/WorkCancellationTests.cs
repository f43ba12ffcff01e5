using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// The symbolic engine's expansion loops honour the entry's token (entered by the verifier on the entry's own
// thread): a cancelled entry stops expanding instead of running on beside the entries after it.
public class WorkCancellationTests
{
    [Fact]
    public void Canonicalizing_under_a_cancelled_token_stops()
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "n x n", ["B"] = "n x n" });
        var expr = bound.Resolve(bound.Bind(string.Join("*", Enumerable.Repeat("(A+B)", 12))));
        var context = bound.Context();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        using (WorkCancellation.Enter(cancel.Token))
        {
            Assert.Throws<OperationCanceledException>(() => context.Canonical(expr));
        }
        Assert.Equal(CancellationToken.None, WorkCancellation.Current);
        Assert.False(context.Canonical(expr).IsZero);
    }
}
