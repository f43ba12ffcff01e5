using System.Globalization;

namespace TraceVerify.Numeric;

// A closed interval [Lo, Hi] of reals with double endpoints, standing for "the exact value lies in here".
// Invariant: neither endpoint is NaN, Lo <= Hi, Lo < +∞ and Hi > −∞ (so the interval is never empty).
internal readonly record struct Interval
{
    public Interval(double lo, double hi)
    {
        if (double.IsNaN(lo) || double.IsNaN(hi)) throw new ArgumentException("interval endpoint is NaN");
        if (lo > hi) throw new ArgumentException($"interval endpoints out of order: {lo.ToString("R", CultureInfo.InvariantCulture)} > {hi.ToString("R", CultureInfo.InvariantCulture)}");
        if (double.IsPositiveInfinity(lo) || double.IsNegativeInfinity(hi)) throw new ArgumentException("interval contains no real number");
        Lo = lo;
        Hi = hi;
    }

    public double Lo { get; }

    public double Hi { get; }

    public static Interval Point(double value) => new(value, value);

    public bool IsPoint => Lo == Hi;

    // An upper bound on Hi − Lo (rounded up, so a rigorous bound on the uncertainty).
    public double Width => DirectedRounding.AddUp(Hi, -Lo);

    public bool Contains(double value) => Lo <= value && value <= Hi;

    public bool Contains(Rational value) => ExactDouble.Compare(Lo, value) <= 0 && ExactDouble.Compare(Hi, value) >= 0;

    public bool ContainsZero => Lo <= 0 && Hi >= 0;

    public bool Overlaps(Interval other) => Lo <= other.Hi && other.Lo <= Hi;

    public void Deconstruct(out double lo, out double hi)
    {
        lo = Lo;
        hi = Hi;
    }

    public override string ToString() =>
        $"[{Lo.ToString("R", CultureInfo.InvariantCulture)}, {Hi.ToString("R", CultureInfo.InvariantCulture)}]";
}
