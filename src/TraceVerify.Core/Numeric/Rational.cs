using System.Globalization;
using System.Numerics;

namespace TraceVerify.Numeric;

// An exact rational p/q: q > 0 and gcd(|p|, q) = 1, so equal values have equal representations.
internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One, normalized: true);
    public static readonly Rational One = new(BigInteger.One, BigInteger.One, normalized: true);
    public static readonly Rational MinusOne = new(BigInteger.MinusOne, BigInteger.One, normalized: true);

    private Rational(BigInteger numerator, BigInteger denominator, bool normalized)
    {
        _ = normalized;
        Numerator = numerator;
        Denominator = denominator;
    }

    public static Rational Of(BigInteger numerator, BigInteger denominator)
    {
        if (numerator >= long.MinValue + 1 && numerator <= long.MaxValue && denominator >= long.MinValue + 1 && denominator <= long.MaxValue)
            return OfSmall((long)numerator, (long)denominator);
        if (denominator.IsZero) throw new DivideByZeroException("rational with zero denominator");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        if (numerator.IsZero) denominator = BigInteger.One;
        return new Rational(numerator, denominator, normalized: true);
    }

    public static Rational Of(long value) => new(value, BigInteger.One, normalized: true);

    // The common case of fuzzing: parts that fit in 64 bits, normalized without BigInteger division.
    private static Rational OfSmall(long numerator, long denominator)
    {
        if (denominator == 0) throw new DivideByZeroException("rational with zero denominator");
        if (denominator < 0) { numerator = -numerator; denominator = -denominator; }
        if (numerator == 0) return Zero;
        var g = Gcd(Math.Abs(numerator), denominator);
        return g == 1
            ? new Rational(numerator, denominator, normalized: true)
            : new Rational(numerator / g, denominator / g, normalized: true);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    private bool IsSmall => Numerator >= int.MinValue && Numerator <= int.MaxValue && Denominator <= int.MaxValue;

    public static implicit operator Rational(int value) => Of(value);

    public bool IsZero => Numerator.IsZero;
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;
    public bool IsInteger => Denominator.IsOne;
    public int Sign => Numerator.Sign;

    public static Rational operator +(Rational a, Rational b) =>
        a.IsSmall && b.IsSmall
            ? OfSmall(((long)a.Numerator * (long)b.Denominator) + ((long)b.Numerator * (long)a.Denominator), (long)a.Denominator * (long)b.Denominator)
            : a.Denominator == b.Denominator
            ? Of(a.Numerator + b.Numerator, a.Denominator)
            : Of(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a, Rational b) => a + (-b);
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator, normalized: true);
    public static Rational operator *(Rational a, Rational b) =>
        a.IsSmall && b.IsSmall
            ? OfSmall((long)a.Numerator * (long)b.Numerator, (long)a.Denominator * (long)b.Denominator)
            : Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static Rational operator /(Rational a, Rational b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public Rational Reciprocal() => Of(Denominator, Numerator);
    public Rational Abs() => Sign < 0 ? -this : this;

    public Rational Pow(int exponent)
    {
        if (exponent < 0) return Reciprocal().Pow(-exponent);
        return Of(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent));
    }

    public double ToDouble() => (double)Numerator / (double)Denominator is var d && double.IsFinite(d)
        ? d
        : Math.Exp(BigInteger.Log(BigInteger.Abs(Numerator)) - BigInteger.Log(Denominator)) * Sign;

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public override string ToString() => Denominator.IsOne
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
