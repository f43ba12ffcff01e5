using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// Regressions found by checking identities from the field (Wikipedia's matrix-calculus tables, the Matrix
// Cookbook §3 and §9–10, autodiff rule sets, Magnus & Neudecker, Minka) and hostile inputs: each pins the
// verdict a reviewer reasoned from the mathematics, with the fault it once had.
public class FieldFindingTests
{
    private static CatalogEntry Load(string yaml) => CatalogLoader.Parse(yaml, "field.yaml").Entries.Single();

    private static EntryResult Check(string yaml) =>
        new Verifier(new VerifierOptions(3, FuzzCases: 30) { HypothesisSearch = false }, [new FuzzMethod(30)], [new Z3Method(maxDimension: 2)]).Check(Load(yaml));

    [Fact]
    public void The_jacobian_of_a_kronecker_product_of_declared_vectors_is_a_jacobian_not_a_refused_scalar()
    {
        // d kron(x, y)/dx = kron(I(n), y) (numerator layout): kron(x, y) is an (n·p)-vector whose size is fixed
        // by the declarations of x and y. It was refused as "`of` must be a scalar or a declared vector … declare
        // its shape?" because a product of declared sizes did not count as declared.
        const string fields = "- id: t\n  kind: derivative\n  shapes: {x: n, y: p}\n  of: kron(x, y)\n  wrt: x\n  layout: numerator\n";
        Assert.Equal(Verdict.Proved, Check(fields + "  claim: kron(I(n), y)\n").Verdict);
        Assert.Equal(Verdict.Proved, Check(fields.Replace("kron(x, y)", "vec(x*y')", StringComparison.Ordinal) + "  claim: kron(y, I(n))\n").Verdict);
        Assert.Equal(Verdict.Refuted, Check(fields.Replace("y: p", "y: n", StringComparison.Ordinal) + "  claim: kron(I(n), y) + kron(y, I(n)) - kron(y, I(n))*2\n").Verdict);
    }
}
