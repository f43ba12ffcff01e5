using System.Numerics;

namespace TraceVerify.Numeric;

// Exact arithmetic over Q. Transcendental operations succeed only at the points where Q is closed
// under them (log 1, exp 0, square roots of squares); everywhere else they refuse rather than round.
internal sealed class RationalField : IScalarField<Rational>
{
    public static RationalField Instance { get; } = new();

    private RationalField()
    {
    }

    public string Name => "rational";

    public Rational Zero => Rational.Zero;

    public Rational One => Rational.One;

    public bool IsExact => true;

    public Rational FromRational(Rational value) => value;

    public Rational Add(Rational a, Rational b) => a + b;

    public Rational Subtract(Rational a, Rational b) => a - b;

    // Exact values beyond this many bits (numerator and denominator together) are not evaluated: a nested power
    // such as ((s^1000)^1000)^1000 would need gigabytes and minutes for one product. Such a case is outside the
    // evaluable range (a DomainException, so fuzzing discards it), which costs evidence, never soundness.
    public const long MaxBits = 1_000_000;

    public Rational Multiply(Rational a, Rational b) => a.IsSmall && b.IsSmall ? a * b : MultiplyLarge(a, b);

    private static Rational MultiplyLarge(Rational a, Rational b)
    {
        if (a.BitLength + b.BitLength > MaxBits) throw new DomainException($"exact value too large to evaluate (a product of more than {MaxBits} bits)");
        return a * b;
    }

    public Rational Negate(Rational a) => -a;

    public Rational Reciprocal(Rational a)
    {
        if (a.IsZero) throw new DomainException("reciprocal of zero");
        return a.Reciprocal();
    }

    // log q is rational only for q = 1 (Lindemann–Weierstrass: e^r is irrational for rational r ≠ 0).
    public Rational Log(Rational a)
    {
        if (a.Sign <= 0) throw new DomainException($"log of non-positive value {a}");
        if (a.IsOne) return Rational.Zero;
        throw new NotExactException($"log({a}) is irrational");
    }

    // e^r is rational only for r = 0.
    public Rational Exp(Rational a)
    {
        if (a.IsZero) return Rational.One;
        throw new NotExactException($"exp({a}) is irrational");
    }

    // With p/q in lowest terms, sqrt(p/q) is rational iff p and q are both perfect squares.
    public Rational Sqrt(Rational a)
    {
        if (a.Sign < 0) throw new DomainException($"square root of negative value {a}");
        var p = IntegerSqrt(a.Numerator);
        var q = IntegerSqrt(a.Denominator);
        if (p * p != a.Numerator || q * q != a.Denominator)
            throw new NotExactException($"sqrt({a}) is irrational");
        return Rational.Of(p, q);
    }

    // sin r, cos r and tan r are irrational for rational r ≠ 0 (Lindemann: e^(ir) is transcendental).
    public Rational Sin(Rational a) => a.IsZero ? Rational.Zero : throw new NotExactException($"sin({a}) is irrational");

    public Rational Cos(Rational a) => a.IsZero ? Rational.One : throw new NotExactException($"cos({a}) is irrational");

    // cos r ≠ 0 for every rational r (π/2 is irrational), so tan is defined at every rational.
    public Rational Tan(Rational a) => a.IsZero ? Rational.Zero : throw new NotExactException($"tan({a}) is irrational");

    public Rational Abs(Rational a) => a.Sign < 0 ? -a : a;

    // Rational exactly when numerator and denominator are perfect powers of the degree (RealRoot.Exact).
    public Rational Root(Rational a, int degree) =>
        RealRoot.Exact(a, degree) ?? throw new NotExactException($"the real root of degree {degree} of {a} is irrational");

    // floor(sqrt(n)) for n >= 0 by Newton's iteration from an over-estimate; the iterates decrease
    // monotonically to the floor, so the loop stops at the first non-decrease.
    private static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.Sign <= 0) return BigInteger.Zero;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + n / x) >> 1;
            if (next >= x) return x;
            x = next;
        }
    }
}
