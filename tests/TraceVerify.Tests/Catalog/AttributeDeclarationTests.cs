using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Fuzzing;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Catalog;

// Hypotheses are written as attributes after a declared size (`W: k x k symmetric`) or alone (`W: symmetric`),
// read by the one shape-declaration reader that `shapes:` and `--shape` share; what cannot be read is a located
// diagnostic (TV0010, TV0250–TV0254, TV0030), never a crash and never silently ignored.
public class AttributeDeclarationTests
{
    private static EntryResult Check(string yaml) =>
        new Verifier(new VerifierOptions(11, FuzzCases: 20), [new FuzzMethod(20)]).Check(CatalogLoader.Parse(yaml, "attributes.yaml").Entries.Single());

    [Theory]
    [InlineData("k x k symmetric", "k", "k", "symmetric")]
    [InlineData("n x n diagonal positive-definite", "n", "n", "diagonal positive-definite")]
    [InlineData("3 x 3 orthogonal", "3", "3", "orthogonal")]
    [InlineData("n x n invertible lower-triangular", "n", "n", "lower-triangular invertible")]
    [InlineData("m x n", "m", "n", "")]
    [InlineData("scalar", "1", "1", "")]
    public void A_size_then_attributes_reads_both(string text, string rows, string columns, string attributeText)
    {
        var attributes = attributeText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate(MatrixAttributes.None, (a, w) => a | MatrixAttributeNames.Parse(w)!.Value);
        Assert.Equal(attributeText, MatrixAttributeNames.Text(attributes));
        var declaration = ShapeDeclaration.Read(text, out var code, out _);
        Assert.Null(code);
        Assert.NotNull(declaration);
        Assert.Equal((rows, columns, attributes, false), (declaration.Rows, declaration.Columns, declaration.Attributes, declaration.SizeInferred));
    }

    [Fact]
    public void Attributes_alone_declare_a_square_matrix_of_inferred_size()
    {
        var declaration = ShapeDeclaration.Read("skew", out _, out _);
        Assert.NotNull(declaration);
        Assert.True(declaration.SizeInferred);
        Assert.Equal(MatrixAttributes.Skew, declaration.Attributes);
        Assert.Equal("skew", declaration.Text());
    }

    [Theory]
    [InlineData("k x k symetric", "TV0250")]
    [InlineData("n x n symmetric skew", "TV0251")]
    [InlineData("n x n diagonal skew", "TV0251")]
    [InlineData("n x n orthogonal positive-definite", "TV0251")]
    [InlineData("m x n symmetric", "TV0252")]
    [InlineData("n symmetric", "TV0252")]
    [InlineData("m x", "TV0010")]
    [InlineData("2 x 0", "TV0010")]
    [InlineData("symmetric frobnicated", "TV0250")]
    public void Bad_attributes_are_diagnostics(string text, string expected)
    {
        Assert.Null(ShapeDeclaration.Read(text, out var code, out var message));
        Assert.Equal(expected, code);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public void Closure_adds_what_an_attribute_implies()
    {
        Assert.Equal(MatrixAttributes.Square | MatrixAttributes.Symmetric | MatrixAttributes.Invertible | MatrixAttributes.PositiveDefinite,
            MatrixAttributeNames.Closure(MatrixAttributes.PositiveDefinite));
        Assert.Equal(MatrixAttributes.Square | MatrixAttributes.Orthogonal | MatrixAttributes.Invertible, MatrixAttributeNames.Closure(MatrixAttributes.Orthogonal));
    }

    [Fact]
    public void An_unknown_attribute_in_a_catalog_is_located()
    {
        var result = Check("""
            - id: bad-attribute
              kind: equality
              shapes: {W: k x k symetric}
              lhs: W'
              rhs: W
            """);
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownAttribute);
        Assert.Equal(3, error.Location!.Line);
        Assert.Contains("`symetric`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derivative_by_a_structured_matrix_needs_a_convention()
    {
        var result = Check("""
            - id: structured-variable
              kind: derivative
              shapes: {X: n x n symmetric}
              of: tr(A*X)
              wrt: X
              claim: A'
            """);
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.StructuredVariable);
        Assert.Contains("structured-derivative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_convention_is_located()
    {
        var result = Check("""
            - id: bad-convention
              kind: derivative
              shapes: {X: n x n symmetric}
              structured-derivative: sideways
              of: tr(A*X)
              wrt: X
              claim: A'
            """);
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.BadStructuredDerivative && d.Location!.Line == 4);
    }

    [Fact]
    public void Attributes_on_a_where_name_are_rejected()
    {
        var result = Check("""
            - id: attribute-on-definition
              kind: equality
              where: {S: A + A'}
              shapes: {S: symmetric}
              lhs: S'
              rhs: S
            """);
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.AttributeOnDefinition);
    }

    [Fact]
    public void An_attribute_alone_makes_the_symbol_square()
    {
        var binding = EntryBinder.Bind(CatalogLoader.Parse("""
            - id: square-by-attribute
              kind: equality
              shapes: {W: symmetric}
              lhs: W*ones
              rhs: W'*ones
            """, "attributes.yaml").Entries.Single());
        Assert.NotNull(binding.Entry);
        var shape = binding.Entry.Symbols["W"];
        Assert.Equal(shape.Rows, shape.Columns);
        Assert.True(binding.Entry.AttributesOf("W").HasFlag(MatrixAttributes.Symmetric));
    }
}
