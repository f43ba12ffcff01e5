using TraceVerify.Numeric;
using Xunit;

namespace TraceVerify.Tests.Numeric;

public class DualFieldTests
{
    private static readonly DualField<Rational> Exact = new(RationalField.Instance);
    private static readonly DualField<Interval> Rigorous = new(IntervalField.Instance);

    [Fact]
    public void Names_AndExactness()
    {
        Assert.Equal("dual<rational>", Exact.Name);
        Assert.Equal("dual<interval>", Rigorous.Name);
        Assert.Equal("dual<dual<rational>>", new DualField<Dual<Rational>>(Exact).Name);
        Assert.True(Exact.IsExact);
        Assert.False(Rigorous.IsExact);
    }

    [Fact]
    public void VariableAndConstant()
    {
        Assert.Equal(new Dual<Rational>(Rational.Of(2), Rational.One), Exact.Variable(Rational.Of(2)));
        Assert.Equal(new Dual<Rational>(Rational.Of(2), Rational.Zero), Exact.Constant(Rational.Of(2)));
        Assert.Equal(Exact.Constant(Rational.Of(1, 3)), Exact.FromRational(Rational.Of(1, 3)));
        Assert.Equal(Exact.Constant(Rational.One), Exact.One);
        Assert.Equal(Exact.Constant(Rational.Zero), Exact.Zero);
    }

    [Fact]
    public void Cubic_HasExactDerivative()
    {
        // f(x) = x³ + 2x, f(3/2) = 27/8 + 3, f'(3/2) = 3·(9/4) + 2 = 27/4 + 2.
        var x = Exact.Variable(Rational.Of(3, 2));
        var f = Exact.Add(Exact.Multiply(x, Exact.Multiply(x, x)), Exact.Multiply(Exact.FromRational(2), x));
        Assert.Equal(Rational.Of(27, 8) + Rational.Of(3), f.Value);
        Assert.Equal(Rational.Of(27, 4) + Rational.Of(2), f.Derivative);
    }

    [Fact]
    public void RandomPolynomials_MatchSymbolicDerivative()
    {
        var random = new RandomRationals(1234);
        for (var trial = 0; trial < 50; trial++)
        {
            var degree = random.NextInt(0, 7);
            var coefficients = new Rational[degree + 1];
            for (var i = 0; i <= degree; i++) coefficients[i] = random.Next(6);
            var point = random.Next(4);

            // Horner: p = (((c_n)x + c_{n-1})x + ...) evaluated in dual numbers.
            var x = Exact.Variable(point);
            var p = Exact.Constant(coefficients[degree]);
            for (var i = degree - 1; i >= 0; i--) p = Exact.Add(Exact.Multiply(p, x), Exact.Constant(coefficients[i]));

            var value = Rational.Zero;
            var derivative = Rational.Zero;
            for (var i = 0; i <= degree; i++)
            {
                value += coefficients[i] * point.Pow(i);
                if (i > 0) derivative += coefficients[i] * Rational.Of(i) * point.Pow(i - 1);
            }

            Assert.Equal(value, p.Value);
            Assert.Equal(derivative, p.Derivative);
        }
    }

    [Fact]
    public void Quotient_UsesReciprocalRule()
    {
        // d/dx (x − 1)/(x² + 1) = (x² + 1 − 2x(x − 1))/(x² + 1)² at x = 2: (5 − 4)/25.
        var x = Exact.Variable(Rational.Of(2));
        var numerator = Exact.Subtract(x, Exact.One);
        var denominator = Exact.Add(Exact.Multiply(x, x), Exact.One);
        var q = Exact.Multiply(numerator, Exact.Reciprocal(denominator));
        Assert.Equal(Rational.Of(1, 5), q.Value);
        Assert.Equal(Rational.Of(1, 25), q.Derivative);
        Assert.Equal(new Dual<Rational>(Rational.Of(-1, 2), Rational.Of(1, 4)), Exact.Negate(Exact.Reciprocal(x)));
    }

    [Fact]
    public void ExactTranscendentals_AtTheirRationalPoints()
    {
        // d/dx log(x²) at 1 = 2; d/dx exp(3x) at 0 = 3; d/dx sqrt(x) at 9/4 = 1/3.
        var one = Exact.Variable(Rational.One);
        Assert.Equal(new Dual<Rational>(Rational.Zero, Rational.Of(2)), Exact.Log(Exact.Multiply(one, one)));
        var zero = Exact.Variable(Rational.Zero);
        Assert.Equal(new Dual<Rational>(Rational.One, Rational.Of(3)), Exact.Exp(Exact.Multiply(Exact.FromRational(3), zero)));
        Assert.Equal(new Dual<Rational>(Rational.Of(3, 2), Rational.Of(1, 3)), Exact.Sqrt(Exact.Variable(Rational.Of(9, 4))));
    }

    [Fact]
    public void FailuresOfTheInnerFieldPropagate()
    {
        Assert.Throws<NotExactException>(() => Exact.Log(Exact.Variable(Rational.Of(2))));
        Assert.Throws<NotExactException>(() => Exact.Exp(Exact.Variable(Rational.One)));
        Assert.Throws<DomainException>(() => Exact.Reciprocal(Exact.Variable(Rational.Zero)));
        Assert.Throws<DomainException>(() => Exact.Log(Exact.Variable(Rational.Of(-1))));
        // sqrt is not differentiable at 0.
        Assert.Throws<DomainException>(() => Exact.Sqrt(Exact.Variable(Rational.Zero)));
    }

    [Fact]
    public void OverIntervals_EnclosesDerivativeOfLogOfXSquaredPlusOne()
    {
        // f(x) = log(x² + 1), f'(x) = 2x/(x² + 1), which is rational at rational x.
        var inner = IntervalField.Instance;
        var random = new RandomRationals(1234);
        for (var trial = 0; trial < 200; trial++)
        {
            var point = random.NextBetween(Rational.Of(-3), Rational.Of(3));
            var x = Rigorous.Variable(inner.FromRational(point));
            var f = Rigorous.Log(Rigorous.Add(Rigorous.Multiply(x, x), Rigorous.One));

            var square = point * point + Rational.One;
            var exactDerivative = Rational.Of(2) * point / square;
            Assert.True(f.Derivative.Contains(exactDerivative), $"f'({point}) = {exactDerivative.ToDouble():R} not in {f.Derivative}");
            Assert.True(f.Derivative.Width <= 1e-14, $"f'({point}) enclosure {f.Derivative} too wide");

            var (lower, upper) = HighPrecision.Ln(square);
            Assert.True(f.Value.Contains(lower) && f.Value.Contains(upper), $"f({point}) not in {f.Value}");
        }
    }

    [Fact]
    public void OverIntervals_ExpAndSqrtEncloseDerivatives()
    {
        var inner = IntervalField.Instance;
        // d/dx exp(x) at x = 1/2 is exp(1/2); d/dx sqrt(x) at x = 2 is 1/(2 sqrt 2), whose square is 1/8.
        var e = Rigorous.Exp(Rigorous.Variable(inner.FromRational(Rational.Of(1, 2))));
        var (lower, upper) = HighPrecision.Exp(Rational.Of(1, 2));
        Assert.True(e.Derivative.Contains(lower) && e.Derivative.Contains(upper));
        var s = Rigorous.Sqrt(Rigorous.Variable(inner.FromRational(Rational.Of(2))));
        Assert.True(inner.Multiply(s.Derivative, s.Derivative).Contains(Rational.Of(1, 8)));
    }

    [Fact]
    public void NestedDuals_GiveSecondDerivative()
    {
        // Seeding x = (v + ε₁) + ε₂ and differentiating twice: f(x) = x³ gives f''(v) = 6v.
        var outer = new DualField<Dual<Rational>>(Exact);
        var v = Rational.Of(5, 7);
        var x = new Dual<Dual<Rational>>(Exact.Variable(v), Exact.One);
        var cube = outer.Multiply(x, outer.Multiply(x, x));
        Assert.Equal(v.Pow(3), cube.Value.Value);
        Assert.Equal(Rational.Of(3) * v * v, cube.Value.Derivative);
        Assert.Equal(Rational.Of(3) * v * v, cube.Derivative.Value);
        Assert.Equal(Rational.Of(6) * v, cube.Derivative.Derivative);
    }
}
