using TraceVerify.Numeric;

namespace TraceVerify.Tests.Soundness;

// a + bε₁ + cε₂ + dε₁ε₂ with ε₁² = ε₂² = 0 over exact rationals: forward-mode differentiation in one direction
// (Slope, ε₁) and, for a second derivative, in a second one (Slope2, ε₂) with the mixed part (Cross, ε₁ε₂) —
// the oracle's own hyper-dual numbers (they share nothing with the project's Dual). For f at x + sV + tW the
// parts are f, D_V f, D_W f and D_W D_V f = Vᵀ(∇²f)W exactly. Without a second direction Slope2 and Cross
// stay exactly 0 and the arithmetic is the first-order one. A part is null where it is not rational — the
// value of log(u) or exp(u) — and stays null through arithmetic unless an exact zero absorbs it: 0·unknown = 0.
// So the slope of tr(Vᵀ log(AXB)) in X is exact (V's slope is exactly 0) although its value is not.
// Division by a zero value is the caller's to refuse.
internal readonly record struct ExactDual(Rational? Value, Rational? Slope, Rational? Slope2, Rational? Cross)
{
    public static readonly ExactDual Zero = new(Rational.Zero, Rational.Zero);
    public static readonly ExactDual One = new(Rational.One, Rational.Zero);

    // Nothing about it is known (every part null).
    public static readonly ExactDual Unknown = new(null, null, null, null);

    // A first-order dual: no second direction.
    public ExactDual(Rational? value, Rational? slope) : this(value, slope, Rational.Zero, Rational.Zero) { }

    public static ExactDual Constant(Rational value) => new(value, Rational.Zero);

    // Whether every derivative part is exactly 0 (a constant in both directions).
    public bool IsConstant => Slope is { IsZero: true } && Slope2 is { IsZero: true } && Cross is { IsZero: true };

    public static ExactDual operator +(ExactDual a, ExactDual b) => new(a.Value + b.Value, a.Slope + b.Slope, a.Slope2 + b.Slope2, a.Cross + b.Cross);
    public static ExactDual operator -(ExactDual a, ExactDual b) => new(a.Value - b.Value, a.Slope - b.Slope, a.Slope2 - b.Slope2, a.Cross - b.Cross);
    public static ExactDual operator -(ExactDual a) => new(-a.Value, -a.Slope, -a.Slope2, -a.Cross);

    // (a + bε₁ + cε₂ + dε₁ε₂)(a' + b'ε₁ + c'ε₂ + d'ε₁ε₂): the ε₁ε₂ part is ad' + bc' + cb' + da'.
    public static ExactDual operator *(ExactDual a, ExactDual b) => new(
        Times(a.Value, b.Value),
        Times(a.Value, b.Slope) + Times(a.Slope, b.Value),
        Times(a.Value, b.Slope2) + Times(a.Slope2, b.Value),
        Times(a.Value, b.Cross) + Times(a.Slope, b.Slope2) + Times(a.Slope2, b.Slope) + Times(a.Cross, b.Value));

    // a/b = a·(1/b) with 1/(v + sε₁ + tε₂ + cε₁ε₂) = 1/v − s/v² ε₁ − t/v² ε₂ + (2st/v³ − c/v²) ε₁ε₂, for a known v ≠ 0.
    public static ExactDual operator /(ExactDual a, ExactDual b)
    {
        if (b.Value is not { } divisor) return Unknown;
        var inverse = divisor.Reciprocal();
        var square = inverse * inverse;
        var reciprocal = new ExactDual(inverse, -Times(b.Slope, square), -Times(b.Slope2, square),
            Times(Times(Times(b.Slope, b.Slope2), square * inverse), Rational.Of(2, 1)) - Times(b.Cross, square));
        return a * reciprocal;
    }

    internal static Rational? Times(Rational? x, Rational? y) =>
        x is { IsZero: true } || y is { IsZero: true } ? Rational.Zero : x * y;
}
