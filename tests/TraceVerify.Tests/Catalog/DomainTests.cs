using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// A symbolic proof holds where both sides are defined; an entry defined nowhere is never proved (ill-formed when
// a divisor is literally zero after canonicalization, undecided when no defined point was found), a proof on a
// proper domain says so, and `confirmed` needs defined cases.
public class DomainTests
{
    private static EntryResult Check(string lhs, string rhs, string shapes = "{}")
    {
        var yaml = $"- id: domain\n  kind: equality\n  shapes: {shapes}\n  lhs: \"{lhs}\"\n  rhs: \"{rhs}\"\n";
        var verifier = new Verifier(new VerifierOptions(1), [new FuzzMethod(50)], [new Z3Method(maxDimension: 2)]);
        return verifier.Check(CatalogLoader.Parse(yaml, "domain.yaml").Entries[0]);
    }

    [Theory]
    [InlineData("0/0", "0", "{}")]
    [InlineData("(s-s)/(s-s)", "0", "{s: scalar}")]
    [InlineData("A/0", "A/0", "{}")]
    [InlineData("A ./ (B-B)", "A ./ (B-B)", "{}")]
    [InlineData("log(0*s)", "log(0*s)", "{s: scalar}")]
    public void An_expression_with_a_literally_zero_divisor_is_undefined_everywhere_not_proved(string lhs, string rhs, string shapes)
    {
        var result = Check(lhs, rhs, shapes);

        Assert.Equal(Verdict.IllFormed, result.Verdict);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "TV0905");
        Assert.Contains("undefined everywhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_whose_domain_no_method_can_reach_is_undecided()
    {
        var result = Check("log(-1-s^2)", "log(-1-s^2)", "{s: scalar}");

        Assert.Equal(Verdict.Undecided, result.Verdict);
        Assert.Contains(result.Diagnostics, d => d.Code == "TV0906");
    }

    [Fact]
    public void A_proof_on_a_proper_domain_states_it()
    {
        var result = Check("1/s + 1/s", "2/s", "{s: scalar}");

        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.Contains("holds where both sides are defined", result.Methods.Single(m => m.Name == "symbolic").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_z3_unsat_on_an_empty_domain_does_not_confirm()
    {
        // Not provable symbolically, both sides defined nowhere: Z3's unsat is vacuous, fuzzing finds no case.
        var result = Check("log(-1-s^2)", "2*log(-1-s^2)", "{s: scalar}");

        Assert.NotEqual(Verdict.Confirmed, result.Verdict);
        Assert.Equal(Verdict.Undecided, result.Verdict);
        if (result.Methods.SingleOrDefault(m => m.Name == "z3") is { } z3) Assert.Contains("vacuous", z3.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derivative_with_a_domain_is_still_proved()
    {
        const string yaml = "- id: traa-27\n  kind: derivative\n  of: tr(V'*log(A*X*B))\n  wrt: X\n  claim: A'*(V ./ (A*X*B))*B'\n";
        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(50)]).Check(CatalogLoader.Parse(yaml, "d.yaml").Entries[0]);

        Assert.Equal(Verdict.Proved, result.Verdict);
    }
}
