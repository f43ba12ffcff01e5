using TraceVerify.Catalog;

namespace TraceVerify.Tests.Symbolic;

// The symbolic engine under hypotheses: symmetric, skew and diagonal symbols are projected in the index form,
// orthogonal ones contracted (QᵀQ = QQᵀ = I, inv(Q) = Qᵀ), positive-definite ones are symmetric (and invertible),
// and a derivative with respect to a structured variable follows the stated convention. Each true statement is
// proved by the symbolic method alone; each false one is not (the symbolic method never proves it, whatever
// it knows), so a hypothesis can only add proofs that are true under it.
public class HypothesisFormTests
{
    private static SymbolicCheck.Outcome Symbolic(string yaml)
    {
        var entry = CatalogLoader.Parse(yaml, "hypotheses.yaml").Entries.Single();
        var bound = EntryBinder.Bind(entry).Entry;
        Assert.NotNull(bound);
        return SymbolicCheck.Run(bound);
    }

    private static string Equality(string shapes, string lhs, string rhs) =>
        $"- id: e\n  kind: equality\n  shapes: {{{shapes}}}\n  lhs: {lhs}\n  rhs: {rhs}\n";

    private static string Derivative(string shapes, string of, string wrt, string claim, string? convention = null) =>
        $"- id: d\n  kind: derivative\n  shapes: {{{shapes}}}\n{(convention is null ? "" : $"  structured-derivative: {convention}\n")}  of: {of}\n  wrt: {wrt}\n  claim: {claim}\n";

    [Theory]
    [InlineData("W: n x n symmetric", "W'", "W")]
    [InlineData("W: n x n symmetric, A: n x n", "tr(W*A)", "tr(W*A')")]
    [InlineData("W: n x n symmetric", "inv(W)'", "inv(W)")]
    [InlineData("K: n x n skew", "K'", "-K")]
    [InlineData("K: n x n skew, x: n", "x'*K*x", "0")]
    [InlineData("D: n x n diagonal", "D .* I", "D")]
    [InlineData("D: n x n diagonal, E: n x n diagonal", "D*E", "E*D")]
    [InlineData("Q: n x n orthogonal", "Q'*Q", "I")]
    [InlineData("Q: n x n orthogonal", "Q*Q'", "I")]
    [InlineData("Q: n x n orthogonal", "inv(Q)", "Q'")]
    [InlineData("Q: n x n orthogonal, A: n x n", "tr(Q'*A*Q)", "tr(A)")]
    [InlineData("Q: n x n orthogonal, x: n", "(Q*x)'*(Q*x)", "x'*x")]
    [InlineData("P: n x n positive-definite", "P'", "P")]
    [InlineData("W: symmetric", "W'", "W")]
    public void True_under_the_hypothesis_is_proved(string shapes, string lhs, string rhs)
    {
        var outcome = Symbolic(Equality(shapes, lhs, rhs));
        Assert.True(outcome.Proved, outcome.Result.Detail);
    }

    [Theory]
    [InlineData("W: n x n symmetric", "W", "W .* I")]
    [InlineData("W: n x n symmetric, A: n x n", "W*A", "A*W")]
    [InlineData("K: n x n skew", "K", "-K")]
    [InlineData("D: n x n diagonal, A: n x n", "D*A", "A*D")]
    [InlineData("Q: n x n orthogonal", "Q'", "Q")]
    [InlineData("Q: n x n orthogonal", "tr(Q)", "tr(Q'*Q)")]
    [InlineData("W: n x n", "W'", "W")]
    [InlineData("Q: n x n", "Q'*Q", "I")]
    public void False_under_the_hypothesis_is_not_proved(string shapes, string lhs, string rhs)
    {
        Assert.False(Symbolic(Equality(shapes, lhs, rhs)).Proved);
    }

    [Fact]
    public void The_quadratic_form_gradient_is_2Wx_only_for_a_symmetric_W()
    {
        Assert.True(Symbolic(Derivative("W: k x k symmetric, x: k", "x'*W*x", "x", "2*W*x")).Proved);
        Assert.False(Symbolic(Derivative("W: k x k, x: k", "x'*W*x", "x", "2*W*x")).Proved);
    }

    [Fact]
    public void The_log_determinant_of_a_positive_definite_matrix_follows_the_convention()
    {
        Assert.True(Symbolic(Derivative("X: n x n positive-definite", "log(det(X))", "X", "inv(X)", "unconstrained")).Proved);
        Assert.True(Symbolic(Derivative("X: n x n positive-definite", "log(det(X))", "X", "2*inv(X) - I .* inv(X)", "symmetric")).Proved);
        Assert.False(Symbolic(Derivative("X: n x n positive-definite", "log(det(X))", "X", "inv(X)", "symmetric")).Proved);
    }

    [Fact]
    public void An_orthogonal_variable_is_differentiated_as_an_unconstrained_one()
    {
        // Under the unconstrained convention tr(QᵀQ) is differentiated before QᵀQ = I is used: 2Q, not 0.
        Assert.True(Symbolic(Derivative("Q: n x n orthogonal", "tr(Q'*Q)", "Q", "2*Q", "unconstrained")).Proved);
        Assert.False(Symbolic(Derivative("Q: n x n orthogonal", "tr(Q'*Q)", "Q", "0*Q", "unconstrained")).Proved);
    }

    [Fact]
    public void The_symmetric_convention_gives_G_plus_G_transpose_minus_its_diagonal()
    {
        Assert.True(Symbolic(Derivative("X: n x n symmetric, A: n x n", "tr(A*X)", "X", "A + A' - A .* I", "symmetric")).Proved);
        Assert.False(Symbolic(Derivative("X: n x n symmetric, A: n x n", "tr(A*X)", "X", "A'", "symmetric")).Proved);
    }
}
