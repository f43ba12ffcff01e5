using TraceVerify.Numeric;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Proof;

public class SmtPolynomialTests
{
    private static readonly SmtField Field = new();
    private static readonly SmtTerm A = SmtField.Constant("a");
    private static readonly SmtTerm B = SmtField.Constant("b");
    private static readonly SmtTerm C = SmtField.Constant("c");

    private static string Canonical(SmtTerm term) => SmtPolynomial.Canonical(term)!.ToSmtLib();

    [Fact]
    public void Equal_polynomials_in_different_bracketings_print_the_same()
    {
        // (a + b)·c against c·b + a·c.
        var left = Field.Multiply(Field.Add(A, B), C);
        var right = Field.Add(Field.Multiply(C, B), Field.Multiply(A, C));

        Assert.Equal("(+ (* a c) (* b c))", Canonical(left));
        Assert.Equal(Canonical(left), Canonical(right));
    }

    [Fact]
    public void Like_terms_merge_and_cancelled_terms_vanish()
    {
        // (a + b)² − (a − b)² = 4ab.
        var sum = Field.Add(A, B);
        var difference = Field.Subtract(A, B);
        var term = Field.Subtract(Field.Multiply(sum, sum), Field.Multiply(difference, difference));

        Assert.Equal("(* 4.0 a b)", Canonical(term));
        Assert.Equal("0.0", Canonical(Field.Subtract(Field.Multiply(A, B), Field.Multiply(B, A))));
        Assert.Equal("(- (/ 1.0 2.0))", Canonical(Field.Add(Field.FromRational(Rational.Of(1, 2)), Field.FromRational(-1))));
    }

    [Fact]
    public void Applications_are_atoms()
    {
        var log = Field.Log(A);
        var term = Field.Multiply(Field.Add(log, B), Field.Reciprocal(C));

        Assert.Equal("(+ (* (/ 1.0 c) (log_ a)) (* (/ 1.0 c) b))", Canonical(term));
    }

    [Fact]
    public void An_expansion_beyond_the_limit_is_not_attempted()
    {
        // (a + b + c)^12 has 91 monomials, but a product of 13 distinct binomials has 2^13 > 4096.
        var term = Field.One;
        for (var k = 0; k < 13; k++) term = Field.Multiply(term, Field.Add(SmtField.Constant($"x{k}"), SmtField.Constant($"y{k}")));

        Assert.Null(SmtPolynomial.Canonical(term));
    }
}
