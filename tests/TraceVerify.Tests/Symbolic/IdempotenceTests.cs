using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// Canonicalizing a canonical form again, after renaming every index to fresh ids in a different order,
// gives the same form.
public class IdempotenceTests
{
    [Theory]
    [InlineData("tr(A*X*X'*B*C*X'*X*C)")]
    [InlineData("A'*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X")]
    [InlineData("(A' .* B)*ones")]
    [InlineData("tr(V'*log(A*X*B))")]
    [InlineData("B'*rows(k; ones'*((V ./ (A*diag(B[k,:]*X)*C))'*A .* C'))")]
    [InlineData("tr(X*X*X*X) + tr(X)*tr(X) + tr(X)^2")]
    [InlineData("sum(i,j; A[i,j]*A[j,i]*x[i]*x[j])")]
    public void Canonicalization_is_idempotent(string text)
    {
        var form = Bound.Canonical(text)[0];
        Assert.Equal(form, Recanonicalize(form, reverse: false));
        Assert.Equal(form, Recanonicalize(form, reverse: true));
    }

    internal static CanonicalSum Recanonicalize(CanonicalSum form, bool reverse)
    {
        var pool = new IndexPool();
        var parameters = form.Parameters.Select(pool.Fresh).ToArray();
        var terms = FunctionFactors.Instantiate(form, parameters, pool).ToList();
        if (reverse) terms = terms.Select(t => t with { Factors = new EquatableArray<Factor>(t.Factors.Reverse()) }).Reverse().ToList();
        return Canonicalizer.Canonicalize(terms, parameters, pool, form.Shape);
    }
}
