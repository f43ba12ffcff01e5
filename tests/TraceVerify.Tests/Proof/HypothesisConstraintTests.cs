using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Proof;

// Z3 holds an entry to its hypotheses: each attribute's constraints make a statement that is true only under it
// unsat (confirmed at every shape tried) at every shape, and the same statement without the attribute has a model that the exact re-check
// confirms. The symbolic engine is kept out (fuzz off, Z3 always), so the verdict is Z3's alone.
public class HypothesisConstraintTests
{
    private static MethodResult Z3(string shapes, string lhs, string rhs)
    {
        var yaml = $"- id: z3-hypothesis\n  kind: equality\n  shapes: {{{shapes}}}\n  lhs: {lhs}\n  rhs: {rhs}\n";
        var entry = CatalogLoader.Parse(yaml, "z3.yaml").Entries.Single();
        var bound = EntryBinder.Bind(entry).Entry!;
        return new Z3Method(maxDimension: 3).Run(bound, 1, CancellationToken.None).Result;
    }

    [Theory]
    [InlineData("W: k x k symmetric", "W'", "W")]
    [InlineData("K: k x k skew", "K'", "-K")]
    [InlineData("D: k x k diagonal", "D .* I", "D")]
    [InlineData("L: k x k lower-triangular", "L .* (ones*ones')", "L")]
    [InlineData("Q: k x k orthogonal", "Q'*Q", "I")]
    [InlineData("A: k x k invertible", "A*inv(A)", "I")]
    public void Under_the_hypothesis_z3_confirms(string shapes, string lhs, string rhs)
    {
        var result = Z3(shapes, lhs, rhs);
        Assert.Equal("confirmed", result.Outcome);
    }

    [Theory]
    [InlineData("W: k x k", "W'", "W")]
    [InlineData("K: k x k", "K'", "-K")]
    [InlineData("Q: k x k", "Q'*Q", "I")]
    [InlineData("D: k x k symmetric", "D .* I", "D")]
    public void Without_the_hypothesis_z3_refutes(string shapes, string lhs, string rhs)
    {
        Assert.Equal("refuted", Z3(shapes, lhs, rhs).Outcome);
    }

    [Fact]
    public void A_positive_definite_matrix_has_a_nonzero_determinant()
    {
        // Sylvester's minors make P symmetric and invertible: both statements hold at every shape up to 3.
        Assert.Equal("confirmed", Z3("P: k x k positive-definite", "P'", "P").Outcome);
        Assert.Equal("confirmed", Z3("P: k x k positive-definite", "P*inv(P)", "I").Outcome);
        Assert.Equal("refuted", Z3("P: k x k positive-definite", "P", "I").Outcome);
    }
}
