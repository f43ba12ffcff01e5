using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// The forgotten-hypothesis search: on a refuted entry (or one ill-formed by a shape condition) it finds the
// smallest attribute sets under which the ordinary methods say the entry holds, keeps the weakest, and never
// changes the entry's own verdict. It is bounded and deterministic.
public class HypothesisSearchTests
{
    private static EntryResult Check(string yaml, bool search = true) =>
        new Verifier(new VerifierOptions(17, FuzzCases: 40, EntryTimeLimit: TimeSpan.FromSeconds(60)) { HypothesisSearch = search }, [new FuzzMethod(40)], [new Z3Method(maxDimension: 2)])
            .Check(CatalogLoader.Parse(yaml, "search.yaml").Entries.Single());

    private const string ForgottenSymmetric = """
        - id: forgotten-symmetric
          kind: derivative
          shapes: {W: k x k, x: k}
          of: x'*W*x
          wrt: x
          claim: 2*W*x
        """;

    [Fact]
    public void A_forgotten_symmetric_hypothesis_is_found_and_proved_while_the_entry_stays_refuted()
    {
        var result = Check(ForgottenSymmetric);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.NotNull(result.Counterexample);
        var hypotheses = Assert.IsType<HypothesisReport>(result.Hypotheses);
        var found = Assert.Single(hypotheses.Found);
        Assert.Equal(("W symmetric", "proved"), (found.Set, found.Verdict));
        Assert.StartsWith("refuted as stated; holds if W is symmetric (proved)", hypotheses.Outcome, StringComparison.Ordinal);
        // Stronger hypotheses that also hold (positive-definite, diagonal) are tried but not reported.
        Assert.Contains(hypotheses.Tried, t => t.Set == "W positive-definite" && t.Verdict == "proved");
        Assert.Contains(hypotheses.Tried, t => t.Set == "W invertible" && t.Verdict == "refuted");
    }

    [Fact]
    public void The_search_changes_no_verdict_and_is_deterministic()
    {
        var with = Check(ForgottenSymmetric);
        var again = Check(ForgottenSymmetric);
        var without = Check(ForgottenSymmetric, search: false);
        Assert.Equal(without.Verdict, with.Verdict);
        Assert.Equal(without.Counterexample?.Description, with.Counterexample?.Description);
        Assert.Null(without.Hypotheses);
        Assert.Equal(with.Hypotheses!.Tried, again.Hypotheses!.Tried);
    }

    [Fact]
    public void A_forgotten_square_shape_is_found_for_an_ill_formed_entry()
    {
        var result = Check("""
            - id: forgotten-square
              kind: equality
              lhs: inv(A*B)
              rhs: inv(B)*inv(A)
            """);
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        var sets = result.Hypotheses!.Found.Select(f => f.Set).ToArray();
        Assert.Contains("A square", sets);
        Assert.StartsWith("ill-formed as stated; holds if A is square (proved)", result.Hypotheses.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_rectangular_matrix_made_square_identifies_its_two_letters_in_every_declaration()
    {
        // The Cookbook's (51) read with A m x n, B n x m: it holds only for square A and B. "A square" is m = n for
        // the whole entry (X: n x n, B: n x m too), not A's line alone, which would leave the letters apart and
        // make every such candidate ill-formed.
        var result = Check("""
            - id: forgotten-square-declared
              kind: derivative
              shapes: {X: n x n, A: m x n, B: n x m}
              of: det(A*X*B)
              wrt: X
              claim: det(A*X*B)*inv(X)'
            """);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        var hypotheses = result.Hypotheses!;
        Assert.Contains(hypotheses.Found, f => f.Set == "A square" && f.Verdict == "proved");
        Assert.StartsWith("refuted as stated; holds if A is square (proved)", hypotheses.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_a_text_names_is_kept_and_the_other_renamed()
    {
        // I(n) names n, so "A square" renames m to n (A: n x n, B: n x n); det(AB) = det(BA) then holds.
        var result = Check("""
            - id: letter-in-a-text
              kind: equality
              shapes: {A: m x n, B: n x m}
              lhs: det(A*B)*det(I(n))
              rhs: det(B*A)
            """);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains(result.Hypotheses!.Found, f => f.Set == "A square" && f.Verdict == "proved");
    }

    [Fact]
    public void A_true_entry_is_not_searched()
    {
        var result = Check("""
            - id: true-entry
              kind: equality
              lhs: (A*B)'
              rhs: B'*A'
            """);
        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.Null(result.Hypotheses);
    }

    [Fact]
    public void A_false_entry_no_attribute_rescues_reports_the_candidates_and_stays_bounded()
    {
        var result = Check("""
            - id: hopeless
              kind: equality
              lhs: A + B
              rhs: A
            """);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        var hypotheses = result.Hypotheses!;
        Assert.Empty(hypotheses.Found);
        Assert.InRange(hypotheses.Tried.Count, 1, HypothesisSearch.MaxCandidates);
        Assert.All(hypotheses.Tried, t => Assert.NotEqual("proved", t.Verdict));
        Assert.StartsWith("no hypothesis found among", hypotheses.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void The_differentiated_variable_takes_only_open_conditions()
    {
        // d log det X / dX = inv(X) is the symmetric X's answer; structure on the variable would change what the
        // derivative means, so the search does not offer it.
        var result = Check("""
            - id: variable-structure
              kind: derivative
              of: log(det(X))
              wrt: X
              claim: inv(X)
            """);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.All(result.Hypotheses!.Tried, t => Assert.True(t.Set is "X invertible" or "X square", t.Set));
    }
}
