using System.Globalization;
using System.Numerics;

namespace TraceVerify.Numeric;

// An exact rational p/q: q > 0 and gcd(|p|, q) = 1, so equal values have equal representations.
//
// Two representations, one value set: a value whose reduced parts fit in 64 bits (p ≠ long.MinValue) is
// always stored small (two longs, no allocation); only a value that does not fit carries a BigInteger pair.
// Fuzzing lives almost entirely in the small range, so its arithmetic is 128-bit integer arithmetic
// (products of two 64-bit parts cannot overflow Int128) followed by one gcd; a result that does not fit
// falls back to BigInteger exactly. default(Rational) is 0 (the small denominator is stored minus one).
internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly long _numerator;
    private readonly long _denominatorMinusOne;
    private readonly Big? _big;

    private sealed class Big(BigInteger numerator, BigInteger denominator)
    {
        public BigInteger Numerator { get; } = numerator;
        public BigInteger Denominator { get; } = denominator;
    }

    public static readonly Rational Zero = default;
    public static readonly Rational One = new(1, 1);
    public static readonly Rational MinusOne = new(-1, 1);

    // Small form; the caller guarantees the invariant (reduced, denominator ≥ 1, numerator ≠ long.MinValue).
    private Rational(long numerator, long denominator)
    {
        _numerator = numerator;
        _denominatorMinusOne = denominator - 1;
        _big = null;
    }

    // Large form; the caller guarantees the value does not fit the small form.
    private Rational(Big big)
    {
        _numerator = 0;
        _denominatorMinusOne = 0;
        _big = big;
    }

    // Both parts fit in 64 bits (the representation without BigIntegers).
    public bool IsSmall => _big is null;

    // Bits of numerator and denominator together (at most 128 for a small value).
    public long BitLength => _big is null ? 128 : _big.Numerator.GetBitLength() + _big.Denominator.GetBitLength();

    public BigInteger Numerator => _big?.Numerator ?? _numerator;
    public BigInteger Denominator => _big?.Denominator ?? SmallDenominator;

    private long SmallDenominator => _denominatorMinusOne + 1;

    public static Rational Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("rational with zero denominator");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        if (numerator.IsZero) return Zero;
        return FromReduced(numerator, denominator);
    }

    public static Rational Of(long numerator, long denominator) => OfWide(numerator, denominator);

    public static Rational Of(long value) => value == long.MinValue ? FromReduced(value, BigInteger.One) : new Rational(value, 1);

    private static Rational FromReduced(BigInteger numerator, BigInteger denominator) =>
        numerator > long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue
            ? new Rational((long)numerator, (long)denominator)
            : new Rational(new Big(numerator, denominator));

    // p/q from 128-bit parts (q ≠ 0): reduced by one gcd, small when it fits.
    private static Rational OfWide(Int128 numerator, Int128 denominator)
    {
        if (denominator == Int128.Zero) throw new DivideByZeroException("rational with zero denominator");
        if (numerator == Int128.Zero) return Zero;
        if (numerator == Int128.MinValue || denominator == Int128.MinValue) return Of((BigInteger)numerator, (BigInteger)denominator);
        if (denominator < Int128.Zero) { numerator = -numerator; denominator = -denominator; }
        var g = Gcd(numerator < Int128.Zero ? (UInt128)(-numerator) : (UInt128)numerator, (UInt128)denominator);
        if (g != UInt128.One) { numerator /= (Int128)g; denominator /= (Int128)g; }
        return numerator > long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue
            ? new Rational((long)numerator, (long)denominator)
            : new Rational(new Big((BigInteger)numerator, (BigInteger)denominator));
    }

    private static UInt128 Gcd(UInt128 a, UInt128 b)
    {
        // Euclid on 64-bit words once both fit: the common case, and much cheaper than 128-bit division.
        while (b != UInt128.Zero)
        {
            if (a <= ulong.MaxValue && b <= ulong.MaxValue) return Gcd((ulong)a, (ulong)b);
            (a, b) = (b, a % b);
        }
        return a;
    }

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    public static implicit operator Rational(int value) => new(value, 1);

    public bool IsZero => _big is null && _numerator == 0;
    public bool IsOne => _big is null && _numerator == 1 && _denominatorMinusOne == 0;
    public bool IsInteger => _big is null ? _denominatorMinusOne == 0 : _big.Denominator.IsOne;
    public int Sign => _big is null ? Math.Sign(_numerator) : _big.Numerator.Sign;

    public static Rational operator +(Rational a, Rational b)
    {
        if (a._big is not null || b._big is not null) return Of(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
        if (a._denominatorMinusOne == 0 && b._denominatorMinusOne == 0)
        {
            var sum = unchecked(a._numerator + b._numerator);
            // No overflow unless both operands have one sign and the sum the other.
            if (((a._numerator ^ sum) & (b._numerator ^ sum)) >= 0 && sum != long.MinValue) return new Rational(sum, 1);
        }
        long ad = a.SmallDenominator, bd = b.SmallDenominator;
        return OfWide(((Int128)a._numerator * bd) + ((Int128)b._numerator * ad), (Int128)ad * bd);
    }

    public static Rational operator -(Rational a, Rational b) => a + (-b);

    public static Rational operator -(Rational a) => a._big is null
        ? new Rational(-a._numerator, a.SmallDenominator)
        : FromReduced(-a._big.Numerator, a._big.Denominator);

    public static Rational operator *(Rational a, Rational b)
    {
        if (a._big is not null || b._big is not null) return Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
        if (a._denominatorMinusOne == 0 && b._denominatorMinusOne == 0)
        {
            var high = Math.BigMul(a._numerator, b._numerator, out var low);
            // The 128-bit product fits in 64 bits when its high word is the sign extension of its low word.
            if (high == (low >> 63) && low != long.MinValue) return new Rational(low, 1);
        }
        return OfWide((Int128)a._numerator * b._numerator, (Int128)a.SmallDenominator * b.SmallDenominator);
    }

    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero) throw new DivideByZeroException("rational with zero denominator");
        return a * b.Reciprocal();
    }

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public Rational Reciprocal()
    {
        if (_big is not null) return Of(_big.Denominator, _big.Numerator);
        if (_numerator == 0) throw new DivideByZeroException("rational with zero denominator");
        var d = SmallDenominator;
        return _numerator < 0 ? new Rational(-d, -_numerator) : new Rational(d, _numerator);
    }

    public Rational Abs() => Sign < 0 ? -this : this;

    public Rational Pow(int exponent)
    {
        if (exponent < 0) return Reciprocal().Pow(-exponent);
        return Of(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent));
    }

    public double ToDouble() => (double)Numerator / (double)Denominator is var d && double.IsFinite(d)
        ? d
        : Math.Exp(BigInteger.Log(BigInteger.Abs(Numerator)) - BigInteger.Log(Denominator)) * Sign;

    // Representations are unique, so equal values have equal fields (and a small value never equals a large one).
    public bool Equals(Rational other) => _big is null
        ? other._big is null && _numerator == other._numerator && _denominatorMinusOne == other._denominatorMinusOne
        : other._big is not null && _big.Numerator == other._big.Numerator && _big.Denominator == other._big.Denominator;

    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    public override int GetHashCode() => _big is null
        ? HashCode.Combine(_numerator, _denominatorMinusOne)
        : HashCode.Combine(_big.Numerator, _big.Denominator);

    public int CompareTo(Rational other) => _big is null && other._big is null
        ? ((Int128)_numerator * other.SmallDenominator).CompareTo((Int128)other._numerator * SmallDenominator)
        : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public override string ToString() => IsInteger
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    // Decimal literal "0.25" or integer "12" → exact value.
    public static Rational ParseDecimal(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0) return Of(BigInteger.Parse(text, CultureInfo.InvariantCulture), BigInteger.One);
        var digits = text.Remove(dot, 1);
        var scale = BigInteger.Pow(10, text.Length - dot - 1);
        return Of(BigInteger.Parse(digits, CultureInfo.InvariantCulture), scale);
    }
}
