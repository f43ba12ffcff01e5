using TraceVerify.Numeric;
using Xunit;

namespace TraceVerify.Tests.Numeric;

public class RationalFieldTests
{
    private static readonly RationalField F = RationalField.Instance;

    [Fact]
    public void Basics()
    {
        Assert.Equal("rational", F.Name);
        Assert.True(F.IsExact);
        Assert.Equal(Rational.Zero, F.Zero);
        Assert.Equal(Rational.One, F.One);
        Assert.Equal(Rational.Of(5, 6), F.Add(Rational.Of(1, 2), Rational.Of(1, 3)));
        Assert.Equal(Rational.Of(1, 6), F.Subtract(Rational.Of(1, 2), Rational.Of(1, 3)));
        Assert.Equal(Rational.Of(1, 6), F.Multiply(Rational.Of(1, 2), Rational.Of(1, 3)));
        Assert.Equal(Rational.Of(-1, 2), F.Negate(Rational.Of(1, 2)));
        Assert.Equal(Rational.Of(-3, 2), F.Reciprocal(Rational.Of(-2, 3)));
    }

    [Fact]
    public void Reciprocal_OfZeroIsDomainError()
    {
        Assert.Throws<DomainException>(() => F.Reciprocal(Rational.Zero));
    }

    [Fact]
    public void Log_ExactOnlyAtOne()
    {
        Assert.Equal(Rational.Zero, F.Log(Rational.One));
        Assert.Throws<NotExactException>(() => F.Log(Rational.Of(2)));
        Assert.Throws<DomainException>(() => F.Log(Rational.Zero));
        Assert.Throws<DomainException>(() => F.Log(Rational.Of(-1, 2)));
    }

    [Fact]
    public void Exp_ExactOnlyAtZero()
    {
        Assert.Equal(Rational.One, F.Exp(Rational.Zero));
        Assert.Throws<NotExactException>(() => F.Exp(Rational.One));
    }

    [Theory]
    [InlineData(9, 4, 3, 2)]
    [InlineData(0, 1, 0, 1)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(144, 169, 12, 13)]
    public void Sqrt_OfPerfectSquareIsExact(long p, long q, long rootP, long rootQ)
    {
        Assert.Equal(Rational.Of(rootP, rootQ), F.Sqrt(Rational.Of(p, q)));
    }

    [Fact]
    public void Sqrt_OfLargePerfectSquareIsExact()
    {
        var root = Rational.Of(System.Numerics.BigInteger.Pow(3, 101), System.Numerics.BigInteger.Pow(7, 55));
        Assert.Equal(root, F.Sqrt(root * root));
        Assert.Throws<NotExactException>(() => F.Sqrt(root * root + Rational.Of(1, 1000)));
    }

    [Fact]
    public void Sqrt_NonSquareOrNegative()
    {
        Assert.Throws<NotExactException>(() => F.Sqrt(Rational.Of(2)));
        Assert.Throws<NotExactException>(() => F.Sqrt(Rational.Of(4, 3)));
        Assert.Throws<DomainException>(() => F.Sqrt(Rational.Of(-4)));
    }
}
