namespace TraceVerify.Numeric;

// Directed rounding on top of the hardware's round-to-nearest. For +, ×, 1/x and sqrt the
// round-to-nearest result r has |r − exact| <= ½ ulp, so the exact value lies in
// [BitDecrement(r), BitIncrement(r)]. Error-free transformations (Fast2Sum, FMA residuals) reveal
// on which side of r the exact value lies, so only that side is widened and exact results stay exact.
//
// Infinite operands are treated as the limits they stand for (∞ + x = ∞, 0·∞ = 0 inside an interval
// product, 1/∞ = 0); an overflow of finite operands is finite in truth, so its infinite rounding is
// pulled back to ±MaxValue on the side that needs a finite bound.
internal static class DirectedRounding
{
    // Below this magnitude FMA residuals may underflow, and the sign test is not trusted.
    private static readonly double ResidualSafeMagnitude = Math.ScaleB(1.0, -900);

    public static double AddDown(double x, double y) => Add(x, y, down: true);

    public static double AddUp(double x, double y) => Add(x, y, down: false);

    public static double MultiplyDown(double x, double y) => Multiply(x, y, down: true);

    public static double MultiplyUp(double x, double y) => Multiply(x, y, down: false);

    public static double ReciprocalDown(double x) => Reciprocal(x, down: true);

    public static double ReciprocalUp(double x) => Reciprocal(x, down: false);

    public static double SqrtDown(double x) => Sqrt(x, down: true);

    public static double SqrtUp(double x) => Sqrt(x, down: false);

    // Rounds r, whose exact counterpart differs from it by an error of sign errorSign, in the requested direction.
    private static double Resolve(double r, int errorSign, bool down) =>
        down
            ? errorSign < 0 ? Math.BitDecrement(r) : r
            : errorSign > 0 ? Math.BitIncrement(r) : r;

    private static double Widen(double r, bool down) => down ? Math.BitDecrement(r) : Math.BitIncrement(r);

    private static double Add(double x, double y, bool down)
    {
        var s = x + y;
        if (!double.IsFinite(s))
            return double.IsFinite(x) && double.IsFinite(y) ? Widen(s, down) : s;
        // Fast2Sum (Dekker): with |a| >= |b| and no overflow, s + e = a + b exactly.
        var (a, b) = Math.Abs(x) >= Math.Abs(y) ? (x, y) : (y, x);
        var e = b - (s - a);
        return Resolve(s, Math.Sign(e), down);
    }

    private static double Multiply(double x, double y, bool down)
    {
        if (x == 0 || y == 0) return 0.0;
        var p = x * y;
        if (!double.IsFinite(p))
            return double.IsFinite(x) && double.IsFinite(y) ? Widen(p, down) : p;
        if (Math.Abs(p) < ResidualSafeMagnitude) return Widen(p, down);
        // fma rounds x·y − p once; a non-zero exact residual of a product this large cannot
        // round to zero, so the sign of the rounded residual is the sign of the exact error.
        var e = Math.FusedMultiplyAdd(x, y, -p);
        return Resolve(p, Math.Sign(e), down);
    }

    private static double Reciprocal(double x, bool down)
    {
        if (double.IsInfinity(x)) return 0.0;
        var q = 1.0 / x;
        if (!double.IsFinite(q)) return Widen(q, down);
        // 1/x − q = (1 − q·x)/x, so the error has the sign of the residual times the sign of x.
        // The exact residual is a multiple of ulp(q)·ulp(x) >= 2^-106 (also when q is subnormal),
        // so a non-zero residual never rounds to zero and its sign is trustworthy.
        var residual = Math.FusedMultiplyAdd(-q, x, 1.0);
        return Resolve(q, Math.Sign(residual) * Math.Sign(x), down);
    }

    private static double Sqrt(double x, bool down)
    {
        // IEEE 754 square root is correctly rounded.
        var s = Math.Sqrt(x);
        if (x == 0 || double.IsPositiveInfinity(x)) return s;
        if (x < ResidualSafeMagnitude) return down ? Math.Max(0.0, Math.BitDecrement(s)) : Math.BitIncrement(s);
        // sqrt(x) − s has the opposite sign of s² − x.
        var e = Math.FusedMultiplyAdd(s, s, -x);
        return Resolve(s, -Math.Sign(e), down);
    }
}
