using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// A term under construction: a coefficient times factors whose indices are pool ids.
internal sealed record RawTerm(Rational Coefficient, EquatableArray<Factor> Factors)
{
    public static RawTerm Constant(Rational value) => new(value, EquatableArray<Factor>.Empty);

    public RawTerm Times(RawTerm other) =>
        new(Coefficient * other.Coefficient, new EquatableArray<Factor>(Factors.Concat(other.Factors)));

    public RawTerm Scaled(Rational factor) => this with { Coefficient = Coefficient * factor };

    public RawTerm Rename(Func<int, int> map) =>
        this with { Factors = new EquatableArray<Factor>(Factors.Select(f => FactorIndices.Rename(f, map))) };

    public RawTerm With(Factor factor) => this with { Factors = new EquatableArray<Factor>(Factors.Append(factor)) };
}
