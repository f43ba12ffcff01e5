using TraceVerify.Catalog;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

public class RepairTests
{
    private static EntryResult Check(string of, string wrt, string claim)
    {
        var text = $"- id: t\n  kind: derivative\n  of: {of}\n  wrt: {wrt}\n  claim: {claim}\n  expect: refuted\n";
        var entry = CatalogLoader.Parse(text, "t.yaml").Entries[0];
        return new Verifier(new VerifierOptions(5), [new TraceVerify.Fuzzing.FuzzMethod(50)]).Check(entry);
    }

    [Fact]
    public void The_notes_21_gets_the_term_diff_and_the_transpose_on_A_of_term_1()
    {
        var result = Check("tr(A*X*X'*B*C*X'*X*C)", "X", "A*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'");
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.StartsWith("claim, term 1: `A` → `A'`", result.Suggestion, StringComparison.Ordinal);
        Assert.Equal("A'*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'", result.Details!.Corrected);
        var lines = result.Details.TermComparison;
        Assert.StartsWith("✗ term 1", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1).Take(3), l => Assert.StartsWith("✓", l, StringComparison.Ordinal));
        Assert.StartsWith("+ missing", lines[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tr(A*X*B)", "X", "B*A", "product reversed")]
    [InlineData("tr(A*X*B)", "X", "-A'*B'", "sign flipped")]
    [InlineData("tr(X'*X)", "X", "X", "multiplied by 2")]
    [InlineData("tr(A*X*B*X*C')", "X", "A'*C*X'*B' + B'*X'*A'*C + A", "dropped")]
    public void Other_edits_are_found_and_proved(string of, string wrt, string claim, string edit)
    {
        var result = Check(of, wrt, claim);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains(edit, result.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    // A coefficient edit folds into the term's own coefficient, in front or in its denominator.
    [InlineData("tr(X'*X)", "X", "4*X", "2*X")]
    [InlineData("tr(X'*X)", "X", "X", "2*X")]
    public void A_coefficient_repair_prints_as_a_reader_writes_it(string of, string wrt, string claim, string corrected)
    {
        var result = Check(of, wrt, claim);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal(corrected, result.Details!.Corrected);
    }

    [Fact]
    public void A_coefficient_repair_folds_into_a_denominator()
    {
        // The language tour's stray 1/2 in the 2-norm's gradient: corrected to x/sqrt(x'*x), not 2*(x/(2*sqrt(x'*x))).
        var text = "- id: t\n  kind: derivative\n  shapes: {x: n}\n  of: sqrt(x'*x)\n  wrt: x\n  claim: x/(2*sqrt(x'*x))\n";
        var entry = CatalogLoader.Parse(text, "t.yaml").Entries[0];
        var result = new Verifier(new VerifierOptions(5), [new TraceVerify.Fuzzing.FuzzMethod(50)]).Check(entry);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal("x/sqrt(x'*x)", result.Details!.Corrected);
        Assert.Contains("multiplied by 2", result.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    // The Cookbook's (92) at n = 2: the printed Σ's first term is transposed, so two terms of the instance are.
    [InlineData("tr(a'*X'*X'*X*X*b)", "X", "X*a*b'*X'*X' + X*X*a*b'*X' + a*b'*X'*X'*X + X'*X*X*a*b'", "terms 1 and 3: products reversed")]
    // A sign error repeated in two terms.
    [InlineData("tr(A*X*B*X)", "X", "-A'*X'*B' - B'*X'*A'", "terms 1 and 2: signs flipped")]
    public void An_edit_repeated_in_two_terms_is_found_when_no_single_edit_proves(string of, string wrt, string claim, string edit)
    {
        var result = Check(of, wrt, claim);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains(edit, result.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_appearance_contributions_sum_to_the_gradient()
    {
        var bound = new Bound();
        var f = bound.Resolve(bound.Bind("tr(A*X*X'*B*C*X'*X*C)"));
        var x = bound.Resolve(bound.Bind("X"));
        var context = bound.Context();
        var parts = AppearanceContributions.Of(f, x, new Dictionary<string, IndexVariable>(), new Dictionary<string, string>());
        Assert.Equal(4, parts.Count);
        Assert.Equal(["appearance 1: X", "appearance 2: X'", "appearance 3: X'", "appearance 4: X"], parts.Select(p => p.Appearance));
        var expected = bound.Resolve(bound.Bind("A'*C'*X'*X*C'*B'*X"));
        Assert.Equal(context.Canonical(expected), parts[0].Derivative);
        var all = parts.SelectMany(p => p.Derivative.Terms);
        Assert.Equal(context.Gradient(f, x), CanonicalSum.Of(parts[0].Derivative.Parameters.ToArray(), all, parts[0].Derivative.Shape));
    }
}
