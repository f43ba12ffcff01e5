using System.Diagnostics;
using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Catalog;

// Literal sizes are read by value (`00` is zero), and the numeric methods evaluate literal sizes only up to
// EvaluableSize.MaxLiteralSize: above it they decline and the symbolic engine alone decides.
public class SizeTests
{
    [Theory]
    [InlineData("00 x 3")]
    [InlineData("3 x 000")]
    [InlineData("0")]
    [InlineData("99999999999 x 2")]
    public void A_zero_or_unreadable_literal_size_is_not_a_shape(string text)
    {
        Assert.False(ShapeDeclaration.TryParse(text, out _));
    }

    [Fact]
    public void A_literal_size_is_read_by_value()
    {
        Assert.True(ShapeDeclaration.TryParse("007 x n", out var declaration));
        Assert.Equal(new ShapeDeclaration("7", "n"), declaration);
    }

    [Fact]
    public void A_zero_size_written_00_is_ill_formed_not_a_crash()
    {
        const string yaml = "- id: zero\n  kind: equality\n  shapes: {A: 00 x 00}\n  lhs: A*A\n  rhs: A\n";
        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(20)]).Check(CatalogLoader.Parse(yaml, "zero.yaml").Entries[0]);

        Assert.Equal(Verdict.IllFormed, result.Verdict);
        Assert.Contains(result.Diagnostics, d => d.Code == "TV0010");
    }

    [Fact]
    public void A_huge_literal_size_is_decided_symbolically_and_the_numeric_methods_decline()
    {
        const string yaml = "- id: huge\n  kind: equality\n  shapes: {A: 100000 x 100000}\n  lhs: tr(A)\n  rhs: tr(A')\n";
        var entry = CatalogLoader.Parse(yaml, "huge.yaml").Entries[0];
        var clock = Stopwatch.StartNew();

        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(20), new Z3Method()]).Check(entry);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.All(result.Methods.Where(m => m.Name != "symbolic"), m =>
        {
            Assert.Equal("inconclusive", m.Outcome);
            Assert.Contains("literal size above the evaluable cap", m.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_Kronecker_tower_of_literal_sizes_counts_as_the_product_and_is_decided_symbolically()
    {
        // 64^5 rows overflow a 32-bit size: the numeric methods must decline it, not evaluate (or crash on) it.
        const string yaml = "- id: tower\n  kind: equality\n  shapes: {A: 64 x 64}\n  lhs: kron(kron(kron(kron(A, A), A), A), A)\n  rhs: kron(A, kron(A, kron(A, kron(A, A))))\n";
        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(20), new Z3Method()]).Check(CatalogLoader.Parse(yaml, "tower.yaml").Entries[0]);

        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.All(result.Methods.Where(m => m.Name != "symbolic"), m => Assert.Contains("literal size above the evaluable cap", m.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void A_product_of_small_literal_sizes_above_the_cap_is_declined_by_the_numeric_methods()
    {
        const string yaml = "- id: wide\n  kind: equality\n  shapes: {A: 9 x 9, B: 9 x 9}\n  lhs: kron(A, B)*kron(B, A)\n  rhs: kron(A*B, B*A)\n";
        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(20), new Z3Method()]).Check(CatalogLoader.Parse(yaml, "wide.yaml").Entries[0]);

        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.All(result.Methods.Where(m => m.Name != "symbolic"), m => Assert.Contains("literal size above the evaluable cap", m.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("y'*y", "y'*y", "confirmed")]
    [InlineData("y'*y", "2*(y'*y)", "refuted")]
    public void A_long_product_of_letters_is_fuzzed_and_encoded_within_the_cap(string lhs, string rhs, string expected)
    {
        // n^20 overflows a 32-bit size at n = 3: the numeric methods keep every product within the cap.
        var length = string.Join("*", Enumerable.Repeat("n", 20));
        var yaml = $"- id: long\n  kind: equality\n  shapes: {{y: {length}}}\n  lhs: {lhs}\n  rhs: {rhs}\n";
        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(20), new Z3Method()]).Check(CatalogLoader.Parse(yaml, "long.yaml").Entries[0]);

        Assert.Equal(expected, result.Verdict.ToString().ToLowerInvariant());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "TV0903");
    }

    [Fact]
    public void Sizes_are_shrunk_until_every_product_is_within_the_cap()
    {
        var product = (ProductDim)Dim.Product([new DimVariable("m"), new DimVariable("n"), new KnownDim(4)]);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal) { ["m"] = 9, ["n"] = 5 };

        EvaluableSize.KeepProductsWithinCap(sizes, [product]);

        Assert.True(sizes["m"] * sizes["n"] * 4 <= EvaluableSize.MaxLiteralSize, $"m={sizes["m"]}, n={sizes["n"]}");
        Assert.True(sizes["m"] * sizes["n"] * 4 > EvaluableSize.MaxLiteralSize / 2, "shrunk further than needed");
        Assert.True(EvaluableSize.ProductsWithinCap(sizes, [product]));
        Assert.False(EvaluableSize.ProductsWithinCap(new Dictionary<string, int>(StringComparer.Ordinal) { ["m"] = 9, ["n"] = 5 }, [product]));
    }

    [Fact]
    public void A_false_claim_at_a_huge_literal_size_is_never_confirmed()
    {
        const string yaml = "- id: huge-false\n  kind: equality\n  shapes: {A: 1000 x 1000, B: 1000 x 1000}\n  lhs: A*B\n  rhs: B*A\n";
        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(20), new Z3Method()]).Check(CatalogLoader.Parse(yaml, "huge.yaml").Entries[0]);

        Assert.Equal(Verdict.Undecided, result.Verdict);
    }

    [Fact]
    public void Literal_sizes_up_to_the_cap_are_still_fuzzed()
    {
        var size = EvaluableSize.MaxLiteralSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var yaml = $"- id: at-cap\n  kind: equality\n  shapes: {{x: {size}}}\n  lhs: x'*x\n  rhs: tr(x*x')\n";
        var result = new Verifier(new VerifierOptions(1), [new FuzzMethod(5)]).Check(CatalogLoader.Parse(yaml, "cap.yaml").Entries[0]);

        Assert.Equal("confirmed", result.Methods.Single(m => m.Name == "fuzz").Outcome);
    }

    [Fact]
    public void A_nested_power_too_large_to_evaluate_is_declined_by_every_method_in_seconds()
    {
        // ((s^1000)^1000)^1000: one index-form term of 10^9 factors, exact values of 1.6 billion bits, an SMT
        // product of 10^9 arguments. Each method declines at its own budget instead of exhausting memory.
        const string yaml = "- id: tower\n  kind: equality\n  shapes: {s: scalar}\n  lhs: ((s^1000)^1000)^1000\n  rhs: ((s^1000)^1000)^1000 + 0\n";
        var clock = Stopwatch.StartNew();

        var result = new Verifier(new VerifierOptions(1, EntryTimeLimit: TimeSpan.FromSeconds(30)), [new FuzzMethod(20)], [new Z3Method()])
            .Check(CatalogLoader.Parse(yaml, "tower.yaml").Entries[0]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "TV0902" or "TV0904" or "TV0903");
        Assert.Contains("factors", result.Methods.Single(m => m.Name == "symbolic").Detail, StringComparison.Ordinal);
        Assert.Contains("expansion budget", result.Methods.Single(m => m.Name == "z3").Detail, StringComparison.Ordinal);
        Assert.Contains("too large to evaluate", result.Methods.Single(m => m.Name == "fuzz").Detail, StringComparison.Ordinal);
    }
}
