using System.Numerics;
using TraceVerify.Numeric;

namespace TraceVerify.Tests.Numeric;

// Reference values for ln and exp computed independently of the C runtime: truncated Taylor series in
// fixed point with scale 2^Bits, returned as a rational interval [Lower, Upper] that provably contains the
// true value (per-term truncation error < 1 unit each, plus an explicit bound on the series tail).
internal static class HighPrecision
{
    private const int Bits = 200;

    private static readonly BigInteger Scale = BigInteger.One << Bits;

    // ln x = m·ln 2 + ln r with r = x/2^m in [3/4, 3/2], so the series below converges quickly.
    public static (Rational Lower, Rational Upper) Ln(Rational x)
    {
        if (x.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(x), x, "reference ln needs x > 0");
        var m = 0;
        var r = x;
        var two = Rational.Of(2);
        while (r > Rational.Of(3, 2)) { r /= two; m++; }
        while (r < Rational.Of(3, 4)) { r *= two; m--; }
        var (rLower, rUpper) = LnNearOne(r);
        if (m == 0) return (rLower, rUpper);
        var (ln2Lower, ln2Upper) = LnNearOne(two);
        var mr = Rational.Of(m);
        return m > 0
            ? (rLower + mr * ln2Lower, rUpper + mr * ln2Upper)
            : (rLower + mr * ln2Upper, rUpper + mr * ln2Lower);
    }

    // ln x = 2·atanh(y) = 2·Σ_{k>=0} y^(2k+1)/(2k+1) with y = (x−1)/(x+1) = a/b; the tail after the last
    // summed term is at most |y|^(2N+3)/(1−y²), where y^(2N+3) is the first unsummed power.
    private static (Rational Lower, Rational Upper) LnNearOne(Rational x)
    {
        var y = (x - Rational.One) / (x + Rational.One);
        var a = y.Numerator;
        var b = y.Denominator;
        var a2 = a * a;
        var b2 = b * b;
        BigInteger powerA = a, powerB = b;
        var sum = BigInteger.Zero;
        var terms = 0;
        for (var k = 0; ; k++)
        {
            sum += powerA * Scale / (powerB * (2 * k + 1));
            terms++;
            powerA *= a2;
            powerB *= b2;
            if ((BigInteger.Abs(powerA) << (Bits + 8)) < powerB) break;
        }

        var tail = Rational.Of(BigInteger.Abs(powerA), powerB) / (Rational.One - y * y);
        var center = Rational.Of(sum, Scale);
        var radius = Rational.Of(terms, Scale) + tail;
        var two = Rational.Of(2);
        return (two * (center - radius), two * (center + radius));
    }

    // exp x = Σ x^k/k! with x = a/b; once |x|/(k+1) <= 1/2 the tail from the first unsummed term t_k on
    // is a geometric series bounded by 2|t_k|.
    public static (Rational Lower, Rational Upper) Exp(Rational x)
    {
        if (x.Abs() > Rational.Of(60)) throw new ArgumentOutOfRangeException(nameof(x), x, "reference exp only for |x| <= 60");
        var a = x.Numerator;
        var b = x.Denominator;
        var absA = BigInteger.Abs(a);
        BigInteger termA = BigInteger.One, termB = BigInteger.One;
        var sum = BigInteger.Zero;
        var terms = 0;
        for (var k = 1; ; k++)
        {
            sum += termA * Scale / termB;
            terms++;
            termA *= a;
            termB *= b * k;
            var ratioSmall = 2 * absA <= b * (k + 1);
            if (ratioSmall && (BigInteger.Abs(termA) << (Bits + 8)) < termB) break;
        }

        var center = Rational.Of(sum, Scale);
        var tail = Rational.Of(2 * BigInteger.Abs(termA), termB);
        var radius = Rational.Of(terms, Scale) + tail;
        return (center - radius, center + radius);
    }
}
