using TraceVerify.Numeric;
using Xunit;

namespace TraceVerify.Tests.Numeric;

public class IntervalFieldTests
{
    private const int Samples = 400;

    private static readonly IntervalField F = IntervalField.Instance;

    [Fact]
    public void Basics()
    {
        Assert.Equal("interval", F.Name);
        Assert.False(F.IsExact);
        Assert.Equal(Interval.Point(0), F.Zero);
        Assert.Equal(Interval.Point(1), F.One);
    }

    [Fact]
    public void Interval_RejectsInvalidEndpoints()
    {
        Assert.Throws<ArgumentException>(() => new Interval(2, 1));
        Assert.Throws<ArgumentException>(() => new Interval(double.NaN, 1));
        Assert.Throws<ArgumentException>(() => new Interval(double.PositiveInfinity, double.PositiveInfinity));
    }

    [Fact]
    public void Interval_Helpers()
    {
        var a = new Interval(0.1, 0.2);
        Assert.Equal("[0.1, 0.2]", a.ToString());
        Assert.Equal("[-1, 0.30000000000000004]", new Interval(-1, 0.1 + 0.2).ToString());
        Assert.True(a.Overlaps(new Interval(0.2, 5)));
        Assert.True(a.Overlaps(new Interval(0.15, 0.16)));
        Assert.False(a.Overlaps(new Interval(0.25, 5)));
        Assert.False(a.Overlaps(new Interval(-3, 0.05)));
        Assert.Equal(2.0, new Interval(-1, 1).Width);
        Assert.Equal(0.0, Interval.Point(3).Width);
        Assert.True(a.Width >= 0.1);
        Assert.True(a.Contains(Rational.Of(3, 20)));
        Assert.False(a.Contains(Rational.Of(1, 10)));
        Assert.True(a.Contains(ExactDouble.ToRational(0.1)));
    }

    [Fact]
    public void FromRational_IsTightEnclosure()
    {
        var random = new RandomRationals(1234);
        for (var i = 0; i < Samples; i++)
        {
            var r = random.Next();
            var x = F.FromRational(r);
            Assert.True(x.Contains(r), $"{x} does not contain {r}");
            Assert.True(x.IsPoint || x.Hi == Math.BitIncrement(x.Lo), $"{x} is wider than one ulp");
            Assert.Equal(x.IsPoint, ExactDouble.ToRational(x.Lo) == r);
        }
    }

    [Fact]
    public void FromRational_ExactlyRepresentableIsPoint()
    {
        Assert.Equal(Interval.Point(0.25), F.FromRational(Rational.ParseDecimal("0.25")));
        Assert.Equal(Interval.Point(-3), F.FromRational(Rational.Of(-3)));
        var third = F.FromRational(Rational.Of(1, 3));
        Assert.False(third.IsPoint);
        Assert.Equal(1.0 / 3.0, third.Lo);
        Assert.Equal(Math.BitIncrement(1.0 / 3.0), third.Hi);
    }

    [Fact]
    public void FromRational_BeyondDoubleRange()
    {
        var huge = Rational.Of(System.Numerics.BigInteger.Pow(10, 400), System.Numerics.BigInteger.One);
        var x = F.FromRational(huge);
        Assert.Equal(double.MaxValue, x.Lo);
        Assert.Equal(double.PositiveInfinity, x.Hi);
        var tiny = F.FromRational(Rational.Of(System.Numerics.BigInteger.One, System.Numerics.BigInteger.Pow(10, 400)));
        Assert.Equal(0.0, tiny.Lo);
        Assert.Equal(double.Epsilon, tiny.Hi);
    }

    [Fact]
    public void ExactDouble_RoundTripsEveryKindOfDouble()
    {
        foreach (var d in new[] { 0.0, -0.0, 1.0, -2.5, 0.1, double.Epsilon, -double.Epsilon, double.MaxValue, 2.2250738585072014E-308, 1e-310 })
        {
            var r = ExactDouble.ToRational(d);
            Assert.True(r.Denominator.IsPowerOfTwo);
            Assert.Equal(d, ExactDouble.Floor(r));
            Assert.Equal(d, ExactDouble.Ceiling(r));
        }

        Assert.Equal(Rational.Of(1, 4), ExactDouble.ToRational(0.25));
        Assert.Equal(Rational.Of(3602879701896397, 36028797018963968), ExactDouble.ToRational(0.1));
    }

    [Fact]
    public void Arithmetic_EnclosesExactRationalResult()
    {
        var random = new RandomRationals(1234);
        var exact = RationalField.Instance;
        for (var i = 0; i < Samples; i++)
        {
            var a = random.Next();
            var b = random.Next();
            var x = F.FromRational(a);
            var y = F.FromRational(b);
            AssertEncloses(exact.Add(a, b), F.Add(x, y), $"{a} + {b}");
            AssertEncloses(exact.Subtract(a, b), F.Subtract(x, y), $"{a} - {b}");
            AssertEncloses(exact.Multiply(a, b), F.Multiply(x, y), $"{a} * {b}");
            AssertEncloses(exact.Negate(a), F.Negate(x), $"-{a}");
            if (!b.IsZero)
            {
                AssertEncloses(exact.Reciprocal(b), F.Reciprocal(y), $"1/{b}");
                AssertEncloses(a / b, F.Multiply(x, F.Reciprocal(y)), $"{a} / {b}");
            }
        }
    }

    [Fact]
    public void Arithmetic_EnclosesEveryPointOfWideOperands()
    {
        var random = new RandomRationals(1234);
        for (var i = 0; i < Samples; i++)
        {
            var (x, xs) = RandomBox(random);
            var (y, ys) = RandomBox(random);
            var sum = F.Add(x, y);
            var difference = F.Subtract(x, y);
            var product = F.Multiply(x, y);
            foreach (var a in xs)
            {
                foreach (var b in ys)
                {
                    AssertEncloses(a + b, sum, $"{a} + {b} in {x} + {y}");
                    AssertEncloses(a - b, difference, $"{a} - {b} in {x} - {y}");
                    AssertEncloses(a * b, product, $"{a} * {b} in {x} * {y}");
                }
            }

            if (!y.ContainsZero)
            {
                var reciprocal = F.Reciprocal(y);
                foreach (var b in ys) AssertEncloses(b.Reciprocal(), reciprocal, $"1/{b} in 1/{y}");
            }
        }
    }

    [Fact]
    public void Arithmetic_OnExactlyRepresentableResultsStaysExact()
    {
        Assert.Equal(Interval.Point(3), F.Add(Interval.Point(1), Interval.Point(2)));
        Assert.Equal(Interval.Point(-1), F.Subtract(Interval.Point(1), Interval.Point(2)));
        Assert.Equal(Interval.Point(1.5), F.Multiply(Interval.Point(3), Interval.Point(0.5)));
        Assert.Equal(Interval.Point(-0.25), F.Reciprocal(Interval.Point(-4)));
        Assert.Equal(Interval.Point(1.5), F.Sqrt(Interval.Point(2.25)));
        Assert.Equal(new Interval(-6, 8), F.Multiply(new Interval(-2, 1), new Interval(-4, 3)));
    }

    [Fact]
    public void Arithmetic_InexactResultIsWidenedOnlyAsNeeded()
    {
        var sum = F.Add(Interval.Point(0.1), Interval.Point(0.2));
        Assert.False(sum.IsPoint);
        Assert.True(sum.Contains(ExactDouble.ToRational(0.1) + ExactDouble.ToRational(0.2)));
        Assert.Equal(Math.BitIncrement(sum.Lo), sum.Hi);

        var third = F.Reciprocal(Interval.Point(3));
        Assert.True(third.Contains(Rational.Of(1, 3)));
        Assert.Equal(Math.BitIncrement(third.Lo), third.Hi);
    }

    [Fact]
    public void Arithmetic_OverflowKeepsFiniteSideAndInfinity()
    {
        var max = Interval.Point(double.MaxValue);
        var sum = F.Add(max, max);
        Assert.Equal(new Interval(double.MaxValue, double.PositiveInfinity), sum);
        Assert.True(sum.Contains(ExactDouble.ToRational(double.MaxValue) * Rational.Of(2)));
        Assert.Equal(Interval.Point(0), F.Multiply(new Interval(0, double.PositiveInfinity), Interval.Point(0)));
        var product = F.Multiply(new Interval(1, double.PositiveInfinity), new Interval(-2, -1));
        Assert.Equal(new Interval(double.NegativeInfinity, -1), product);
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(-2.0, 0.0)]
    [InlineData(0.0, 0.0)]
    public void Reciprocal_OfIntervalThatMayBeZeroThrows(double lo, double hi)
    {
        Assert.Throws<DomainException>(() => F.Reciprocal(new Interval(lo, hi)));
    }

    [Fact]
    public void Reciprocal_OfTinyAndHugeValues()
    {
        var r = F.Reciprocal(Interval.Point(double.Epsilon));
        Assert.Equal(new Interval(double.MaxValue, double.PositiveInfinity), r);
        var s = F.Reciprocal(new Interval(2, double.PositiveInfinity));
        Assert.Equal(new Interval(0, 0.5), s);
        var huge = 1.5 * Math.ScaleB(1.0, 1022);
        AssertEncloses(ExactDouble.ToRational(huge).Reciprocal(), F.Reciprocal(Interval.Point(huge)), "1/huge");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-1.0, 2.0)]
    [InlineData(-3.0, -2.0)]
    public void Log_OfIntervalNotCertainlyPositiveThrows(double lo, double hi)
    {
        Assert.Throws<DomainException>(() => F.Log(new Interval(lo, hi)));
    }

    [Fact]
    public void Sqrt_OfIntervalThatMayBeNegativeThrows()
    {
        Assert.Throws<DomainException>(() => F.Sqrt(new Interval(-1, 4)));
        Assert.Equal(new Interval(0, 2), F.Sqrt(new Interval(0, 4)));
    }

    [Fact]
    public void Log_EnclosesSeriesReference()
    {
        var random = new RandomRationals(1234);
        for (var i = 0; i < Samples; i++)
        {
            var x = random.NextBetween(Rational.Of(1, 16), Rational.Of(16));
            var (lower, upper) = HighPrecision.Ln(x);
            var log = F.Log(F.FromRational(x));
            Assert.True(log.Contains(lower) && log.Contains(upper), $"log {x} = [{lower.ToDouble():R}, {upper.ToDouble():R}] not in {log}");
            // log has absolute condition number 1/x and the argument is already uncertain by an ulp.
            Assert.True(log.Width <= 1e-15 + (1e-14 * Math.Abs(log.Lo)), $"log {x} enclosure {log} too wide");

            var y = random.Next().Abs() + Rational.Of(1, 1000);
            var (yLower, yUpper) = HighPrecision.Ln(y);
            var logY = F.Log(F.FromRational(y));
            Assert.True(logY.Contains(yLower) && logY.Contains(yUpper), $"log {y} = [{yLower.ToDouble():R}, {yUpper.ToDouble():R}] not in {logY}");
        }
    }

    [Fact]
    public void Exp_EnclosesSeriesReference()
    {
        var random = new RandomRationals(1234);
        for (var i = 0; i < Samples; i++)
        {
            var x = random.NextBetween(Rational.Of(-40), Rational.Of(40));
            var (lower, upper) = HighPrecision.Exp(x);
            var exp = F.Exp(F.FromRational(x));
            Assert.True(exp.Contains(lower) && exp.Contains(upper), $"exp {x} = [{lower.ToDouble():R}, {upper.ToDouble():R}] not in {exp}");
            // exp has relative condition number |x| <= 40, amplifying the argument's one-ulp uncertainty.
            Assert.True(exp.Width <= 1e-13 * exp.Hi, $"exp {x} enclosure {exp} too wide");
        }
    }

    [Fact]
    public void SeriesReference_MatchesKnownDigits()
    {
        var (lnLower, lnUpper) = HighPrecision.Ln(Rational.Of(2));
        Assert.True(lnLower >= Rational.ParseDecimal("0.69314718055994530941723212145817656"));
        Assert.True(lnUpper <= Rational.ParseDecimal("0.69314718055994530941723212145817657"));
        var (eLower, eUpper) = HighPrecision.Exp(Rational.One);
        Assert.True(eLower >= Rational.ParseDecimal("2.71828182845904523536028747135266249"));
        Assert.True(eUpper <= Rational.ParseDecimal("2.71828182845904523536028747135266250"));
    }

    [Fact]
    public void ExpOfLogAndLogOfExp_ContainArgument()
    {
        var random = new RandomRationals(1234);
        for (var i = 0; i < Samples; i++)
        {
            var x = random.Next(12).Abs() + Rational.Of(1, 1000);
            AssertEncloses(x, F.Exp(F.Log(F.FromRational(x))), $"exp(log {x})");
            var y = random.NextBetween(Rational.Of(-700), Rational.Of(700));
            AssertEncloses(y, F.Log(F.Exp(F.FromRational(y))), $"log(exp {y})");
        }
    }

    [Fact]
    public void LogAndExp_ExactPointsAndSigns()
    {
        Assert.Equal(Interval.Point(0), F.Log(Interval.Point(1)));
        Assert.Equal(Interval.Point(1), F.Exp(Interval.Point(0)));
        Assert.True(F.Log(new Interval(1, 1.5)).Lo >= 0);
        Assert.True(F.Log(new Interval(0.5, 1)).Hi <= 0);
        Assert.True(F.Exp(new Interval(-1000, -999)).Lo >= 0);
        Assert.True(F.Exp(new Interval(0, 1e-300)).Lo >= 1);
    }

    [Fact]
    public void Sqrt_EnclosesRootAndIsTight()
    {
        var random = new RandomRationals(1234);
        for (var i = 0; i < Samples; i++)
        {
            var x = random.Next().Abs();
            var root = F.Sqrt(F.FromRational(x));
            AssertEncloses(x, F.Multiply(root, root), $"sqrt({x})²");
            var lo = ExactDouble.ToRational(root.Lo);
            var hi = ExactDouble.ToRational(root.Hi);
            Assert.True(lo * lo <= x && x <= hi * hi, $"sqrt({x}) not in {root}");
            Assert.True(root.Lo >= 0);
            AssertTight(root, 2);
        }
    }

    private static void AssertEncloses(Rational exact, Interval enclosure, string what) =>
        Assert.True(enclosure.Contains(exact), $"{what}: exact {exact} (≈ {exact.ToDouble():R}) not in {enclosure}");

    // At most `ulps` representable doubles strictly between the endpoints, so enclosures are useful.
    private static void AssertTight(Interval x, int ulps)
    {
        var d = x.Lo;
        for (var i = 0; i < ulps; i++) d = Math.BitIncrement(d);
        Assert.True(x.Hi <= d, $"{x} wider than {ulps} ulps");
    }

    // An interval hull of two random rationals, with rational sample points inside it.
    private static (Interval Box, Rational[] Points) RandomBox(RandomRationals random)
    {
        var a = random.Next(8);
        var b = random.Next(8);
        if (b < a) (a, b) = (b, a);
        var box = new Interval(F.FromRational(a).Lo, F.FromRational(b).Hi);
        return (box, [a, b, (a + b) / Rational.Of(2), random.NextBetween(a, b)]);
    }
}
