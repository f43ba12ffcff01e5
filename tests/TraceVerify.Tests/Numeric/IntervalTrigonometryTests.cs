using TraceVerify.Numeric;

namespace TraceVerify.Tests.Numeric;

// sin, cos, tan and abs over rigorous intervals: every enclosure contains the true value, computed here by an
// exact rational Taylor series with an explicit tail bound (independent of libm); extremes inside an interval
// are included; a possible pole of tan is a domain error, never a guess. Exact rationals are exact.
public class IntervalTrigonometryTests
{
    private const int Samples = 300;

    private static readonly IntervalField F = IntervalField.Instance;

    [Fact]
    public void Sin_cos_and_tan_of_a_rational_enclose_the_true_value()
    {
        var random = new RandomRationals(11);
        for (var k = 0; k < Samples; k++)
        {
            var x = random.NextBetween(Rational.Of(-7), Rational.Of(7));
            var point = F.FromRational(x);
            AssertEncloses(F.Sin(point), ReferenceSine(x), $"sin({x})");
            AssertEncloses(F.Cos(point), ReferenceCosine(x), $"cos({x})");
            try
            {
                var tan = F.Tan(point);
                // tan x = sin x / cos x: compare the cross product, exact on both reference intervals.
                var (cosLo, cosHi) = ReferenceCosine(x);
                if (cosLo.Sign > 0 || cosHi.Sign < 0)
                    Assert.True(F.Multiply(tan, F.Cos(point)).Overlaps(F.Sin(point)), $"tan({x}) = {tan}");
            }
            catch (DomainException)
            {
                Assert.True(Math.Abs(Math.Cos(x.ToDouble())) < 1e-9, $"tan({x}) refused away from a pole");
            }
        }
    }

    [Fact]
    public void An_interval_holding_a_critical_point_reaches_its_extreme()
    {
        Assert.Equal(1.0, F.Sin(new Interval(1.0, 2.0)).Hi);
        Assert.Equal(-1.0, F.Sin(new Interval(4.0, 5.0)).Lo);
        Assert.Equal(-1.0, F.Cos(new Interval(3.0, 3.5)).Lo);
        Assert.Equal(1.0, F.Cos(new Interval(-0.5, 0.5)).Hi);
        Assert.Equal(new Interval(-1, 1), F.Sin(new Interval(0, 100)));
        Assert.Equal(new Interval(-1, 1), F.Cos(new Interval(1e300, 1e300)));
    }

    [Fact]
    public void Every_point_of_a_random_interval_is_enclosed()
    {
        var random = new Random(17);
        for (var k = 0; k < Samples; k++)
        {
            var lo = (random.NextDouble() * 20) - 10;
            var hi = lo + (random.NextDouble() * 3);
            var sin = F.Sin(new Interval(lo, hi));
            var cos = F.Cos(new Interval(lo, hi));
            for (var s = 0; s <= 20; s++)
            {
                var x = ExactDouble.ToRational(lo + ((hi - lo) * s / 20));
                if (x > ExactDouble.ToRational(hi)) x = ExactDouble.ToRational(hi);
                AssertEncloses(sin, ReferenceSine(x), $"sin over [{lo}, {hi}] at {x}");
                AssertEncloses(cos, ReferenceCosine(x), $"cos over [{lo}, {hi}] at {x}");
            }
        }
    }

    [Theory]
    [InlineData(1.5, 1.6)]
    [InlineData(-1.6, -1.5)]
    [InlineData(4.0, 5.0)]
    [InlineData(0.0, 7.0)]
    public void Tan_refuses_an_interval_that_may_hold_a_pole(double lo, double hi) =>
        Assert.Throws<DomainException>(() => F.Tan(new Interval(lo, hi)));

    [Fact]
    public void Zero_is_exact_and_abs_folds_the_sign()
    {
        Assert.Equal(Interval.Point(0), F.Sin(Interval.Point(0)));
        Assert.Equal(Interval.Point(1), F.Cos(Interval.Point(0)));
        Assert.Equal(Interval.Point(0), F.Tan(Interval.Point(0)));
        Assert.Equal(new Interval(0, 3), F.Abs(new Interval(-2, 3)));
        Assert.Equal(new Interval(2, 3), F.Abs(new Interval(-3, -2)));
        Assert.Equal(new Interval(2, 3), F.Abs(new Interval(2, 3)));
    }

    [Fact]
    public void Rationals_are_exact_only_where_the_value_is_rational()
    {
        var q = RationalField.Instance;
        Assert.Equal(Rational.Zero, q.Sin(Rational.Zero));
        Assert.Equal(Rational.One, q.Cos(Rational.Zero));
        Assert.Equal(Rational.Zero, q.Tan(Rational.Zero));
        Assert.Equal(Rational.Of(3, 4), q.Abs(Rational.Of(-3, 4)));
        Assert.Equal(Rational.Of(3, 5), q.Sqrt(Rational.Of(9, 25)));
        Assert.Throws<NotExactException>(() => q.Sin(Rational.One));
        Assert.Throws<NotExactException>(() => q.Cos(Rational.Of(1, 2)));
        Assert.Throws<NotExactException>(() => q.Tan(Rational.Of(-2)));
        Assert.Throws<NotExactException>(() => q.Sqrt(Rational.Of(2)));
    }

    [Fact]
    public void Dual_numbers_differentiate_each_function_by_its_own_rule()
    {
        var dual = new DualField<Rational>(RationalField.Instance);
        Assert.Equal(Rational.One, dual.Sin(dual.Variable(Rational.Zero)).Derivative);
        Assert.Equal(Rational.Zero, dual.Cos(dual.Variable(Rational.Zero)).Derivative);
        Assert.Equal(Rational.One, dual.Tan(dual.Variable(Rational.Zero)).Derivative);
        Assert.Equal(Rational.MinusOne, dual.Abs(dual.Variable(Rational.Of(-2))).Derivative);
        Assert.Equal(Rational.Of(1, 4), dual.Sqrt(dual.Variable(Rational.Of(4))).Derivative);
        // |t| has no derivative at 0: the case is outside the domain.
        Assert.Throws<DomainException>(() => dual.Abs(dual.Variable(Rational.Zero)));
    }

    private static void AssertEncloses(Interval enclosure, (Rational Lower, Rational Upper) truth, string what) =>
        Assert.True(enclosure.Contains(truth.Lower) && enclosure.Contains(truth.Upper), $"{what}: {enclosure} does not contain [{truth.Lower.ToDouble()}, {truth.Upper.ToDouble()}]");

    // sin x = Σ (−1)^k x^(2k+1)/(2k+1)! for |x| ≤ 8, cut after the terms are below 2^-120; the alternating tail
    // is then bounded by the first omitted term.
    private static (Rational Lower, Rational Upper) ReferenceSine(Rational x) => Series(x, x, 1);

    private static (Rational Lower, Rational Upper) ReferenceCosine(Rational x) => Series(x, Rational.One, 0);

    private static (Rational, Rational) Series(Rational x, Rational first, int power)
    {
        var sum = Rational.Zero;
        var term = first;
        var epsilon = Rational.Of(System.Numerics.BigInteger.One, System.Numerics.BigInteger.One << 120);
        var square = x * x;
        for (var n = power; ; n += 2)
        {
            var magnitude = term.Sign < 0 ? -term : term;
            if (n > 40 && magnitude < epsilon) return (sum - magnitude, sum + magnitude);
            sum += term;
            term = -term * square / Rational.Of((n + 1) * (n + 2));
        }
    }
}
