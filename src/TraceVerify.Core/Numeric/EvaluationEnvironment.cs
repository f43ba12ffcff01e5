using System.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Numeric;

// The concrete world an expression is evaluated in: a positive size for every dimension variable (by
// DimVariable.Name; a KnownDim is its own size), a value for every symbol (a scalar is 1×1, a column vector
// n×1, a row vector 1×n, as its Shape says) and a 0-based value for every free index.
// Symbol values are copied once into flat row-major arrays here, so that evaluating many expressions in one
// environment reads them without copying again. The environment is immutable.
internal sealed class EvaluationEnvironment<T>
{
    private static readonly IReadOnlyDictionary<string, int> NoIndices = new Dictionary<string, int>(StringComparer.Ordinal);

    private readonly Dictionary<string, (int Rows, int Cols, T[] Data)> _symbols;

    public EvaluationEnvironment(
        IReadOnlyDictionary<string, int> dimensions,
        IReadOnlyDictionary<string, Matrix<T>> symbols,
        IReadOnlyDictionary<string, int>? indices = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(symbols);
        foreach (var (name, size) in dimensions)
        {
            if (size <= 0) throw new ArgumentOutOfRangeException(nameof(dimensions), size, $"dimension `{name}` must have a positive size");
        }

        Dimensions = dimensions;
        Indices = indices ?? NoIndices;
        _symbols = new Dictionary<string, (int, int, T[])>(symbols.Count, StringComparer.Ordinal);
        foreach (var (name, value) in symbols)
        {
            var data = new T[value.Rows * value.Cols];
            for (var r = 0; r < value.Rows; r++)
            {
                for (var c = 0; c < value.Cols; c++) data[(r * value.Cols) + c] = value[r, c];
            }

            _symbols[name] = (value.Rows, value.Cols, data);
        }
    }

    private EvaluationEnvironment(EvaluationEnvironment<T> source, IReadOnlyDictionary<string, int> indices)
    {
        Dimensions = source.Dimensions;
        Indices = indices;
        _symbols = source._symbols;
    }

    public IReadOnlyDictionary<string, int> Dimensions { get; }

    public IReadOnlyDictionary<string, int> Indices { get; }

    // The same dimensions and symbol values with other free-index values; shares the copied symbol data.
    public EvaluationEnvironment<T> WithIndices(IReadOnlyDictionary<string, int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new EvaluationEnvironment<T>(this, indices);
    }

    public int Size(Dim dim) => dim switch
    {
        KnownDim k => k.Size,
        ProductDim p => Dim.SizeOf(p, Size),
        DimVariable v => Dimensions.TryGetValue(v.Name, out var size)
            ? size
            : throw new ArgumentException($"the environment gives no size for dimension `{v.Name}`", nameof(dim)),
        _ => throw new UnreachableException($"no size rule for {dim.GetType().Name}"),
    };

    // The flat row-major data of a symbol; callers must not write to it.
    internal bool TryGetSymbol(string name, out int rows, out int cols, out T[] data)
    {
        if (_symbols.TryGetValue(name, out var value))
        {
            (rows, cols, data) = value;
            return true;
        }

        (rows, cols, data) = (0, 0, []);
        return false;
    }
}
