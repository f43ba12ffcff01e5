using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

public class CanonicalFormTests
{
    [Theory]
    [InlineData("tr(A*B*C)", "tr(C*A*B)")]
    [InlineData("tr(A*B*C)", "tr(B*C*A)")]
    [InlineData("tr(A*B)", "tr(B'*A')")]
    [InlineData("tr(A')", "tr(A)")]
    [InlineData("(A*B)'", "B'*A'")]
    [InlineData("(A*B)[i,k]", "sum(j; A[i,j]*B[j,k])")]
    [InlineData("tr(A*X*B)", "sum(i,j,k; A[i,j]*X[j,k]*B[k,i])")]
    [InlineData("A .* B", "B .* A")]
    [InlineData("1/2*A + 1/2*A", "A")]
    [InlineData("tr(A*diag(x)*B)", "sum(i,j; A[i,j]*x[j]*B[j,i])")]
    [InlineData("matrix(i,j; A[j,i])", "A'")]
    [InlineData("fro(X - W*H)^2", "tr((X - W*H)*(X - W*H)')")]
    [InlineData("tr(V'*log(A*X*B))", "sum(i,j; V[i,j]*log(sum(m,n; A[i,m]*X[m,n]*B[n,j])))")]
    [InlineData("I*A", "A")]
    [InlineData("diag(x)*ones", "x")]
    [InlineData("A + I'", "A + I")]
    [InlineData("diag(y)'", "diag(y)")]
    [InlineData("(H .* I)'", "H .* I")]
    public void Equal_expressions_have_equal_canonical_forms(string left, string right)
    {
        var forms = Bound.Canonical(left, right);
        Assert.Equal(forms[0], forms[1]);
    }

    [Theory]
    [InlineData("A*B", "B*A")]
    [InlineData("A*B", "(A*B)'")]
    [InlineData("X*X", "X'*X")]
    [InlineData("tr(A*B*C)", "tr(A*C*B)")]
    [InlineData("A + A", "A")]
    [InlineData("log(A)", "A")]
    public void Different_expressions_have_different_canonical_forms(string left, string right)
    {
        var forms = Bound.Canonical(left, right);
        Assert.NotEqual(forms[0], forms[1]);
    }

    [Fact]
    public void A_transposed_gradient_is_a_different_gradient()
    {
        var bound = new Bound();
        var (derivative, claim) = Bound.Derive(bound, "tr(A*X*B)", "X", "A'*B'");
        Assert.Equal(claim, derivative);
        var transposed = bound.Context().Canonical(bound.Resolve(bound.Bind("B*A")));
        Assert.NotEqual(transposed, derivative);
    }

    // The parameters of an n×1 column and a 1×n row are both [n]: the form carries the shape, or a column
    // would "equal" its own transpose (the symbolic method proved diag(x)*ones = x').
    [Theory]
    [InlineData("diag(x)*ones", "x'")]
    [InlineData("x", "x'")]
    [InlineData("A*x", "x'*A'")]
    public void A_column_and_a_row_with_the_same_entries_have_different_forms(string column, string row)
    {
        var forms = Bound.Canonical(new Bound(new Dictionary<string, string> { ["x"] = "n" }), column, row);
        Assert.Equal(forms[0].Parameters, forms[1].Parameters);
        Assert.Equal(forms[0].Terms, forms[1].Terms);
        Assert.NotEqual(forms[0], forms[1]);
        Assert.Equal("n×1", forms[0].Shape!.ToString().Replace("m", "n", StringComparison.Ordinal));
    }
}
