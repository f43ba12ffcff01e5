using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// How the verifier combines the symbolic engine with the other methods when they disagree or agree.
public class MethodDisagreementTests
{
    private const string Entry = """
        - id: traa-9
          kind: derivative
          of: tr(A*X*B)
          wrt: X
          claim: A'*B'
        - id: traa-21
          kind: derivative
          of: tr(A*X*X'*B*C*X'*X*C)
          wrt: X
          claim: A*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'
          expect: refuted
        """;

    private static CatalogEntry Load(string id) => CatalogLoader.Parse(Entry, "methods.yaml").Entries.Single(e => e.Id == id);

    // Claims a confirmed counterexample for whatever it is given: a stand-in for a broken method.
    private sealed class InjectedRefutation : ICheckMethod
    {
        public string Name => "injected";

        public MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token) =>
            new(new MethodResult(Name, "refuted", "injected for the test"),
                new Counterexample(Name, true, seed, new Dictionary<string, int>(), new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(),
                    new Dictionary<string, int>(), "[1]", "[2]", ["[1,1]: left 1, right 2"], "injected disagreement"),
                false);
    }

    [Fact]
    public void A_confirmed_counterexample_against_a_symbolic_proof_is_a_loud_internal_disagreement()
    {
        var result = new Verifier(new VerifierOptions(1), [new InjectedRefutation()]).Check(Load("traa-9"));

        var disagreement = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.MethodsDisagree);
        Assert.Equal("TV0901", disagreement.Code);
        Assert.Equal(Severity.Error, disagreement.Severity);
        Assert.Contains("injected disagreement", disagreement.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Undecided, result.Verdict);
        Assert.False(result.MatchesExpected);
    }

    [Fact]
    public void Z3_confirms_beside_a_symbolic_proof_without_disagreement()
    {
        var result = new Verifier(new VerifierOptions(1), [new Z3Method(maxDimension: 2)]).Check(Load("traa-9"));

        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.True(result.MatchesExpected);
        Assert.Equal(["symbolic", "z3"], result.Methods.Select(m => m.Name));
        Assert.Equal("confirmed", result.Methods[1].Outcome);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.MethodsDisagree);
    }

    [Fact]
    public void A_z3_refutation_of_the_misprint_matches_its_expectation()
    {
        var result = new Verifier(new VerifierOptions(1), [new Z3Method()]).Check(Load("traa-21"));

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.True(result.MatchesExpected);
        Assert.Equal("z3", result.Counterexample!.Method);
        Assert.True(result.Counterexample.Exact);
    }
}
