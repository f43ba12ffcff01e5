namespace TraceVerify.Tests.Symbolic;

public class DerivativeTests
{
    [Theory]
    [InlineData("tr(A*X*B)", "X", "A'*B'")]
    [InlineData("tr(A*X'*B)", "X", "B*A")]
    [InlineData("tr(A*X*B*X*C')", "X", "A'*C*X'*B' + B'*X'*A'*C")]
    [InlineData("tr(A*X*X'*B*C*X'*X*C)", "X", "A'*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'")]
    [InlineData("tr((X - W*H)*(X - W*H)')", "W", "-2*X*H' + 2*W*H*H'")]
    [InlineData("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B'")]
    [InlineData("tr(V'*log(A*X'*B))", "X", "B*(V ./ (A*X'*B))'*A")]
    [InlineData("tr(A*diag(x)*B)", "x", "(A' .* B)*ones")]
    [InlineData("tr(ones*ones'*A*diag(x)*B)", "x", "(A'*ones) .* (B*ones)")]
    [InlineData("tr(V'*log(A*diag(x)*B))", "x", "(A'*(V ./ (A*diag(x)*B)) .* B)*ones")]
    [InlineData("tr(sum(k; V'*log(A*diag(B[k,:]*X)*C)))", "X", "B'*rows(k; ones'*((V ./ (A*diag(B[k,:]*X)*C))'*A .* C'))")]
    [InlineData("tr(A*X*B)", "X[j,k]", "sum(i; A[i,j]*B[k,i])")]
    [InlineData("fro(X)^2", "X", "2*X")]
    [InlineData("tr(X*X)", "X", "2*X'")]
    public void The_notes_derivatives_are_reproduced(string of, string wrt, string claim)
    {
        var (derivative, expected) = Bound.Derive(new Bound(), of, wrt, claim);
        Assert.Equal(expected, derivative);
    }

    [Theory]
    [InlineData("tr(A*X*X'*B*C*X'*X*C)", "X", "A*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'")]
    [InlineData("tr(A*X*B)", "X", "B*A")]
    [InlineData("tr(X*X)", "X", "2*X")]
    public void Wrong_derivatives_are_not_proved(string of, string wrt, string claim)
    {
        var (derivative, expected) = Bound.Derive(new Bound(), of, wrt, claim);
        Assert.NotEqual(expected, derivative);
    }
}
