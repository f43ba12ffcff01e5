using System.Diagnostics;
using System.Numerics;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Fuzzing;

// Shrinks a failing case to a small one that still fails: first each dimension toward 1 (dropping the
// trailing rows and columns of every value shaped by it), then each value toward 0, then ±1, then small
// integers. A step is taken only when the smaller case is re-checked and still fails, and every candidate
// is strictly smaller by CaseSize, so shrinking ends.
internal sealed class Shrinker
{
    // Ranks of non-integers start above those of every integer a candidate can be.
    private const long FractionRank = 1_000_000;

    private readonly FuzzTarget _target;

    public Shrinker(BoundEntry entry)
        : this(FuzzTarget.Of(entry))
    {
    }

    internal Shrinker(FuzzTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
    }

    public static CaseSize Measure(FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        long values = 0;
        foreach (var value in fuzzCase.Values.Values)
        {
            for (var r = 0; r < value.Rows; r++)
            {
                for (var c = 0; c < value.Cols; c++) values += Rank(value[r, c]);
            }
        }

        return new CaseSize(fuzzCase.Dimensions.Values.Sum(), values);
    }

    // 0 → 0, 1 → 1, -1 → 2, 2 → 3, -2 → 4, …; every non-integer ranks above every small integer.
    public static long Rank(Rational value)
    {
        if (!value.IsInteger) return FractionRank + (long)BigInteger.Min(BigInteger.Abs(value.Numerator) + value.Denominator, FractionRank);
        var n = (long)BigInteger.Min(BigInteger.Abs(value.Numerator), FractionRank / 4);
        return value.Sign > 0 ? (2 * n) - 1 : 2 * n;
    }

    // The shrink path: the failing case, then each accepted smaller case; the last one is the result.
    public IReadOnlyList<FuzzCase> Shrink(FuzzCase failing, Func<FuzzCase, bool> fails, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(failing);
        ArgumentNullException.ThrowIfNull(fails);
        var path = new List<FuzzCase> { failing };
        var current = failing;
        bool progressed;
        do
        {
            progressed = false;
            foreach (var name in _target.Dimensions)
            {
                if (!current.Dimensions.TryGetValue(name, out var size)) continue;
                for (var smaller = 1; smaller < size; smaller++)
                {
                    token.ThrowIfCancellationRequested();
                    var candidate = Resize(current, name, smaller);
                    if (!fails(candidate)) continue;
                    (current, progressed) = (candidate, true);
                    path.Add(candidate);
                    break;
                }
            }

            foreach (var (name, _) in _target.Inputs)
            {
                if (!current.Values.TryGetValue(name, out var value)) continue;
                for (var r = 0; r < value.Rows; r++)
                {
                    for (var c = 0; c < value.Cols; c++)
                    {
                        foreach (var simpler in SimplerValues(current.Values[name][r, c]))
                        {
                            if (!Mirrorable(name, r, c, current.Values[name][r, c], simpler)) continue;
                            token.ThrowIfCancellationRequested();
                            var candidate = WithEntry(current, name, r, c, simpler);
                            if (!fails(candidate)) continue;
                            (current, progressed) = (candidate, true);
                            path.Add(candidate);
                            break;
                        }
                    }
                }
            }
        }
        while (progressed);

        return path;
    }

    // Every one-step shrink of a case, each strictly smaller by CaseSize: dimensions first, then values.
    public IEnumerable<FuzzCase> Candidates(FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        foreach (var name in _target.Dimensions)
        {
            if (!fuzzCase.Dimensions.TryGetValue(name, out var size)) continue;
            for (var smaller = 1; smaller < size; smaller++) yield return Resize(fuzzCase, name, smaller);
        }

        foreach (var (name, _) in _target.Inputs)
        {
            if (!fuzzCase.Values.TryGetValue(name, out var value)) continue;
            for (var r = 0; r < value.Rows; r++)
            {
                for (var c = 0; c < value.Cols; c++)
                {
                    foreach (var simpler in SimplerValues(value[r, c]))
                    {
                        if (Mirrorable(name, r, c, value[r, c], simpler)) yield return WithEntry(fuzzCase, name, r, c, simpler);
                    }
                }
            }
        }
    }

    // 0, 1, -1, 2, -2, … up to the value's magnitude (at least ±2), keeping only those of lower rank.
    private static IEnumerable<Rational> SimplerValues(Rational value)
    {
        var rank = Rank(value);
        var bound = (int)BigInteger.Min(BigInteger.Max((BigInteger.Abs(value.Numerator) + value.Denominator - 1) / value.Denominator, 2), 1000);
        for (var k = 0; k <= bound; k++)
        {
            foreach (var candidate in k == 0 ? [Rational.Zero] : new[] { Rational.Of(k), Rational.Of(-k) })
            {
                if (Rank(candidate) < rank) yield return candidate;
            }
        }
    }

    private FuzzCase Resize(FuzzCase fuzzCase, string dimension, int size)
    {
        var dimensions = new Dictionary<string, int>(fuzzCase.Dimensions, StringComparer.Ordinal) { [dimension] = size };
        var values = new Dictionary<string, Matrix<Rational>>(StringComparer.Ordinal);
        foreach (var (name, value) in fuzzCase.Values)
        {
            var shape = _target.Entry.Symbols.TryGetValue(name, out var s) ? s : null;
            values[name] = shape is null ? value : Truncate(value, Size(shape.Rows, dimensions, value.Rows), Size(shape.Columns, dimensions, value.Cols));
        }

        IReadOnlyList<Matrix<Rational>> directions = [];
        if (fuzzCase.Directions.Count > 0)
        {
            var rows = Size(_target.VariableShape.Rows, dimensions, fuzzCase.Directions[0].Rows);
            var cols = Size(_target.VariableShape.Columns, dimensions, fuzzCase.Directions[0].Cols);
            // At or below the limit the whole gradient is compared, which subsumes any direction.
            if (rows * cols > CaseGenerator.FullGradientLimit) directions = [.. fuzzCase.Directions.Select(v => Truncate(v, rows, cols))];
        }

        return new FuzzCase(dimensions, values, directions);
    }

    private static int Size(Dim dim, IReadOnlyDictionary<string, int> dimensions, int fallback) => dim switch
    {
        KnownDim k => k.Size,
        DimVariable v => dimensions.TryGetValue(v.Name, out var size) ? size : fallback,
        ProductDim p => Dim.SizeOf(p, d => Size(d, dimensions, fallback)),
        _ => throw new UnreachableException($"no size rule for {dim.GetType().Name}"),
    };

    // The leading rows×cols block.
    private static Matrix<Rational> Truncate(Matrix<Rational> value, int rows, int cols) =>
        rows == value.Rows && cols == value.Cols ? value : Matrix<Rational>.Create(rows, cols, (r, c) => value[r, c]);

    // A symmetric or skew value is shrunk through its upper triangle (WithEntry mirrors each step), and only to
    // values of smaller magnitude: a sign flip mirrored to −v would not make the case smaller (the ranks of v and
    // −v swap), and shrinking would not end.
    private bool Mirrorable(string name, int row, int col, Rational value, Rational simpler)
    {
        var attributes = MatrixAttributeNames.Closure(_target.Entry.AttributesOf(name));
        if (!attributes.HasFlag(MatrixAttributes.Symmetric) && !attributes.HasFlag(MatrixAttributes.Skew)) return true;
        return row <= col && (simpler.IsZero || BigInteger.Abs(simpler.Numerator) * value.Denominator < BigInteger.Abs(value.Numerator) * simpler.Denominator);
    }

    // A symmetric (skew) value changes its mirrored entry too (negated), so a shrunk value keeps its hypothesis;
    // other hypotheses are re-checked by the case check.
    private FuzzCase WithEntry(FuzzCase fuzzCase, string name, int row, int col, Rational entry)
    {
        var old = fuzzCase.Values[name];
        var attributes = MatrixAttributeNames.Closure(_target.Entry.AttributesOf(name));
        var mirrored = attributes.HasFlag(MatrixAttributes.Symmetric) ? entry : attributes.HasFlag(MatrixAttributes.Skew) ? -entry : (Rational?)null;
        var values = new Dictionary<string, Matrix<Rational>>(fuzzCase.Values, StringComparer.Ordinal)
        {
            [name] = Matrix<Rational>.Create(old.Rows, old.Cols,
                (r, c) => r == row && c == col ? entry : mirrored is { } m && r == col && c == row ? m : old[r, c]),
        };
        return fuzzCase with { Values = values };
    }
}
