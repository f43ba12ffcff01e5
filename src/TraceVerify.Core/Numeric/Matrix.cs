using System.Text;

namespace TraceVerify.Numeric;

// An immutable dense Rows×Cols matrix stored row-major. Arithmetic is generic over the scalar type and
// takes the field explicitly, so the same expression evaluates exactly, rigorously or with derivatives.
internal sealed class Matrix<T>
{
    private readonly T[] _entries;

    private Matrix(int rows, int cols, T[] entries)
    {
        Rows = rows;
        Cols = cols;
        _entries = entries;
    }

    public int Rows { get; }

    public int Cols { get; }

    public bool IsSquare => Rows == Cols;

    public T this[int row, int col]
    {
        get
        {
            if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"matrix has {Rows} rows");
            if ((uint)col >= (uint)Cols) throw new ArgumentOutOfRangeException(nameof(col), col, $"matrix has {Cols} columns");
            return _entries[(row * Cols) + col];
        }
    }

    public static Matrix<T> Create(int rows, int cols, Func<int, int, T> entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        ArgumentNullException.ThrowIfNull(entry);
        var entries = new T[checked(rows * cols)];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++) entries[(r * cols) + c] = entry(r, c);
        }

        return new Matrix<T>(rows, cols, entries);
    }

    public static Matrix<T> Identity(IScalarField<T> field, int size)
    {
        ArgumentNullException.ThrowIfNull(field);
        var zero = field.Zero;
        var one = field.One;
        return Create(size, size, (r, c) => r == c ? one : zero);
    }

    public Matrix<TResult> Map<TResult>(Func<T, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var entries = new TResult[_entries.Length];
        for (var i = 0; i < entries.Length; i++) entries[i] = f(_entries[i]);
        return new Matrix<TResult>(Rows, Cols, entries);
    }

    public Matrix<T> Transpose()
    {
        var entries = new T[_entries.Length];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Cols; c++) entries[(c * Rows) + r] = _entries[(r * Cols) + c];
        }

        return new Matrix<T>(Cols, Rows, entries);
    }

    // (AB)[i,j] = Σ_k A[i,k]·B[k,j]; the k-sum runs left to right so that results are reproducible.
    public static Matrix<T> Multiply(IScalarField<T> field, Matrix<T> a, Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows)
            throw new ArgumentException($"cannot multiply {a.Rows}×{a.Cols} by {b.Rows}×{b.Cols}");
        var n = a.Cols;
        var entries = new T[a.Rows * b.Cols];
        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < b.Cols; j++)
            {
                var sum = field.Zero;
                for (var k = 0; k < n; k++)
                    sum = field.Add(sum, field.Multiply(a._entries[(i * n) + k], b._entries[(k * b.Cols) + j]));
                entries[(i * b.Cols) + j] = sum;
            }
        }

        return new Matrix<T>(a.Rows, b.Cols, entries);
    }

    public static Matrix<T> Add(IScalarField<T> field, Matrix<T> a, Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Elementwise(a, b, "add", field.Add);
    }

    public static Matrix<T> Subtract(IScalarField<T> field, Matrix<T> a, Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Elementwise(a, b, "subtract", field.Subtract);
    }

    // Entrywise product (A∘B)[i,j] = A[i,j]·B[i,j].
    public static Matrix<T> Hadamard(IScalarField<T> field, Matrix<T> a, Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Elementwise(a, b, "take the Hadamard product of", field.Multiply);
    }

    public static Matrix<T> Scale(IScalarField<T> field, T scalar, Matrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(a);
        return a.Map(x => field.Multiply(scalar, x));
    }

    // tr A = Σ_i A[i,i]; the empty sum of a 0×0 matrix is zero.
    public static T Trace(IScalarField<T> field, Matrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(a);
        if (!a.IsSquare) throw new ArgumentException($"trace of non-square {a.Rows}×{a.Cols} matrix");
        var sum = field.Zero;
        for (var i = 0; i < a.Rows; i++) sum = field.Add(sum, a._entries[(i * a.Cols) + i]);
        return sum;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append('[');
        for (var r = 0; r < Rows; r++)
        {
            if (r > 0) text.Append("; ");
            for (var c = 0; c < Cols; c++)
            {
                if (c > 0) text.Append(", ");
                text.Append(_entries[(r * Cols) + c]);
            }
        }

        return text.Append(']').ToString();
    }

    private static Matrix<T> Elementwise(Matrix<T> a, Matrix<T> b, string verb, Func<T, T, T> op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Cols != b.Cols)
            throw new ArgumentException($"cannot {verb} {a.Rows}×{a.Cols} and {b.Rows}×{b.Cols} matrices");
        var entries = new T[a._entries.Length];
        for (var i = 0; i < entries.Length; i++) entries[i] = op(a._entries[i], b._entries[i]);
        return new Matrix<T>(a.Rows, a.Cols, entries);
    }
}
