using TraceVerify.Numeric;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Proof;

public class SmtFieldTests
{
    private static readonly SmtTerm X = SmtField.Constant("x");
    private static readonly SmtTerm Y = SmtField.Constant("y");

    private static string Text(SmtTerm term) => term.ToSmtLib();

    [Theory]
    [InlineData(0, 1, "0.0")]
    [InlineData(3, 1, "3.0")]
    [InlineData(-3, 1, "(- 3.0)")]
    [InlineData(1, 2, "(/ 1.0 2.0)")]
    [InlineData(-3, 4, "(- (/ 3.0 4.0))")]
    [InlineData(6, -4, "(- (/ 3.0 2.0))")]
    public void Numerals_are_exact_real_literals(int numerator, int denominator, string expected)
    {
        Assert.Equal(expected, Text(new SmtField().FromRational(Rational.Of(numerator, denominator))));
    }

    [Fact]
    public void Numerals_fold_exactly_as_rationals()
    {
        var field = new SmtField();
        var third = field.FromRational(Rational.Of(1, 3));
        var sixth = field.FromRational(Rational.Of(1, 6));

        Assert.Equal("(/ 1.0 2.0)", Text(field.Add(third, sixth)));
        Assert.Equal("(/ 1.0 6.0)", Text(field.Subtract(third, sixth)));
        Assert.Equal("(/ 1.0 18.0)", Text(field.Multiply(third, sixth)));
        Assert.Equal("(- (/ 1.0 3.0))", Text(field.Negate(third)));
        Assert.Equal("3.0", Text(field.Reciprocal(third)));
        Assert.Empty(field.SideConditions);
    }

    [Fact]
    public void Neutral_and_absorbing_elements_are_dropped()
    {
        var field = new SmtField();

        Assert.Same(X, field.Add(X, field.Zero));
        Assert.Same(X, field.Add(field.Zero, X));
        Assert.Same(X, field.Subtract(X, field.Zero));
        Assert.Equal("(- x)", Text(field.Subtract(field.Zero, X)));
        Assert.Same(X, field.Multiply(field.One, X));
        Assert.Same(X, field.Multiply(X, field.One));
        Assert.Equal("0.0", Text(field.Multiply(field.Zero, X)));
        Assert.Equal("0.0", Text(field.Multiply(X, field.Zero)));
        Assert.Equal("(- x)", Text(field.Multiply(field.FromRational(Rational.MinusOne), X)));
        Assert.Same(X, field.Negate(field.Negate(X)));
    }

    [Fact]
    public void Sums_and_products_are_flattened()
    {
        var field = new SmtField();
        var two = field.FromRational(2);

        var sum = field.Add(field.Add(field.Add(X, Y), X), field.Add(Y, two));
        var product = field.Multiply(field.Multiply(two, X), field.Multiply(Y, X));

        Assert.Equal("(+ x y x y 2.0)", Text(sum));
        Assert.Equal("(* 2.0 x y x)", Text(product));
        Assert.Equal("(- (+ x y) (* x y))", Text(field.Subtract(field.Add(X, Y), field.Multiply(X, Y))));
    }

    [Fact]
    public void A_reciprocal_is_a_division_asserted_nonzero_once_per_polynomial()
    {
        var field = new SmtField();

        // x·y + x and x·(y + 1) are one polynomial: one division term, one side condition.
        var first = field.Reciprocal(field.Add(field.Multiply(X, Y), X));
        var second = field.Reciprocal(field.Multiply(X, field.Add(Y, field.One)));

        Assert.Equal("(/ 1.0 (+ x (* x y)))", Text(first));
        Assert.Same(first, second);
        Assert.Equal(["(not (= (+ x (* x y)) 0.0))"], field.SideConditions.Select(Text));
        Assert.Empty(field.Functions);
    }

    [Fact]
    public void Reciprocal_of_zero_is_a_domain_error_even_when_it_is_written_as_a_polynomial()
    {
        var field = new SmtField();

        Assert.Throws<DomainException>(() => field.Reciprocal(field.Zero));
        Assert.Throws<DomainException>(() => field.Reciprocal(field.Subtract(field.Multiply(X, Y), field.Multiply(Y, X))));
    }

    [Fact]
    public void Log_and_exp_are_uninterpreted_functions_except_at_their_rational_points_and_log_needs_a_positive_argument()
    {
        var field = new SmtField();

        Assert.Equal("(log_ (* x y))", Text(field.Log(field.Multiply(Y, X))));
        Assert.Equal("(exp_ x)", Text(field.Exp(X)));
        Assert.Equal("0.0", Text(field.Log(field.One)));
        Assert.Equal("1.0", Text(field.Exp(field.Zero)));
        Assert.Throws<DomainException>(() => field.Log(field.FromRational(-2)));
        Assert.Equal([SmtField.ExpFunction, SmtField.LogFunction], field.Functions);
        // Positivity keeps models inside log's real domain; exp needs no condition.
        Assert.Equal(["(> (* x y) 0.0)"], field.SideConditions.Select(Text));
    }

    [Fact]
    public void Sqrt_is_the_nonnegative_root_of_its_argument()
    {
        var field = new SmtField();

        var root = field.Sqrt(field.Multiply(X, X));

        Assert.Equal("(sqrt_ (* x x))", Text(root));
        Assert.Equal(["(= (* (sqrt_ (* x x)) (sqrt_ (* x x))) (* x x))", "(>= (sqrt_ (* x x)) 0.0)"], field.SideConditions.Select(Text));
        Assert.Equal("(/ 3.0 2.0)", Text(field.Sqrt(field.FromRational(Rational.Of(9, 4)))));
        Assert.Equal("(sqrt_ 2.0)", Text(field.Sqrt(field.FromRational(2))));
    }

    [Fact]
    public void Dual_numbers_over_terms_differentiate_the_expanded_expression()
    {
        var field = new SmtField();
        var dual = new DualField<SmtTerm>(field);
        var x = dual.Variable(X);
        var y = dual.Constant(Y);

        var log = dual.Log(dual.Multiply(x, y));
        var exp = dual.Exp(dual.Multiply(x, x));
        var reciprocal = dual.Reciprocal(x);

        // d/dx log(x·y) = y / (x·y); d/dx exp(x²) = 2x·exp_(x²), the same exp_ term as the value.
        Assert.Equal("(log_ (* x y))", Text(log.Value));
        Assert.Equal("(* y (/ 1.0 (* x y)))", Text(log.Derivative));
        Assert.Equal("(* (+ x x) (exp_ (* x x)))", Text(exp.Derivative));
        Assert.Same(exp.Value, ((SmtApplication)exp.Derivative).Arguments[1]);
        Assert.Equal("(- (* (/ 1.0 x) (/ 1.0 x)))", Text(reciprocal.Derivative));
        Assert.Equal(["(> (* x y) 0.0)", "(not (= (* x y) 0.0))", "(not (= x 0.0))"], field.SideConditions.Select(Text));
    }

    [Fact]
    public void Printing_a_very_long_chain_does_not_recurse()
    {
        var field = new SmtField();
        var term = X;
        // Alternating operators defeat flattening, so the term is 200,000 levels deep.
        for (var k = 0; k < 100_000; k++) term = field.Multiply(field.Add(term, Y), X);

        var text = Text(term);

        Assert.StartsWith("(* (+ (* (+ ", text, StringComparison.Ordinal);
        Assert.EndsWith(" y) x)", text, StringComparison.Ordinal);
    }
}
