using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Fuzzing;

// FsCheck generators of cases for one entry.
// - Sizes: every assignment of positive sizes is valid (the binder already unified shape constraints into
//   shared names), so sizes are drawn freely from 1..MaxDimension, but three times in four pairwise distinct
//   and, when there is room, at least 2: a missing transpose cannot hide behind square inputs, nor a
//   swapped factor behind a 1×1 one.
// - Values: entries are drawn independently (so matrices are not symmetric), mostly integers in
//   [-MaxValue, MaxValue], sometimes halves and thirds; symbols that DomainScan marks positive get
//   positive values only; symbols with hypotheses (`W: k x k symmetric`) get exact structured values
//   (StructuredValues).
// - Directions: only for a derivative with respect to a variable with more than FullGradientLimit
//   entries: some unit directions (single gradient entries) and some dense small-integer ones.
internal static class CaseGenerator
{
    public const int FullGradientLimit = 25;

    private const int UnitDirections = 12;

    private const int DenseDirections = 4;

    public static Gen<FuzzCase> For(FuzzTarget target, FuzzOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var names = target.Dimensions;
        return
            from sizes in Sizes(names.Count, options.MaxDimension)
            let dimensions = Dimensions(names, sizes, target.Products)
            from values in Gen.CollectToArray(target.Inputs.Select(input =>
                StructuredValues.For(target.Entry.AttributesOf(input.Name), Size(input.Shape.Rows, dimensions), Size(input.Shape.Columns, dimensions),
                    Value(target.Positive.Contains(input.Name), options.MaxValue))))
            from directions in Directions(target, dimensions, options.MaxValue)
            select new FuzzCase(
                dimensions,
                Enumerable.Range(0, values.Length).ToDictionary(i => target.Inputs[i].Name, i => values[i], StringComparer.Ordinal),
                directions);
    }

    private static Dictionary<string, int> Dimensions(IReadOnlyList<string> names, int[] sizes, IReadOnlyList<ProductDim> products)
    {
        var dimensions = Enumerable.Range(0, names.Count).ToDictionary(i => names[i], i => sizes[i], StringComparer.Ordinal);
        EvaluableSize.KeepProductsWithinCap(dimensions, products);
        return dimensions;
    }

    private static int Size(Dim dim, IReadOnlyDictionary<string, int> dimensions) => dim switch
    {
        KnownDim k => k.Size,
        DimVariable v => dimensions[v.Name],
        ProductDim p => Dim.SizeOf(p, d => Size(d, dimensions)),
        _ => throw new UnreachableException($"no size rule for {dim.GetType().Name}"),
    };

    private static Gen<int[]> Sizes(int count, int maxDimension)
    {
        if (count == 0) return Gen.Constant(Array.Empty<int>());
        var any = Gen.ArrayOf(Gen.Choose(1, maxDimension), count);
        int[] pool = count <= maxDimension - 1 ? [.. Enumerable.Range(2, maxDimension - 1)]
            : count <= maxDimension ? [.. Enumerable.Range(1, maxDimension)]
            : [];
        if (pool.Length == 0) return any;
        var distinct = Gen.Shuffle(pool).Select(shuffled => shuffled[..count]);
        return Gen.Frequency((3, distinct), (1, any));
    }

    private static Gen<Rational> Value(bool positive, int maxValue)
    {
        var low = positive ? 1 : -maxValue;
        return Gen.Frequency(
            (8, Gen.Choose(low, maxValue).Select(k => Rational.Of(k))),
            (1, Gen.Choose(2 * low, 2 * maxValue).Select(k => Rational.Of(k, 2))),
            (1, Gen.Choose(3 * low, 3 * maxValue).Select(k => Rational.Of(k, 3))));
    }

    private static Gen<Matrix<Rational>> Matrix(int rows, int cols, Gen<Rational> entry) =>
        Gen.ArrayOf(entry, rows * cols).Select(data => Matrix<Rational>.Create(rows, cols, (r, c) => data[(r * cols) + c]));

    private static Gen<IReadOnlyList<Matrix<Rational>>> Directions(FuzzTarget target, IReadOnlyDictionary<string, int> dimensions, int maxValue)
    {
        if (target.Entry.Kind != EntryKind.Derivative || target.Entry.Wrt is not SymbolExpr)
            return Gen.Constant<IReadOnlyList<Matrix<Rational>>>([]);
        var rows = Size(target.VariableShape.Rows, dimensions);
        var cols = Size(target.VariableShape.Columns, dimensions);
        if (rows * cols <= FullGradientLimit) return Gen.Constant<IReadOnlyList<Matrix<Rational>>>([]);
        var unit =
            from r in Gen.Choose(0, rows - 1)
            from c in Gen.Choose(0, cols - 1)
            select Matrix<Rational>.Create(rows, cols, (a, b) => a == r && b == c ? Rational.One : Rational.Zero);
        var dense = Matrix(rows, cols, Gen.Choose(-maxValue, maxValue).Select(k => Rational.Of(k)));
        return
            from units in Gen.ArrayOf(unit, UnitDirections)
            from denses in Gen.ArrayOf(dense, DenseDirections)
            select (IReadOnlyList<Matrix<Rational>>)[.. units, .. denses];
    }
}
