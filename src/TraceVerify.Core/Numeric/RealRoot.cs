using System.Numerics;

namespace TraceVerify.Numeric;

// The real q-th root of an odd degree q: the unique real r with r^q = x, defined for every real x and
// increasing, with root(−x) = −root(x).
//   Exact: with p/d in lowest terms, root(p/d) is rational iff |p| and d are perfect q-th powers (a rational
//     r = a/b in lowest terms has r^q = a^q/b^q in lowest terms); integer roots by Newton's iteration.
//   Directed: a double estimate (Math.Cbrt / Math.Pow, a few ulps off) is stepped one ulp at a time until
//     the exact rational comparison of r^q with x proves it a lower (Down) or upper (Up) bound, so the
//     bounds are rigorous whatever the libm's accuracy; then stepped back while the neighbour still bounds, so
//     Down and Up are the two doubles around the root (equal, and exact, where the root is a double).
internal static class RealRoot
{
    // The largest odd degree the language admits (the binder refuses larger ones with TV0232).
    public const int MaxDegree = 63;

    public static bool IsOddDegree(int degree) => degree >= 3 && degree % 2 == 1 && degree <= MaxDegree;

    // root(a) when it is rational, else null.
    public static Rational? Exact(Rational a, int degree)
    {
        Check(degree);
        if (a.IsZero) return Rational.Zero;
        var p = IntegerRoot(BigInteger.Abs(a.Numerator), degree);
        var d = IntegerRoot(a.Denominator, degree);
        if (p is not { } top || d is not { } bottom) return null;
        return Rational.Of(a.Sign < 0 ? -top : top, bottom);
    }

    // The largest double ≤ root(x) that the exact comparison certifies (equal to root(x) when that is a double).
    public static double Down(double x, int degree)
    {
        Check(degree);
        if (x == 0 || double.IsInfinity(x) || double.IsNaN(x)) return x;
        if (x < 0) return -Up(-x, degree);
        var target = ExactDouble.ToRational(x);
        var r = Estimate(x, degree);
        while (Power(r, degree) > target) r = Math.BitDecrement(r);
        while (Power(Math.BitIncrement(r), degree) <= target) r = Math.BitIncrement(r);
        return Math.Max(r, 0.0);
    }

    // The smallest double ≥ root(x) that the exact comparison certifies.
    public static double Up(double x, int degree)
    {
        Check(degree);
        if (x == 0 || double.IsInfinity(x) || double.IsNaN(x)) return x;
        if (x < 0) return -Down(-x, degree);
        var target = ExactDouble.ToRational(x);
        var r = Estimate(x, degree);
        while (Power(r, degree) < target) r = Math.BitIncrement(r);
        while (r > 0 && Power(Math.BitDecrement(r), degree) >= target) r = Math.BitDecrement(r);
        return r;
    }

    private static double Estimate(double x, int degree)
    {
        var r = degree == 3 ? Math.Cbrt(x) : Math.Pow(x, 1.0 / degree);
        return double.IsFinite(r) && r > 0 ? r : double.Epsilon;
    }

    private static Rational Power(double r, int degree) => ExactDouble.ToRational(r).Pow(degree);

    // The q-th root of n ≥ 0 when n is a perfect q-th power, else null: Newton's iteration for
    // floor(n^(1/q)) from an over-estimate decreases monotonically to the floor. The over-estimate is the
    // double root raised by a relative 1e-9 (far above its error) for n of at most 1000 bits, else 2^⌈bits/q⌉⁺¹.
    private static BigInteger? IntegerRoot(BigInteger n, int degree)
    {
        if (n.Sign == 0 || n.IsOne) return n;
        var bits = n.GetBitLength();
        var x = bits <= 1000
            ? new BigInteger(Math.Pow((double)n, 1.0 / degree) * (1 + 1e-9)) + 2
            : BigInteger.One << (int)((bits + degree - 1) / degree + 1);
        while (true)
        {
            var next = ((degree - 1) * x + n / BigInteger.Pow(x, degree - 1)) / degree;
            if (next >= x) break;
            x = next;
        }
        return BigInteger.Pow(x, degree) == n ? x : null;
    }

    private static void Check(int degree)
    {
        if (!IsOddDegree(degree)) throw new ArgumentOutOfRangeException(nameof(degree), degree, $"an odd root has an odd degree from 3 to {MaxDegree}");
    }
}
