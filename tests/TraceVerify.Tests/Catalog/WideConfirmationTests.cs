using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// A confirmation rests on the sizes fuzzing tried, so before an entry (or a candidate of the hypothesis search)
// is called confirmed the fuzz method looks again with every free size drawn up to 8: an identity of traces that
// holds for every n ≤ 4 but fails at n = 5 is refuted with an exact 5×5 counterexample, not confirmed.
public class WideConfirmationTests
{
    // 120·e₅(X) in power sums: zero for every n ≤ 4 (e₅ of four eigenvalues), 120·det X at n = 5.
    private const string NewtonE5 = """
        - id: newton-e5
          kind: equality
          shapes: {X: n x n}
          lhs: "tr(X)^5 - 10*tr(X)^3*tr(X^2) + 15*tr(X)*tr(X^2)^2 + 20*tr(X)^2*tr(X^3) - 20*tr(X^2)*tr(X^3) - 30*tr(X)*tr(X^4) + 24*tr(X^5)"
          rhs: "0"
        """;

    private static EntryResult Check(string yaml) =>
        new Verifier(new VerifierOptions(3, EntryTimeLimit: TimeSpan.FromSeconds(60)), [new FuzzMethod(100)], [new Z3Method(maxDimension: 2)])
            .Check(CatalogLoader.Parse(yaml, "wide.yaml").Entries.Single());

    [Fact]
    public void An_identity_true_up_to_four_by_four_is_refuted_at_five()
    {
        var result = Check(NewtonE5);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        var counterexample = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.True(counterexample.Exact);
        Assert.True(counterexample.Dimensions["n"] >= 5, $"n = {counterexample.Dimensions["n"]}");
        // The ordinary run agreed at its sizes; the wide one is what refuted it.
        Assert.Contains(result.Methods, m => m.Name == "fuzz" && m.Outcome == "confirmed");
        Assert.Contains(result.Methods, m => m.Name == "fuzz (sizes to 8)" && m.Outcome == "refuted");
    }

    [Fact]
    public void The_hypothesis_search_confirms_no_hypothesis_on_small_sizes_alone()
    {
        // Symmetric, invertible or triangular X agree up to 4×4 as well; only skew X (odd traces vanish) holds.
        var hypotheses = Assert.IsType<HypothesisReport>(Check(NewtonE5).Hypotheses);
        var found = Assert.Single(hypotheses.Found);
        Assert.Equal(("X skew", "proved"), (found.Set, found.Verdict));
        Assert.Contains(hypotheses.Tried, t => t.Set == "X symmetric" && t.Verdict == "refuted");
    }

    [Fact]
    public void A_true_identity_stays_confirmed_with_the_wider_evidence()
    {
        var result = Check("""
            - id: cayley-hamilton-2x2
              kind: equality
              shapes: {X: 2 x 2}
              lhs: "X^2 - tr(X)*X + det(X)*I(2)"
              rhs: "0"
            """);
        Assert.Equal(Verdict.Confirmed, result.Verdict);
        Assert.Contains(result.Methods, m => m.Name == "fuzz (sizes to 8)" && m.Outcome == "confirmed");
    }
}
