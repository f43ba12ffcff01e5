namespace TraceVerify.Numeric;

// The operations a matrix-expression evaluator needs from a scalar type. Implementations either
// compute exactly (IsExact) or return a rigorous enclosure; neither ever silently approximates.
internal interface IScalarField<T>
{
    string Name { get; }

    T Zero { get; }

    T One { get; }

    T FromRational(Rational value);

    T Add(T a, T b);

    T Subtract(T a, T b);

    T Multiply(T a, T b);

    T Negate(T a);

    // Throws DomainException when a is zero, or for enclosures when a may be zero.
    T Reciprocal(T a);

    // Throws DomainException unless a is certainly positive; NotExactException when the result
    // is not representable in the field.
    T Log(T a);

    // Throws NotExactException when the result is not representable in the field.
    T Exp(T a);

    // Throws DomainException when a is (or may be) negative; NotExactException when not representable.
    T Sqrt(T a);

    // sin, cos: NotExactException when the result is not representable (only sin 0 = 0, cos 0 = 1 are rational).
    T Sin(T a);

    T Cos(T a);

    // Throws DomainException where cos a is (or may be) zero; NotExactException when not representable.
    T Tan(T a);

    // |a|, exact in every field.
    T Abs(T a);

    // The real root of odd degree (RealRoot.IsOddDegree), defined for every real a; NotExactException when
    // not representable. Differentiable only where a ≠ 0 (a dual field reports a = 0 as outside the domain).
    T Root(T a, int degree);

    bool IsExact { get; }
}
