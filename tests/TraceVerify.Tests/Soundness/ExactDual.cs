using TraceVerify.Numeric;

namespace TraceVerify.Tests.Soundness;

// a + bε with ε² = 0 over exact rationals: forward-mode differentiation in one direction, the oracle's own
// (it shares nothing with the project's Dual). Division by a zero value is the caller's to refuse.
internal readonly record struct ExactDual(Rational Value, Rational Slope)
{
    public static readonly ExactDual Zero = new(Rational.Zero, Rational.Zero);
    public static readonly ExactDual One = new(Rational.One, Rational.Zero);

    public static ExactDual Constant(Rational value) => new(value, Rational.Zero);

    public static ExactDual operator +(ExactDual a, ExactDual b) => new(a.Value + b.Value, a.Slope + b.Slope);
    public static ExactDual operator -(ExactDual a, ExactDual b) => new(a.Value - b.Value, a.Slope - b.Slope);
    public static ExactDual operator -(ExactDual a) => new(-a.Value, -a.Slope);
    public static ExactDual operator *(ExactDual a, ExactDual b) => new(a.Value * b.Value, a.Value * b.Slope + a.Slope * b.Value);

    // (a/b)' = (a'b − ab')/b², for b ≠ 0.
    public static ExactDual operator /(ExactDual a, ExactDual b) =>
        new(a.Value / b.Value, (a.Slope * b.Value - a.Value * b.Slope) / (b.Value * b.Value));
}
