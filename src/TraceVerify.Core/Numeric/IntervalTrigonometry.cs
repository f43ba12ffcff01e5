namespace TraceVerify.Numeric;

// Rigorous enclosures of sin, cos and tan over an interval [lo, hi].
//
// Idea: on an interval free of critical points sin and cos are monotone, so their range is the hull of the
// endpoint values; the critical points are x = h·π/2 + kπ (h = 1 for sin, 0 for cos), where the value is
// exactly (−1)^k. Each candidate critical point is enclosed with π ∈ [Math.PI, BitIncrement(Math.PI)] and
// directed rounding; whenever that enclosure meets [lo, hi] the point may lie inside and its exact value
// ±1 joins the hull. Including a point that is not inside only widens the result, so the enclosure is
// always guaranteed (never tight by luck). tan is increasing between its poles π/2 + kπ: with no pole
// possibly inside, its range is [tan lo, tan hi]; otherwise the interval may contain a pole and tan is
// undefined there (a DomainException, so the case is discarded, never decided).
// Endpoint values come from libm (glibc's sin/cos/tan are documented within 1 ulp after exact argument
// reduction), widened by TrigWideningUlps on each side; 0 is exact (sin 0 = tan 0 = 0, cos 0 = 1).
// Invariant: every result contains f(x) for every real x in the operand interval.
internal static class IntervalTrigonometry
{
    private const int TrigWideningUlps = 4;

    // Beyond this magnitude endpoints are not evaluated: sin and cos are then enclosed by [−1, 1].
    private const double MaxArgument = 1 << 20;

    private static readonly double PiLo = Math.PI;
    private static readonly double PiHi = Math.BitIncrement(Math.PI);

    public static Interval Sin(Interval a) => SineLike(a, Math.Sin, half: 1);

    public static Interval Cos(Interval a) => SineLike(a, Math.Cos, half: 0);

    public static Interval Tan(Interval a)
    {
        if (a.Lo == 0 && a.Hi == 0) return Interval.Point(0.0);
        if (!Evaluable(a) || MayContain(a, half: 1).Count > 0)
            throw new DomainException($"tan of interval {a}, which may contain a pole of tan");
        return new Interval(Widen(Math.Tan(a.Lo), down: true), Widen(Math.Tan(a.Hi), down: false));
    }

    private static Interval SineLike(Interval a, Func<double, double> f, int half)
    {
        if (a.Lo == 0 && a.Hi == 0) return Interval.Point(f(0.0));
        if (!Evaluable(a)) return new Interval(-1.0, 1.0);
        var lo = Math.Min(Widen(f(a.Lo), down: true), Widen(f(a.Hi), down: true));
        var hi = Math.Max(Widen(f(a.Lo), down: false), Widen(f(a.Hi), down: false));
        foreach (var k in MayContain(a, half))
        {
            if (long.IsEvenInteger(k)) hi = 1.0;
            else lo = -1.0;
        }
        return new Interval(Math.Max(-1.0, lo), Math.Min(1.0, hi));
    }

    // Narrower than 2π and of moderate magnitude: few candidate critical points, accurate endpoint values.
    private static bool Evaluable(Interval a) =>
        Math.Abs(a.Lo) <= MaxArgument && Math.Abs(a.Hi) <= MaxArgument && a.Hi - a.Lo < 6.0;

    // The k whose point (k + half/2)·π may lie in a. Candidates come from a rough quotient with one integer of
    // slack on each side; each is then tested rigorously with its enclosure.
    private static List<long> MayContain(Interval a, int half)
    {
        var offset = half / 2.0;
        var first = (long)Math.Floor(a.Lo / Math.PI - offset) - 1;
        var last = (long)Math.Ceiling(a.Hi / Math.PI - offset) + 1;
        var found = new List<long>();
        for (var k = first; k <= last; k++)
        {
            var m = k + offset;
            var low = Math.Min(DirectedRounding.MultiplyDown(m, PiLo), DirectedRounding.MultiplyDown(m, PiHi));
            var high = Math.Max(DirectedRounding.MultiplyUp(m, PiLo), DirectedRounding.MultiplyUp(m, PiHi));
            if (low <= a.Hi && a.Lo <= high) found.Add(k);
        }
        return found;
    }

    private static double Widen(double value, bool down)
    {
        for (var i = 0; i < TrigWideningUlps; i++) value = down ? Math.BitDecrement(value) : Math.BitIncrement(value);
        return value;
    }
}
