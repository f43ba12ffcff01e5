namespace TraceVerify.Numeric;

// Rigorous interval arithmetic: every result encloses the exact result for every choice of exact
// operands inside the operand intervals. Endpoints are rounded outward (see DirectedRounding).
internal sealed class IntervalField : IScalarField<Interval>
{
    // Math.Log / Math.Exp call the C runtime on x64 (glibc, UCRT), whose documented accuracy for
    // log and exp is below 1 ulp. They are not correctly rounded, so the result is assumed to be
    // within 1 ulp of the exact value and widened by 2 ulps on each side for margin.
    private const int LibmWideningUlps = 2;

    public static IntervalField Instance { get; } = new();

    private IntervalField()
    {
    }

    public string Name => "interval";

    public Interval Zero => Interval.Point(0.0);

    public Interval One => Interval.Point(1.0);

    public bool IsExact => false;

    // The tightest enclosure: a point when the rational is a double, else its two neighbouring doubles.
    public Interval FromRational(Rational value) => new(ExactDouble.Floor(value), ExactDouble.Ceiling(value));

    public Interval Add(Interval a, Interval b) =>
        new(DirectedRounding.AddDown(a.Lo, b.Lo), DirectedRounding.AddUp(a.Hi, b.Hi));

    public Interval Subtract(Interval a, Interval b) =>
        new(DirectedRounding.AddDown(a.Lo, -b.Hi), DirectedRounding.AddUp(a.Hi, -b.Lo));

    public Interval Negate(Interval a) => new(-a.Hi, -a.Lo);

    // x·y over a box attains its extremes at corners, so the hull of the four corner products suffices.
    public Interval Multiply(Interval a, Interval b)
    {
        var lo = Math.Min(
            Math.Min(DirectedRounding.MultiplyDown(a.Lo, b.Lo), DirectedRounding.MultiplyDown(a.Lo, b.Hi)),
            Math.Min(DirectedRounding.MultiplyDown(a.Hi, b.Lo), DirectedRounding.MultiplyDown(a.Hi, b.Hi)));
        var hi = Math.Max(
            Math.Max(DirectedRounding.MultiplyUp(a.Lo, b.Lo), DirectedRounding.MultiplyUp(a.Lo, b.Hi)),
            Math.Max(DirectedRounding.MultiplyUp(a.Hi, b.Lo), DirectedRounding.MultiplyUp(a.Hi, b.Hi)));
        return new Interval(lo, hi);
    }

    // 1/x is decreasing on each half-line, so on an interval excluding zero it maps [lo, hi] to [1/hi, 1/lo].
    public Interval Reciprocal(Interval a)
    {
        if (a.ContainsZero) throw new DomainException($"reciprocal of interval {a}, which may be zero");
        return new Interval(DirectedRounding.ReciprocalDown(a.Hi), DirectedRounding.ReciprocalUp(a.Lo));
    }

    // log is increasing; log x >= 0 iff x >= 1 is used to keep the sign exact, and log 1 = 0 exactly.
    public Interval Log(Interval a)
    {
        if (a.Lo <= 0) throw new DomainException($"log of interval {a}, which is not certainly positive");
        var lo = a.Lo == 1.0 ? 0.0 : WidenDown(Math.Log(a.Lo));
        var hi = a.Hi == 1.0 ? 0.0 : WidenUp(Math.Log(a.Hi));
        if (a.Lo >= 1.0) lo = Math.Max(lo, 0.0);
        if (a.Hi <= 1.0) hi = Math.Min(hi, 0.0);
        return new Interval(lo, hi);
    }

    // exp is increasing and positive; exp x >= 1 iff x >= 0, and exp 0 = 1 exactly.
    public Interval Exp(Interval a)
    {
        var lo = a.Lo == 0.0 ? 1.0 : Math.Max(0.0, WidenDown(Math.Exp(a.Lo)));
        var hi = a.Hi == 0.0 ? 1.0 : WidenUp(Math.Exp(a.Hi));
        if (a.Lo >= 0.0) lo = Math.Max(lo, 1.0);
        if (a.Hi <= 0.0) hi = Math.Min(hi, 1.0);
        return new Interval(lo, hi);
    }

    // sqrt is increasing on [0, ∞).
    public Interval Sqrt(Interval a)
    {
        if (a.Lo < 0) throw new DomainException($"square root of interval {a}, which may be negative");
        return new Interval(DirectedRounding.SqrtDown(a.Lo), DirectedRounding.SqrtUp(a.Hi));
    }

    public Interval Sin(Interval a) => IntervalTrigonometry.Sin(a);

    public Interval Cos(Interval a) => IntervalTrigonometry.Cos(a);

    public Interval Tan(Interval a) => IntervalTrigonometry.Tan(a);

    // An odd root is increasing on all of ℝ, so [lo, hi] maps to [root(lo), root(hi)], each endpoint rounded
    // outward by RealRoot's exact check; correct for negative endpoints and across 0 alike.
    public Interval Root(Interval a, int degree) => new(RealRoot.Down(a.Lo, degree), RealRoot.Up(a.Hi, degree));

    // |x| is decreasing on (−∞, 0] and increasing on [0, ∞); on an interval across 0 its least value is 0.
    public Interval Abs(Interval a) =>
        a.Lo >= 0 ? a : a.Hi <= 0 ? Negate(a) : new Interval(0.0, Math.Max(-a.Lo, a.Hi));

    private static double WidenDown(double value)
    {
        for (var i = 0; i < LibmWideningUlps; i++) value = Math.BitDecrement(value);
        return value;
    }

    private static double WidenUp(double value)
    {
        for (var i = 0; i < LibmWideningUlps; i++) value = Math.BitIncrement(value);
        return value;
    }
}
