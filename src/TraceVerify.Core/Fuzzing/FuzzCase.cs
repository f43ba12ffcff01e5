using TraceVerify.Numeric;

namespace TraceVerify.Fuzzing;

// One concrete instance of an entry, the unit that Fuzzer.Check decides exactly:
// - Dimensions: a positive size for every dimension variable of the entry, by DimVariable.Name.
// - Values: an exact value for every symbol of the entry, shaped as its Shape says under Dimensions
//   (a scalar is 1×1, a column vector n×1). A frozen copy (Y of `frozen: Y: X`) needs no value: it
//   always takes its original's value, and any value given for it is ignored.
// - Directions: for a derivative with respect to a whole matrix, the directions V along which the
//   derivative is compared (∂f/∂X∘V summed against claim∘V). Empty means every entry of the gradient,
//   which is what an exact re-check of a solver's model wants; the generator fills it only for variables
//   with more than CaseGenerator.FullGradientLimit entries.
// Free-index values are not part of a case: every assignment of them is checked.
internal sealed record FuzzCase(
    IReadOnlyDictionary<string, int> Dimensions,
    IReadOnlyDictionary<string, Matrix<Rational>> Values,
    IReadOnlyList<Matrix<Rational>> Directions)
{
    public FuzzCase(IReadOnlyDictionary<string, int> dimensions, IReadOnlyDictionary<string, Matrix<Rational>> values)
        : this(dimensions, values, [])
    {
    }

    // "m=2,n=3" in the given dimension order; "fixed sizes" when the entry has no dimension variable.
    public string ShapeText(IEnumerable<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var parts = order.Where(Dimensions.ContainsKey)
            .Select(name => $"{name}={Dimensions[name].ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
        return parts.Length == 0 ? "fixed sizes" : string.Join(',', parts);
    }
}
