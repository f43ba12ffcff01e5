using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// A derivative entry bound as the catalog binds one: `of`, `wrt` and the claim in one binder, the claim
// given the variable's shape; then the derived canonical form and the contexts to compare and print with.
internal sealed record Derivation(Expr Claim, CanonicalSum Derived, IndexFormContext Context, MatrixFormContext Printing)
{
    public static Derivation Of(string of, string wrt, string claim)
    {
        var bound = new Bound();
        var f = bound.Bind(of);
        var x = bound.Bind(wrt);
        var c = bound.Bind(claim);
        var variable = Shapes.Of(x);
        var claimed = Shapes.Of(c);
        Assert.True(bound.Binder.Unify(claimed.Rows, variable.Rows) && bound.Binder.Unify(claimed.Columns, variable.Columns), "the claim has the variable's shape");
        var context = bound.Context();
        var derived = context.Gradient(bound.Resolve(f), bound.Resolve(x));
        return new Derivation(bound.Resolve(c), derived, context, MatrixFormContext.For(bound.Binder, variable));
    }
}
