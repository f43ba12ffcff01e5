using TraceVerify.Fuzzing;
using TraceVerify.Proof;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Proof;

// inv and det for Z3: an inverse is a fresh matrix inv!k with A·Y = Y·A = I asserted (the query stays
// polynomial), a determinant its polynomial; an unsat answer counts only where the inverses can exist.
public sealed class MatrixFunctionProofTests : IDisposable
{
    private readonly Z3Solver _solver = new(TimeSpan.FromSeconds(10));

    public void Dispose() => _solver.Dispose();

    private static Dictionary<string, int> AllOf(TraceVerify.Catalog.BoundEntry entry, int size) => entry.Dimensions.ToDictionary(d => d, _ => size);

    [Fact]
    public void An_inverse_is_a_declared_matrix_constrained_from_both_sides_and_shared_by_equal_arguments()
    {
        var entry = Entries.Equality("inv(X)*X", "X*inv(X)");
        var query = SmtEncoder.Encode(entry, AllOf(entry, 2));

        foreach (var name in new[] { "inv!1!1!1", "inv!1!1!2", "inv!1!2!1", "inv!1!2!2" })
            Assert.Contains($"(declare-const {name} Real)\n", query.Assertions, StringComparison.Ordinal);
        Assert.DoesNotContain("inv!2", query.Assertions, StringComparison.Ordinal);
        Assert.Contains("(set-logic QF_NRA)\n", query.Assertions, StringComparison.Ordinal);
        Assert.NotNull(query.DomainAssertions);
        Assert.Equal(Z3Status.Unsat, _solver.Check(query.Assertions).Status);
        Assert.Equal(Z3Status.Sat, _solver.Check(query.DomainAssertions).Status);
    }

    [Theory]
    [InlineData("inv(A)*A*B", "B", true)]
    [InlineData("inv(A*B)", "inv(A)*inv(B)", false)]
    [InlineData("det(A*B)", "det(A)*det(B)", true)]
    [InlineData("det(A + B)", "det(A) + det(B)", false)]
    [InlineData("det(inv(A))*det(A)", "1", true)]
    [InlineData("adj(A)*A*B", "det(A)*B", true)]
    [InlineData("adj(A*B)", "adj(A)*adj(B)", false)]
    public void Textbook_identities_are_unsat_and_false_ones_sat_at_2x2(string left, string right, bool holds)
    {
        var entry = Entries.Equality(left, right);
        var query = SmtEncoder.Encode(entry, AllOf(entry, 2));
        Assert.Equal(holds ? Z3Status.Unsat : Z3Status.Sat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void Derivatives_through_an_inverse_are_unsat_when_right_and_refuted_when_wrong()
    {
        var right = Entries.Derivative("tr(A*inv(X)*B)", "X", "-inv(X)'*A'*B'*inv(X)'");
        var wrong = Entries.Derivative("tr(A*inv(X)*B)", "X", "inv(X)'*A'*B'*inv(X)'");
        Assert.Equal("confirmed", new Z3Method(maxDimension: 2).Run(right, 1, CancellationToken.None).Result.Outcome);
        Assert.Equal("refuted", new Z3Method(maxDimension: 2).Run(wrong, 1, CancellationToken.None).Result.Outcome);
    }

    // inv(X - X) exists nowhere: A·Y = I alone is unsat, which must not read as a proof of the claim.
    [Fact]
    public void An_inverse_that_exists_nowhere_is_undefined_not_confirmed()
    {
        var entry = Entries.Equality("inv(X - X)", "2*inv(X - X) + I");
        var evidence = new Z3Method(maxDimension: 2).Run(entry, 1, CancellationToken.None);
        Assert.NotEqual("confirmed", evidence.Result.Outcome);
        Assert.False(evidence.Holds);
        Assert.Contains("existing inverses: both sides are defined nowhere there", evidence.Result.Detail, StringComparison.Ordinal);

        var fuzz = new FuzzMethod(20).Run(entry, 1, CancellationToken.None);
        Assert.NotEqual("confirmed", fuzz.Result.Outcome);
        Assert.Contains("singular", fuzz.Result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identity_through_an_inverse_is_confirmed_by_the_fuzzer()
    {
        // Small integer entries make a singular 1×1 or 2×2 draw likely among 200 cases.
        var evidence = new FuzzMethod(200).Run(Entries.Equality("X*inv(X)*A", "A"), 3, CancellationToken.None);
        Assert.Equal("confirmed", evidence.Result.Outcome);
        Assert.True(evidence.Holds);
    }
}
