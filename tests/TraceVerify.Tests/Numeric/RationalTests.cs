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

// The 64-bit fast paths against plain BigInteger fractions, on values at and around the 64-bit limits where
// the small and large representations meet.
public class RationalRepresentationTests
{
    private static readonly BigInteger[] Parts =
    [
        0, 1, -1, 2, -3, 7, 12, -360, 1L << 31, -(1L << 31), 1L << 32, (1L << 62) + 1, long.MaxValue, -long.MaxValue,
        long.MinValue, (BigInteger)long.MaxValue + 1, (BigInteger)long.MaxValue * 3, -(BigInteger)long.MaxValue * 2 - 1,
        BigInteger.Pow(10, 30) + 7, 3037000499, 3037000500, -3037000499,
    ];

    private static (BigInteger N, BigInteger D) Reduce(BigInteger n, BigInteger d)
    {
        if (d.Sign < 0) { n = -n; d = -d; }
        var g = BigInteger.GreatestCommonDivisor(n, d);
        return n.IsZero ? (0, 1) : (n / g, d / g);
    }

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Arithmetic_AgreesWithBigIntegerFractions(int seed)
    {
        var random = new Random(seed);
        BigInteger Pick() => Parts[random.Next(Parts.Length)];
        for (var k = 0; k < 4000; k++)
        {
            var (an, ad) = (Pick(), Pick());
            var (bn, bd) = (Pick(), Pick());
            if (ad.IsZero || bd.IsZero) continue;
            var a = Rational.Of(an, ad);
            var b = Rational.Of(bn, bd);
            void Same((BigInteger N, BigInteger D) expected, Rational actual, string op)
            {
                Assert.True(expected.N == actual.Numerator && expected.D == actual.Denominator,
                    $"{an}/{ad} {op} {bn}/{bd}: expected {expected.N}/{expected.D}, got {actual}");
                Assert.Equal(actual, Rational.Of(expected.N, expected.D));
                Assert.Equal(Rational.Of(expected.N, expected.D).GetHashCode(), actual.GetHashCode());
            }
            Same(Reduce(an * bd + bn * ad, ad * bd), a + b, "+");
            Same(Reduce(an * bd - bn * ad, ad * bd), a - b, "-");
            Same(Reduce(an * bn, ad * bd), a * b, "*");
            if (!bn.IsZero) Same(Reduce(an * bd, ad * bn), a / b, "/");
            Same(Reduce(-an, ad), -a, "neg");
            Assert.Equal((an * bd * ad.Sign * bd.Sign).CompareTo(bn * ad * ad.Sign * bd.Sign), a.CompareTo(b));
        }
    }

    [Fact]
    public void Default_IsZero()
    {
        Assert.Equal(Rational.Zero, default);
        Assert.True(default(Rational).IsZero);
        Assert.Equal(BigInteger.One, default(Rational).Denominator);
        Assert.Equal(Rational.Of(5, 1), default(Rational) + Rational.Of(5));
    }
}
