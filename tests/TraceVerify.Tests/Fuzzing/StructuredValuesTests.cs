using FsCheck;
using FsCheck.Fluent;
using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Numeric;

namespace TraceVerify.Tests.Fuzzing;

// Every generator satisfies its hypothesis exactly (MatrixStructure, in rationals), and is not trivial: it
// produces matrices outside every narrower class (a symmetric draw that is not diagonal, an orthogonal one that
// is not ±I), so a forgotten hypothesis shows. The check itself is tested against matrices that break it.
public class StructuredValuesTests
{
    public static TheoryData<string> Attributes() => new(
        "symmetric", "skew", "diagonal", "lower-triangular", "upper-triangular", "orthogonal", "positive-definite",
        "diagonal positive-definite", "symmetric invertible", "lower-triangular invertible");

    private static MatrixAttributes Read(string text) =>
        text.Split(' ').Aggregate(MatrixAttributes.None, (a, w) => a | MatrixAttributeNames.Parse(w)!.Value);

    private static Gen<Rational> Entries => Gen.Choose(-4, 4).Select(k => Rational.Of(k));

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Every_generated_matrix_satisfies_its_attributes_exactly(string text)
    {
        var attributes = Read(text);
        var sized = from n in Gen.Choose(1, 4) from m in StructuredValues.For(attributes, n, n, Entries) select m;
        Prop.ForAll(sized.ToArbitrary(), m =>
        {
            // Invertibility is not generated but rejected by the case check: only a singular draw may fail, and only it.
            var violation = MatrixStructure.Violation(m, attributes);
            return violation is null || (violation == "invertible" && MatrixStructure.LeadingMinor(m, m.Rows).IsZero);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("symmetric", "diagonal")]
    [InlineData("skew", "diagonal")]
    [InlineData("orthogonal", "diagonal")]
    [InlineData("orthogonal", "symmetric")]
    [InlineData("positive-definite", "diagonal")]
    [InlineData("lower-triangular", "diagonal")]
    public void Generated_matrices_are_not_all_of_a_narrower_class(string attribute, string narrower)
    {
        var values = Gen.Sample(StructuredValues.For(Read(attribute), 3, 3, Entries), 50, new Rnd(7UL), 3);
        Assert.Contains(values, m => MatrixStructure.Violation(m, Read(narrower)) is not null);
    }

    [Fact]
    public void Orthogonal_draws_have_both_determinants()
    {
        var values = Gen.Sample(StructuredValues.For(MatrixAttributes.Orthogonal, 3, 3, Entries), 60, new Rnd(3UL), 3);
        var determinants = values.Select(m => MatrixStructure.LeadingMinor(m, 3)).ToHashSet();
        Assert.Equal(new HashSet<Rational> { Rational.One, Rational.MinusOne }, determinants);
    }

    [Theory]
    [InlineData("symmetric", "1 2; 3 4")]
    [InlineData("skew", "0 1; 1 0")]
    [InlineData("diagonal", "1 1; 0 1")]
    [InlineData("upper-triangular", "1 0; 1 1")]
    [InlineData("orthogonal", "1 1; 0 1")]
    [InlineData("invertible", "1 2; 2 4")]
    [InlineData("positive-definite", "1 2; 2 1")]
    [InlineData("positive-definite", "-1 0; 0 -1")]
    public void The_check_rejects_a_matrix_that_breaks_the_attribute(string attribute, string rows)
    {
        var data = rows.Split(';').Select(r => r.Trim().Split(' ').Select(v => Rational.Of(long.Parse(v, System.Globalization.CultureInfo.InvariantCulture))).ToArray()).ToArray();
        var m = Matrix<Rational>.Create(data.Length, data.Length, (r, c) => data[r][c]);
        Assert.NotNull(MatrixStructure.Violation(m, Read(attribute)));
    }

    [Fact]
    public void A_symmetric_hypothesis_turns_a_refutation_into_a_confirmation()
    {
        const string yaml = """
            - id: with
              kind: equality
              shapes: {W: k x k symmetric}
              lhs: W'
              rhs: W
            - id: without
              kind: equality
              shapes: {W: k x k}
              lhs: W'
              rhs: W
            """;
        var entries = CatalogLoader.Parse(yaml, "structured.yaml").Entries;
        var verifier = new Verifier(new VerifierOptions(5, FuzzCases: 50), [new FuzzMethod(50)]);
        var with = verifier.Check(entries[0]);
        var without = verifier.Check(entries[1]);
        Assert.Equal("confirmed", with.Methods.Single(m => m.Name == "fuzz").Outcome);
        Assert.Equal(Verdict.Refuted, without.Verdict);
    }
}
