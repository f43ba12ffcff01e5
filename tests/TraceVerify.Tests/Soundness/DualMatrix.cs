namespace TraceVerify.Tests.Soundness;

// A dense matrix of exact duals (a scalar is 1×1).
internal sealed class DualMatrix
{
    private readonly ExactDual[,] _cells;

    public DualMatrix(int rows, int columns)
    {
        _cells = new ExactDual[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++) _cells[i, j] = ExactDual.Zero;
        }
    }

    public int Rows => _cells.GetLength(0);
    public int Columns => _cells.GetLength(1);

    public ExactDual this[int i, int j]
    {
        get => _cells[i, j];
        set => _cells[i, j] = value;
    }

    public static DualMatrix Scalar(ExactDual value)
    {
        var m = new DualMatrix(1, 1);
        m[0, 0] = value;
        return m;
    }

    public DualMatrix Map(Func<ExactDual, ExactDual> f)
    {
        var m = new DualMatrix(Rows, Columns);
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++) m[i, j] = f(_cells[i, j]);
        }
        return m;
    }

    public DualMatrix Zip(DualMatrix other, Func<ExactDual, ExactDual, ExactDual> f)
    {
        if (other.Rows != Rows || other.Columns != Columns) throw new InvalidOperationException($"oracle bug: {Rows}x{Columns} against {other.Rows}x{other.Columns}");
        var m = new DualMatrix(Rows, Columns);
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++) m[i, j] = f(_cells[i, j], other[i, j]);
        }
        return m;
    }

    public DualMatrix Times(DualMatrix other)
    {
        if (other.Rows != Columns) throw new InvalidOperationException($"oracle bug: product of {Rows}x{Columns} and {other.Rows}x{other.Columns}");
        var m = new DualMatrix(Rows, other.Columns);
        for (var i = 0; i < Rows; i++)
        {
            for (var k = 0; k < other.Columns; k++)
            {
                var sum = ExactDual.Zero;
                for (var j = 0; j < Columns; j++) sum += _cells[i, j] * other[j, k];
                m[i, k] = sum;
            }
        }
        return m;
    }

    public DualMatrix Transposed()
    {
        var m = new DualMatrix(Columns, Rows);
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++) m[j, i] = _cells[i, j];
        }
        return m;
    }

    // Null when a value that matters is not rational.
    public bool? ValuesEqual(DualMatrix other)
    {
        if (other.Rows != Rows || other.Columns != Columns) return false;
        var known = true;
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                if (_cells[i, j].Value is not { } a || other[i, j].Value is not { } b) known = false;
                else if (a != b) return false;
            }
        }
        return known ? true : null;
    }
}
