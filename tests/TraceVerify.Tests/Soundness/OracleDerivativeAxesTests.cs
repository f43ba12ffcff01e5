using TraceVerify.Catalog;

namespace TraceVerify.Tests.Soundness;

// The oracle decides Jacobians (`layout: numerator|denominator`), second derivatives (`wrt: [x, x]`) and
// derivatives of vectors and matrices by a scalar on its own (Oracle.CompareByAxes, hyper-dual ExactDual):
// a true one is judged true, and the classic wrong ones — the other layout, a Hessian without its
// symmetrisation (2A for A + Aᵀ), a missing term — false.
public class OracleDerivativeAxesTests
{
    [Theory]
    // Jacobians: J[i,j] = ∂f_i/∂x_j in numerator layout, its transpose in denominator layout.
    [InlineData("A*x", "x", "numerator", "A", "A: m x n, x: n", Truth.Holds)]
    [InlineData("A*x", "x", "denominator", "A'", "A: m x n, x: n", Truth.Holds)]
    [InlineData("A*x", "x", "denominator", "A", "A: n x n, x: n", Truth.Fails)]
    [InlineData("A*x", "x", "numerator", "A'", "A: n x n, x: n", Truth.Fails)]
    [InlineData("A*x", "x", "denominator", "A", "A: m x n, x: n", Truth.IllFormed)]
    [InlineData("inv(A)*x", "x", "numerator", "inv(A)", "A: n x n, x: n", Truth.Holds)]
    [InlineData("x .* x", "x", "numerator", "2*diag(x)", "x: n", Truth.Holds)]
    [InlineData("x .* x", "x", "numerator", "diag(x)", "x: n", Truth.Fails)]
    [InlineData("(x'*x)*x", "x", "numerator", "(x'*x)*I + 2*x*x'", "x: n", Truth.Holds)]
    [InlineData("(x'*x)*x", "x", "numerator", "(x'*x)*I + x*x'", "x: n", Truth.Fails)]
    [InlineData("A*x + B*y", "x", "numerator", "A", "A: m x n, x: n, B: m x p, y: p", Truth.Holds)]
    [InlineData("x'*A", "x", "numerator", "A'", "A: n x m, x: n", Truth.Holds)]
    [InlineData("x'*A", "x", "denominator", "A", "A: n x m, x: n", Truth.Holds)]
    [InlineData("log(x)", "x", "numerator", "diag(ones ./ x)", "x: n", Truth.Holds)]
    [InlineData("log(x)", "x", "numerator", "diag(x)", "x: n", Truth.Fails)]
    public void Jacobians_GetTheirTruth(string of, string wrt, string layout, string claim, string shapes, Truth expected)
    {
        var yaml = $"- id: t\n  kind: derivative\n  of: \"{of}\"\n  wrt: \"{wrt}\"\n  layout: {layout}\n  claim: \"{claim}\"\n" + Shapes(shapes);
        var verdict = Oracle.Decide(Assert.Single(CatalogLoader.Parse(yaml, "t.yaml").Entries), seed: 5);
        Assert.True(expected == verdict.Truth, $"d {of}/d {wrt} ({layout}) = {claim}: expected {expected}, got {verdict}");
    }

    [Theory]
    // Hessians: H[i,j] = ∂²f/∂x_i∂x_j.
    [InlineData("x'*A*x", "x", "A + A'", "x: n", Truth.Holds)]
    [InlineData("x'*A*x", "x", "2*A", "x: n", Truth.Fails)]
    [InlineData("x'*A*x", "x", "A", "x: n", Truth.Fails)]
    [InlineData("x'*W*x", "x", "2*W", "x: n, W: n x n symmetric", Truth.Holds)]
    [InlineData("(x'*x)^2", "x", "8*x*x' + 4*(x'*x)*I", "x: n", Truth.Holds)]
    [InlineData("(x'*x)^2", "x", "4*x*x' + 4*(x'*x)*I", "x: n", Truth.Fails)]
    [InlineData("(a'*x)*(b'*x)", "x", "a*b' + b*a'", "x: n, a: n, b: n", Truth.Holds)]
    [InlineData("(a'*x)*(b'*x)", "x", "2*a*b'", "x: n, a: n, b: n", Truth.Fails)]
    [InlineData("log(x'*A*x)", "x", "(A + A')/(x'*A*x) - (A + A')*x*x'*(A + A')/(x'*A*x)^2", "x: n", Truth.Holds)]
    [InlineData("log(x'*A*x)", "x", "(A + A')/(x'*A*x)", "x: n", Truth.Fails)]
    [InlineData("s^3", "s", "6*s", "s: scalar", Truth.Holds)]
    [InlineData("s^3", "s", "3*s^2", "s: scalar", Truth.Fails)]
    [InlineData("1/s", "s", "2/s^3", "s: scalar", Truth.Holds)]
    [InlineData("inv(A + t*I)", "t", "2*inv(A + t*I)*inv(A + t*I)*inv(A + t*I)", "A: n x n, t: scalar", Truth.Holds)]
    [InlineData("inv(A + t*I)", "t", "-2*inv(A + t*I)*inv(A + t*I)*inv(A + t*I)", "A: n x n, t: scalar", Truth.Fails)]
    public void SecondDerivatives_GetTheirTruth(string of, string wrt, string claim, string shapes, Truth expected)
    {
        var yaml = $"- id: t\n  kind: derivative\n  of: \"{of}\"\n  wrt: [{wrt}, {wrt}]\n  claim: \"{claim}\"\n" + Shapes(shapes);
        var verdict = Oracle.Decide(Assert.Single(CatalogLoader.Parse(yaml, "t.yaml").Entries), seed: 5);
        Assert.True(expected == verdict.Truth, $"d² {of}/d {wrt}² = {claim}: expected {expected}, got {verdict}");
    }

    [Theory]
    // By a scalar, entrywise: the claim has `of`'s shape.
    [InlineData("inv(A + t*B)", "-inv(A + t*B)*B*inv(A + t*B)", "A: n x n, B: n x n, t: scalar", Truth.Holds)]
    [InlineData("inv(A + t*B)", "-inv(A + t*B)*inv(A + t*B)*B", "A: n x n, B: n x n, t: scalar", Truth.Fails)]
    [InlineData("t*t*x", "2*t*x", "x: n, t: scalar", Truth.Holds)]
    [InlineData("t*t*x", "2*t*x'", "x: n, t: scalar", Truth.IllFormed)]
    public void DerivativesByAScalar_GetTheirTruth(string of, string claim, string shapes, Truth expected)
    {
        var yaml = $"- id: t\n  kind: derivative\n  of: \"{of}\"\n  wrt: t\n  claim: \"{claim}\"\n" + Shapes(shapes);
        var verdict = Oracle.Decide(Assert.Single(CatalogLoader.Parse(yaml, "t.yaml").Entries), seed: 5);
        Assert.True(expected == verdict.Truth, $"d {of}/d t = {claim}: expected {expected}, got {verdict}");
    }

    // A second derivative by two entries stays outside the oracle (excluded, never guessed); a tensor too.
    [Fact]
    public void SecondDerivativesByEntriesAndTensorsAreExcluded()
    {
        const string entries = "- id: t\n  kind: derivative\n  shapes:\n    X: n x n\n  of: log(det(X))\n  wrt: [\"X[i,j]\", \"X[k,l]\"]\n  claim: \"-inv(X)[j,k]*inv(X)[l,i]\"\n";
        Assert.Equal(Truth.Excluded, Oracle.Decide(Assert.Single(CatalogLoader.Parse(entries, "t.yaml").Entries), seed: 1).Truth);
        const string tensor = "- id: t\n  kind: derivative\n  shapes:\n    x: n\n  of: A*x\n  wrt: [x, x]\n  claim: \"0*A\"\n";
        Assert.Equal(Truth.Excluded, Oracle.Decide(Assert.Single(CatalogLoader.Parse(tensor, "t.yaml").Entries), seed: 1).Truth);
    }

    // Every Jacobian and second derivative of the shipped catalogs the oracle reads is decided as the catalog expects.
    [Fact]
    public void ShippedJacobiansAndHessiansGetTheirExpectedTruth()
    {
        var decided = 0;
        foreach (var path in Catalogs.All())
        {
            foreach (var entry in Catalogs.Load(path).Where(e => e.Kind == EntryKind.Derivative && (e.Layout is not null || e.SecondWrt is not null)))
            {
                var verdict = Oracle.Decide(entry, seed: 9);
                if (verdict.Truth == Truth.Excluded) continue;
                decided++;
                var expected = entry.Expected == ExpectedVerdict.Refuted ? Truth.Fails : entry.Expected == ExpectedVerdict.IllFormed ? Truth.IllFormed : Truth.Holds;
                Assert.True(expected == verdict.Truth, $"{entry.Id}: expected {expected}, got {verdict}");
            }
        }
        Assert.True(decided >= 6, $"only {decided} decided");
    }

    private static string Shapes(string shapes) =>
        shapes.Length == 0 ? "" : "  shapes:\n" + string.Concat(shapes.Split(", ").Select(s => $"    {s.Split(": ")[0]}: {s.Split(": ")[1]}\n"));
}
