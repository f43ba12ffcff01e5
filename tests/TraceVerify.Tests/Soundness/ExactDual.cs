using TraceVerify.Numeric;

namespace TraceVerify.Tests.Soundness;

// a + bε with ε² = 0 over exact rationals: forward-mode differentiation in one direction, the oracle's own
// (it shares nothing with the project's Dual). A part is null where it is not rational — the value of log(u)
// or exp(u) — and stays null through arithmetic unless an exact zero absorbs it: 0·unknown = 0. So the slope
// of tr(Vᵀ log(AXB)) in X is exact (V's slope is exactly 0) although its value is not.
// Division by a zero value is the caller's to refuse.
internal readonly record struct ExactDual(Rational? Value, Rational? Slope)
{
    public static readonly ExactDual Zero = new(Rational.Zero, Rational.Zero);
    public static readonly ExactDual One = new(Rational.One, Rational.Zero);

    public static ExactDual Constant(Rational value) => new(value, Rational.Zero);

    public static ExactDual operator +(ExactDual a, ExactDual b) => new(a.Value + b.Value, a.Slope + b.Slope);
    public static ExactDual operator -(ExactDual a, ExactDual b) => new(a.Value - b.Value, a.Slope - b.Slope);
    public static ExactDual operator -(ExactDual a) => new(-a.Value, -a.Slope);
    public static ExactDual operator *(ExactDual a, ExactDual b) => new(Times(a.Value, b.Value), Times(a.Value, b.Slope) + Times(a.Slope, b.Value));

    // (a/b)' = (a'b − ab')/b², for a known b ≠ 0.
    public static ExactDual operator /(ExactDual a, ExactDual b)
    {
        if (b.Value is not { } divisor) return new ExactDual(null, null);
        return new(Times(a.Value, divisor.Reciprocal()), Times(Times(a.Slope, divisor) - Times(a.Value, b.Slope), (divisor * divisor).Reciprocal()));
    }

    private static Rational? Times(Rational? x, Rational? y) =>
        x is { IsZero: true } || y is { IsZero: true } ? Rational.Zero : x * y;
}
