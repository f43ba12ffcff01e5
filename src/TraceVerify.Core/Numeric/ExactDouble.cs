using System.Numerics;

namespace TraceVerify.Numeric;

// Exact conversions between finite doubles and rationals. Every finite double is m·2^e with
// integer m, so it has an exact rational value; a rational generally lies strictly between
// two adjacent doubles, and the conversions below name those neighbours exactly.
internal static class ExactDouble
{
    // The exact value of a finite double.
    public static Rational ToRational(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "not a finite double");
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biasedExponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        // Subnormals: fraction·2^-1074; normals: (2^52 + fraction)·2^(biasedExponent-1075).
        var mantissa = biasedExponent == 0 ? fraction : fraction | (1L << 52);
        var exponent = biasedExponent == 0 ? -1074 : biasedExponent - 1075;
        BigInteger m = value < 0 ? -mantissa : mantissa;
        return exponent >= 0
            ? Rational.Of(m << exponent, BigInteger.One)
            : Rational.Of(m, BigInteger.One << -exponent);
    }

    // Exact comparison of a double (possibly ±∞) with a rational.
    public static int Compare(double value, Rational r)
    {
        if (double.IsPositiveInfinity(value)) return 1;
        if (double.IsNegativeInfinity(value)) return -1;
        return ToRational(value).CompareTo(r);
    }

    // The largest double <= r (−∞ if r is below −MaxValue).
    public static double Floor(Rational r)
    {
        var d = Approximate(r);
        while (Compare(d, r) > 0) d = Math.BitDecrement(d);
        while (!double.IsPositiveInfinity(d) && Compare(Math.BitIncrement(d), r) <= 0) d = Math.BitIncrement(d);
        return d;
    }

    // The smallest double >= r (+∞ if r is above MaxValue).
    public static double Ceiling(Rational r)
    {
        var d = Approximate(r);
        while (Compare(d, r) < 0) d = Math.BitIncrement(d);
        while (!double.IsNegativeInfinity(d) && Compare(Math.BitDecrement(d), r) >= 0) d = Math.BitDecrement(d);
        return d;
    }

    // A double within a few ulps of r even when numerator and denominator individually overflow a
    // double: the quotient is formed as a ~64-bit integer q ≈ |p|·2^k/d, then scaled by 2^-k.
    // Floor/Ceiling only use it as a starting point, so its accuracy affects speed, never correctness.
    private static double Approximate(Rational r)
    {
        if (r.IsZero) return 0.0;
        var p = BigInteger.Abs(r.Numerator);
        var d = r.Denominator;
        var k = 64 - (int)(p.GetBitLength() - d.GetBitLength());
        var q = k >= 0 ? (p << k) / d : p / (d << -k);
        var magnitude = Math.ScaleB((double)q, -k);
        return r.Sign < 0 ? -magnitude : magnitude;
    }
}
