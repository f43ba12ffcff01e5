using System.Numerics;
using TraceVerify.Numeric;
using Xunit;

namespace TraceVerify.Tests.Numeric;

public class RationalTests
{
    [Fact]
    public void Of_NormalisesSignAndCommonFactors()
    {
        var r = Rational.Of(6, -8);
        Assert.Equal(new BigInteger(-3), r.Numerator);
        Assert.Equal(new BigInteger(4), r.Denominator);
        Assert.Equal(Rational.Of(-3, 4), r);
    }

    [Fact]
    public void Of_ZeroHasDenominatorOne()
    {
        var zero = Rational.Of(0, -17);
        Assert.Equal(BigInteger.One, zero.Denominator);
        Assert.Equal(Rational.Zero, zero);
        Assert.True(zero.IsZero);
    }

    [Fact]
    public void Of_ZeroDenominatorThrows()
    {
        Assert.Throws<DivideByZeroException>(() => Rational.Of(1, 0));
    }

    [Fact]
    public void Arithmetic_IsExact()
    {
        var a = Rational.Of(1, 3);
        var b = Rational.Of(1, 6);
        Assert.Equal(Rational.Of(1, 2), a + b);
        Assert.Equal(Rational.Of(1, 6), a - b);
        Assert.Equal(Rational.Of(1, 18), a * b);
        Assert.Equal(Rational.Of(2), a / b);
        Assert.Equal(Rational.Of(-1, 3), -a);
        Assert.Equal(Rational.Of(3), a.Reciprocal());
        Assert.Equal(Rational.Of(1, 27), a.Pow(3));
        Assert.Equal(Rational.Of(27), a.Pow(-3));
        Assert.Equal(Rational.One, a.Pow(0));
    }

    [Fact]
    public void Comparison_OrdersByValue()
    {
        Assert.True(Rational.Of(1, 3) < Rational.Of(1, 2));
        Assert.True(Rational.Of(-1, 2) < Rational.Of(-1, 3));
        Assert.Equal(0, Rational.Of(2, 4).CompareTo(Rational.Of(1, 2)));
        Assert.Equal(-1, Rational.Of(-5, 7).Sign);
    }

    [Fact]
    public void ParseDecimal_QuarterIsOneFourth()
    {
        Assert.Equal(Rational.Of(1, 4), Rational.ParseDecimal("0.25"));
    }

    [Theory]
    [InlineData("12", 12, 1)]
    [InlineData("-1.5", -3, 2)]
    [InlineData("0.125", 1, 8)]
    [InlineData("3.10", 31, 10)]
    public void ParseDecimal_IsExact(string text, long numerator, long denominator)
    {
        Assert.Equal(Rational.Of(numerator, denominator), Rational.ParseDecimal(text));
    }

    [Fact]
    public void ToDouble_ConvertsHugeNumeratorAndDenominator()
    {
        var big = BigInteger.Pow(10, 400);
        Assert.Equal(0.5, Rational.Of(big + 1, 2 * big).ToDouble(), 1e-12);
        Assert.Equal("7/3", Rational.Of(14, 6).ToString());
    }
}
