using TraceVerify.Catalog;

namespace TraceVerify.Tests.Soundness;

// The oracle agrees with known truths: the notes' catalog holds except the misprint (21), the language tour
// holds except its deliberately false entry, and small hand-made entries get the truth a reader expects.
public class OracleTests
{
    [Fact]
    public void NotesCatalog_HoldsEverywhereExceptTheMisprint21()
    {
        var decided = 0;
        foreach (var entry in Catalogs.Load("identities.yaml").Where(e => e.Kind is EntryKind.Equality or EntryKind.Derivative))
        {
            var verdict = Oracle.Decide(entry, seed: 7);
            if (entry.Id == "traa-21")
            {
                Assert.True(verdict.Truth == Truth.Fails, $"traa-21: {verdict}");
                continue;
            }
            Assert.True(verdict.Truth is Truth.Holds or Truth.Excluded, $"{entry.Id}: {verdict}");
            if (verdict.Truth == Truth.Excluded) Assert.True(entry.Kind == EntryKind.Equality && verdict.Reason.Contains("not rational", StringComparison.Ordinal), $"{entry.Id}: {verdict}");
            else decided++;
        }
        Assert.True(decided >= 35, $"only {decided} entries decided");
    }

    [Fact]
    public void LanguageTour_HoldsExceptItsDeliberatelyFalseEntry()
    {
        foreach (var entry in Catalogs.Load("identities/language-tour.yaml").Where(e => e.Kind is EntryKind.Equality or EntryKind.Derivative))
        {
            var verdict = Oracle.Decide(entry, seed: 11);
            // The exp entries claim exp(X) itself, a value that is not rational.
            var outside = entry.Id.Contains("exp", StringComparison.Ordinal)
                || ScalarFunctionTexts(entry).Any(t => new[] { "sin(", "cos(", "tan(", "sqrt(", "abs(", "^(" }.Any(f => t.Contains(f, StringComparison.Ordinal)));
            var expected = entry.Id == "tour-refuted-trace-square" ? Truth.Fails : outside ? Truth.Excluded : Truth.Holds;
            Assert.True(expected == verdict.Truth, $"{entry.Id}: expected {expected}, got {verdict}");
        }
    }

    private static IEnumerable<string> ScalarFunctionTexts(CatalogEntry entry) =>
        entry.Sides.Select(s => s.Text).Concat(entry.Of is { } of ? [of.Text] : []);

    [Theory]
    [InlineData("equality", "A*B", "B*A", "", Truth.Fails)]
    [InlineData("equality", "tr(A*B)", "tr(B*A)", "", Truth.Holds)]
    [InlineData("equality", "tr(A*B*C)", "tr(A*C*B)", "", Truth.Fails)]
    [InlineData("equality", "(A*B)'", "A'*B'", "", Truth.Fails)]
    [InlineData("equality", "(A*B)'", "B'*A'", "", Truth.Holds)]
    [InlineData("equality", "I", "I", "", Truth.Holds)]
    [InlineData("equality", "ones*ones'", "ones*ones'", "", Truth.Holds)]
    [InlineData("equality", "(A*B)[i,k]", "sum(j; A[i,j]*I*B[j,k])", "", Truth.Holds)]
    [InlineData("equality", "A", "A'", "", Truth.Fails)]
    [InlineData("equality", "A", "A'", "A: m x n", Truth.IllFormed)]
    [InlineData("equality", "diag(x)*ones", "x'", "x: n", Truth.IllFormed)]
    [InlineData("equality", "A*B", "tr(A*B)", "", Truth.IllFormed)]
    [InlineData("equality", "A .* B", "B .* A", "", Truth.Holds)]
    [InlineData("equality", "A[i,j]", "A[j,i]", "", Truth.Fails)]
    [InlineData("equality", "A[i,j]", "A[i,k]", "", Truth.Fails)]
    [InlineData("equality", "x[i] - x[i]", "y[j] - y[j]", "", Truth.Holds)]
    [InlineData("equality", "s/s", "1", "s: scalar", Truth.Holds)]
    [InlineData("equality", "(s-s)/(s-s)", "0", "s: scalar", Truth.Excluded)]
    [InlineData("equality", "log(A)", "log(A)", "", Truth.Excluded)]
    [InlineData("equality", "tr(A)", "tr(A')", "A: 5 x 5", Truth.Holds)]
    [InlineData("equality", "tr(A)", "tr(A')", "A: 9 x 9", Truth.Excluded)]
    [InlineData("equality", "A*B", "A*B", "A: n x n, B: m x m", Truth.IllFormed)]
    [InlineData("equality", "inv(A)*A", "I", "", Truth.Holds)]
    [InlineData("equality", "inv(A*B)", "inv(A)*inv(B)", "A: n x n, B: n x n", Truth.Fails)]
    [InlineData("equality", "inv(A*B)", "inv(B)*inv(A)", "A: n x n, B: n x n", Truth.Holds)]
    [InlineData("equality", "A^-2", "inv(A)*inv(A)", "", Truth.Holds)]
    [InlineData("equality", "s^-2", "1/(s*s)", "s: scalar", Truth.Holds)]
    [InlineData("equality", "det(A*B)", "det(A)*det(B)", "A: n x n, B: n x n", Truth.Holds)]
    [InlineData("equality", "det(A+B)", "det(A)+det(B)", "A: n x n, B: n x n", Truth.Fails)]
    [InlineData("equality", "adj(A)*A", "det(A)*I", "", Truth.Holds)]
    [InlineData("equality", "adj(x*x')*x", "0*x", "x: n", Truth.Holds)]
    [InlineData("equality", "inv(x*x')", "inv(x*x')", "x: n", Truth.Excluded)]
    [InlineData("equality", "inv(A)", "adj(A)/det(A)", "", Truth.Holds)]
    [InlineData("equality", "inv(A)", "adj(A)'/det(A)", "", Truth.Fails)]
    [InlineData("equality", "vec(A*X*B)", "kron(B', A)*vec(X)", "", Truth.Holds)]
    [InlineData("equality", "I(n)*A", "A", "A: n x m", Truth.Holds)]
    [InlineData("equality", "A*I(n)", "A", "A: n x m", Truth.IllFormed)]
    [InlineData("equality", "ones(m, n)", "ones(m)*ones(n)'", "A: m x n", Truth.Holds)]
    [InlineData("equality", "zeros(m, n)", "0*ones(m)*ones(n)'", "A: m x n", Truth.Holds)]
    [InlineData("equality", "A - A", "0", "", Truth.Holds)]
    [InlineData("equality", "A - A'", "0", "", Truth.Fails)]
    [InlineData("equality", "A - A + 0", "A*0", "", Truth.Holds)]
    [InlineData("equality", "A - A", "0 + 0", "", Truth.IllFormed)]
    [InlineData("equality", "W", "W'", "W: n x n symmetric", Truth.Holds)]
    [InlineData("equality", "W", "W'", "W: symmetric", Truth.Holds)]
    [InlineData("equality", "W", "W'", "W: n x n skew", Truth.Fails)]
    [InlineData("equality", "K'", "-K", "K: n x n skew", Truth.Holds)]
    [InlineData("equality", "D*E", "E*D", "D: n x n diagonal, E: n x n diagonal", Truth.Holds)]
    [InlineData("equality", "D*A", "A*D", "D: n x n diagonal, A: n x n", Truth.Fails)]
    [InlineData("equality", "tr(L*U)", "tr(diag(L*ones)*U)", "L: n x n lower-triangular, U: n x n upper-triangular", Truth.Fails)]
    [InlineData("equality", "W", "W'", "W: m x n symmetric", Truth.IllFormed)]
    [InlineData("equality", "Q'*Q", "I", "Q: n x n orthogonal", Truth.Holds)]
    [InlineData("equality", "Q*Q'", "I", "Q: orthogonal", Truth.Holds)]
    [InlineData("equality", "inv(Q)", "Q'", "Q: n x n orthogonal", Truth.Holds)]
    [InlineData("equality", "det(Q)", "1", "Q: n x n orthogonal", Truth.Fails)]
    [InlineData("equality", "det(Q)^2", "1", "Q: n x n orthogonal", Truth.Holds)]
    [InlineData("equality", "Q", "Q'", "Q: n x n orthogonal", Truth.Fails)]
    [InlineData("equality", "Q'*Q", "I", "Q: n x n orthogonal symmetric", Truth.Excluded)]
    [InlineData("equality", "P", "P'", "P: n x n positive-definite", Truth.Holds)]
    [InlineData("equality", "inv(P)", "inv(P)'", "P: n x n positive-definite", Truth.Holds)]
    [InlineData("equality", "P", "P*P", "P: n x n positive-definite", Truth.Fails)]
    [InlineData("equality", "inv(W)'", "inv(W)", "W: n x n symmetric invertible", Truth.Holds)]
    [InlineData("equality", "X[1,2]", "X'[2,1]", "X: 3 x 3", Truth.Holds)]
    [InlineData("equality", "X[1,2]", "X[2,1]", "X: 3 x 3", Truth.Fails)]
    [InlineData("equality", "X[1,4]", "X[1,4]", "X: 3 x 3", Truth.IllFormed)]
    [InlineData("equality", "x[1]", "(x'*ones)-x[2]", "x: 2", Truth.Holds)]
    [InlineData("equality", "det([a, b; c, d])", "a*d - b*c", "a: scalar, b: scalar, c: scalar, d: scalar", Truth.Holds)]
    [InlineData("equality", "det([a, b; c, d])", "a*d + b*c", "a: scalar, b: scalar, c: scalar, d: scalar", Truth.Fails)]
    [InlineData("equality", "[x'*y, 1]*[1; 0]", "y'*x", "", Truth.Holds)]
    [InlineData("equality", "vec(A*X*B)", "kron(A, B')*vec(X)", "A: m x n, X: n x p, B: p x q", Truth.IllFormed)]
    [InlineData("equality", "kron(A, B)*kron(C, D)", "kron(A*C, B*D)", "", Truth.Holds)]
    [InlineData("equality", "kron(A, B)'", "kron(A', B')", "", Truth.Holds)]
    [InlineData("equality", "kron(A, B)'", "kron(B', A')", "A: m x n, B: m x n", Truth.Fails)]
    [InlineData("equality", "tr(kron(A, B))", "tr(A)*tr(B)", "", Truth.Holds)]
    [InlineData("equality", "vec(A)'*vec(B)", "tr(A'*B)", "", Truth.Holds)]
    [InlineData("equality", "kron(A, B)*y", "kron(A, B)*y", "A: m x n, B: p x q, y: k", Truth.IllFormed)]
    [InlineData("equality", "kron(A, B)*y", "kron(A, B)*y", "A: m x n, B: p x q, y: n*q", Truth.Holds)]
    [InlineData("equality", "det(kron(A, B))", "det(A)^2*det(B)^2", "A: 2 x 2, B: 2 x 2", Truth.Holds)]
    public void SmallEqualities_GetTheirTruth(string kind, string lhs, string rhs, string shapes, Truth expected)
    {
        var yaml = $"- id: t\n  kind: {kind}\n  lhs: \"{lhs}\"\n  rhs: \"{rhs}\"\n" + Shapes(shapes);
        var entry = Assert.Single(CatalogLoader.Parse(yaml, "t.yaml").Entries);
        var verdict = Oracle.Decide(entry, seed: 3);
        Assert.True(expected == verdict.Truth, $"{lhs} = {rhs}: expected {expected}, got {verdict}");
    }

    [Theory]
    [InlineData("tr(A*X*B)", "X", "A'*B'", "", Truth.Holds)]
    [InlineData("tr(A*X*B)", "X", "B'*A'", "", Truth.Fails)]
    [InlineData("tr(A*X*B)", "X", "A*B", "", Truth.Fails)]
    [InlineData("tr(X*X)", "X", "2*X'", "X: n x n", Truth.Holds)]
    [InlineData("tr(X*X)", "X", "2*X", "X: n x n", Truth.Fails)]
    [InlineData("tr(X^2)", "X", "2*X", "X: n x n", Truth.Fails)]
    [InlineData("tr(X^3)", "X", "3*(X*X)'", "X: n x n", Truth.Holds)]
    [InlineData("tr(x^2)", "x", "2*x", "x: n x 1", Truth.IllFormed)]
    [InlineData("tr(X*y)", "X", "y", "X: n x n, y: m x 1", Truth.IllFormed)]
    [InlineData("tr(A*X*B)", "X[j,k]", "(B*A)[k,j]", "", Truth.Holds)]
    [InlineData("tr(A*X*B)", "X[j,k]", "(B*A)[j,k]", "", Truth.Fails)]
    [InlineData("tr(A*diag(x)*B)", "x[j]", "sum(i; A[i,j]*B[j,i])", "", Truth.Holds)]
    [InlineData("tr(A*diag(x)*B)", "x", "(A' .* B)*ones", "", Truth.Holds)]
    [InlineData("tr(A*diag(x)*B)", "x", "(A .* B)*ones", "", Truth.Fails)]
    [InlineData("s^3", "s", "3*s^2", "s: scalar", Truth.Holds)]
    [InlineData("sum(k,l,m,n; X[k,l]*X[m,n])", "X[i,j]", "2*sum(k,l; X[k,l])", "", Truth.Holds)]
    [InlineData("sum(k,l,m,n; X[k,l]*X[m,n])", "X[i,j]", "3*sum(k,l; X[k,l])", "", Truth.Fails)]
    [InlineData("sum(p,q; log(X[p,q]))", "X[j,k]", "(1/2)*(ones'*ones ./ X)[j,k]", "", Truth.Fails)]
    [InlineData("fro(X)^2", "X", "2*X", "", Truth.Holds)]
    [InlineData("tr(X'*X)", "X", "X", "", Truth.Fails)]
    [InlineData("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B'", "", Truth.Holds)]
    [InlineData("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))'*B'", "", Truth.Fails)]
    [InlineData("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B' + 0*log(X)", "", Truth.Holds)]
    [InlineData("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B' + log(X) - log(X)", "", Truth.Excluded)]
    [InlineData("tr(ones'*exp(X)*ones)", "X", "exp(X)", "", Truth.Excluded)]
    [InlineData("tr(ones'*exp(A)*ones) + tr(B*X)", "X", "B'", "", Truth.Holds)]
    [InlineData("tr(A*X)", "X", "A'", "", Truth.Holds)]
    [InlineData("tr(A*X)", "X", "A", "", Truth.Fails)]
    [InlineData("tr(A*X)", "X", "A' + 0*X*X", "", Truth.IllFormed)]
    [InlineData("tr(V'*log(A*diag(x)*B))", "x", "(A'*(V ./ A*diag(x')*B) .* B)*ones", "", Truth.Holds)]
    [InlineData("det(X)", "X", "det(X)*inv(X)'", "", Truth.Holds)]
    [InlineData("x'*W*x", "x", "2*W*x", "W: k x k symmetric, x: k", Truth.Holds)]
    [InlineData("tr(A) + 0", "X", "0 + 0", "", Truth.IllFormed)]
    [InlineData("tr(A) + 0", "X", "0", "", Truth.Holds)]
    [InlineData("x'*W*x", "x", "2*W*x", "W: k x k, x: k", Truth.Fails)]
    [InlineData("x'*K*x", "x", "0*x", "K: k x k skew, x: k", Truth.Holds)]
    [InlineData("tr(W*X)", "W", "X'", "W: k x k symmetric", Truth.Excluded)]
    [InlineData("det(A*X*B)", "X", "det(A*X*B)*inv(X)'", "X: n x n, A: m x n, B: n x m", Truth.Fails)]
    [InlineData("tr(adj(A + t*B))", "t", "tr(adj(B)*(A + t*B))", "A: n x n, B: n x n, t: scalar", Truth.Fails)]
    [InlineData("det(X)", "X", "adj(X)'", "", Truth.Holds)]
    [InlineData("det(X)", "X", "det(X)*inv(X)", "", Truth.Fails)]
    [InlineData("log(det(X))", "X", "inv(X)'", "", Truth.Holds)]
    [InlineData("tr(A*inv(X)*B)", "X", "-inv(X)'*A'*B'*inv(X)'", "", Truth.Holds)]
    [InlineData("tr(A*inv(X)*B)", "X", "-inv(X)*A'*B'*inv(X)", "", Truth.Fails)]
    [InlineData("tr(A*X^-2)", "X", "-(inv(X)*A*inv(X)^2 + inv(X)^2*A*inv(X))'", "", Truth.Holds)]
    public void SmallDerivatives_GetTheirTruth(string of, string wrt, string claim, string shapes, Truth expected)
    {
        var yaml = $"- id: t\n  kind: derivative\n  of: \"{of}\"\n  wrt: \"{wrt}\"\n  claim: \"{claim}\"\n" + Shapes(shapes);
        var entry = Assert.Single(CatalogLoader.Parse(yaml, "t.yaml").Entries);
        var verdict = Oracle.Decide(entry, seed: 5);
        Assert.True(expected == verdict.Truth, $"d {of}/d {wrt} = {claim}: expected {expected}, got {verdict}");
    }

    [Fact]
    public void AOnesNeverBecomesAScalarToAvoidANarrowing()
    {
        const string yaml = "- id: t\n  kind: derivative\n  where:\n    a: \"A'*ones\"\n    b: \"B*ones\"\n  of: \"tr(a'*diag(x)*b)\"\n  wrt: x\n  claim:\n    - \"ones*(a .* b)\"\n    - \"(A'*ones) .* (B*ones)\"\n";
        var verdict = Oracle.Decide(Assert.Single(CatalogLoader.Parse(yaml, "t.yaml").Entries), seed: 1);
        Assert.True(verdict.Truth == Truth.IllFormed, verdict.ToString());
    }

    private static string Shapes(string shapes) =>
        shapes.Length == 0 ? "" : "  shapes:\n" + string.Concat(shapes.Split(", ").Select(s => $"    {s.Split(": ")[0]}: {s.Split(": ")[1]}\n"));
}
