using System.Numerics;
using TraceVerify.Numeric;

namespace TraceVerify.Tests.Numeric;

// Deterministic random rationals spanning many magnitudes, including numerators and denominators far
// beyond 2^53 so that conversion to double is genuinely inexact.
internal sealed class RandomRationals
{
    private readonly Random _random;

    public RandomRationals(int seed) => _random = new Random(seed);

    public Rational Next(int maxDigits = 25)
    {
        var numerator = NextInteger(_random.Next(0, maxDigits + 1));
        if (_random.Next(2) == 0) numerator = -numerator;
        var denominator = NextInteger(_random.Next(0, maxDigits + 1)) + BigInteger.One;
        return Rational.Of(numerator, denominator);
    }

    // A rational in [lo, hi] with a denominator of up to `digits` decimal digits.
    public Rational NextBetween(Rational lo, Rational hi, int digits = 12)
    {
        var scale = BigInteger.Pow(10, digits);
        var k = NextBelow(scale + BigInteger.One);
        return lo + (hi - lo) * Rational.Of(k, scale);
    }

    public int NextInt(int lo, int hi) => _random.Next(lo, hi);

    private BigInteger NextInteger(int digits) => NextBelow(BigInteger.Pow(10, digits));

    // Uniform enough in [0, bound) for test data.
    private BigInteger NextBelow(BigInteger bound)
    {
        var bytes = new byte[bound.GetByteCount() + 4];
        _random.NextBytes(bytes);
        bytes[^1] &= 0x7F;
        return new BigInteger(bytes) % bound;
    }
}
