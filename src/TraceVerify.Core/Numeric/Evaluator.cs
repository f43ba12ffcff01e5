using System.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Numeric;

// Evaluates a bound expression at concrete sizes and values, in any scalar field: exactly over Q, as a
// rigorous enclosure over intervals, or with a directional derivative over dual numbers. Scalars are 1×1.
// Domain failures (1/0, log of a non-positive value) surface as DomainException and values the field cannot
// represent (log 2 over Q) as NotExactException, both from the field.
//
// Hot path for fuzzing: every node yields one fresh row-major array and nothing else is allocated per node.
// Results are never written after they are produced, so symbol data and memoized results are shared freely.
// Inside a binder (sum, rows, matrix) a subexpression that does not read the innermost bound index is
// memoized on the values of the indices it does read, so `sum(i,j; (A*X*B)[i,j])` multiplies once, not
// once per (i, j). One evaluator is not safe for concurrent use.
internal sealed class Evaluator<T>
{
    // Memo tables are emptied when they grow past this many nodes, so that one long-lived evaluator that
    // sees many expressions does not keep every intermediate result alive.
    private const int MemoCapacity = 4096;

    private readonly IScalarField<T> _field;
    private readonly Dictionary<Expr, string[]> _dependencies = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Expr, Memo> _memo = new(ReferenceEqualityComparer.Instance);
    private EvaluationEnvironment<T>? _environment;
    private string[] _boundNames = new string[8];
    private int[] _boundValues = new int[8];
    private int _depth;
    private int _generation;

    public Evaluator(IScalarField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        _field = field;
    }

    public IScalarField<T> Field => _field;

    public Matrix<T> Evaluate(Expr expr, EvaluationEnvironment<T> environment)
    {
        var value = Run(expr, environment);
        var data = value.Data;
        var cols = value.Cols;
        return Matrix<T>.Create(value.Rows, cols, (r, c) => data[(r * cols) + c]);
    }

    // The value of an expression that evaluates to a 1×1 matrix.
    public T EvaluateScalar(Expr expr, EvaluationEnvironment<T> environment) => ScalarOf(Run(expr, environment));

    private Value Run(Expr expr, EvaluationEnvironment<T> environment)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _depth = 0;
        // A new generation invalidates every memoized result: they belong to the previous environment.
        if (++_generation == int.MaxValue || _memo.Count > MemoCapacity || _dependencies.Count > MemoCapacity)
        {
            _memo.Clear();
            _dependencies.Clear();
            _generation = 1;
        }

        try
        {
            return Eval(expr);
        }
        finally
        {
            _environment = null;
            _depth = 0;
        }
    }

    private EvaluationEnvironment<T> Environment =>
        _environment ?? throw new InvalidOperationException("no evaluation is in progress");

    // Every node checks the entry's cancellation (WorkCancellation), so one long case stops at the time limit too.
    private Value Eval(Expr expr)
    {
        WorkCancellation.ThrowIfRequested();
        return _depth > 0 && IsWorthMemoizing(expr) ? EvalMemoized(expr) : Compute(expr);
    }

    private Value Compute(Expr expr) => expr switch
    {
        SymbolExpr s => Symbol(s),
        NumberExpr n => Scalar(_field.FromRational(n.Value)),
        MatrixProduct p => Multiply(Eval(p.Left), Eval(p.Right)),
        ScalarProduct p => Scale(ScalarOf(Eval(p.Scalar)), Eval(p.Operand)),
        ScalarDivide d => Scale(_field.Reciprocal(ScalarOf(Eval(d.Divisor))), Eval(d.Operand)),
        AddExpr a => Elementwise(Eval(a.Left), Eval(a.Right), ElementwiseOperation.Add),
        NegateExpr n => Negate(Eval(n.Operand)),
        TransposeExpr t => Transpose(Eval(t.Operand)),
        TraceOf t => Scalar(Trace(Eval(t.Operand))),
        DiagExpr d => Diagonal(Eval(d.Vector)),
        HadamardProduct h => Elementwise(Eval(h.Left), Eval(h.Right), ElementwiseOperation.Multiply),
        ElementwiseDivide d => Elementwise(Eval(d.Left), Eval(d.Right), ElementwiseOperation.Divide),
        ElementwiseFunction f => Map(Eval(f.Operand), f.Function, f.Degree),
        // fro(M)^(2k) = (Σ M[i,j]²)^k: exact over Q although fro(M) itself usually is not.
        PowerExpr { Base: FrobeniusNorm f, Exponent: var e } when e % 2 == 0 => Scalar(Power(SumOfSquares(Eval(f.Operand)), e / 2)),
        PowerExpr p => Power(Eval(p.Base), p.Exponent),
        MatrixFunctionExpr f => OfMatrix(f.Function, Eval(f.Operand)),
        FrobeniusNorm f => Scalar(_field.Sqrt(SumOfSquares(Eval(f.Operand)))),
        KroneckerProduct k => Kronecker(Eval(k.Left), Eval(k.Right)),
        VecExpr v => Vectorise(Eval(v.Operand)),
        OnesExpr o => Filled(Environment.Size(o.Length), 1, _field.One),
        IdentityExpr i => Identity(Environment.Size(i.Size)),
        ZerosExpr z => Filled(Environment.Size(z.Rows), Environment.Size(z.Columns), _field.Zero),
        EntryExpr e => Entry(Eval(e.Target), e.Row, e.Column),
        IndexSumExpr s => IndexSum(s),
        RowsExpr r => Rows(r),
        MatrixOfExpr m => MatrixOf(m),
        MatrixLiteralExpr m => new Value(m.Rows, m.Columns, [.. m.Entries.Select(e => ScalarOf(Eval(e)))]),
        _ => throw new UnreachableException($"no evaluation rule for {expr.GetType().Name}"),
    };

    // Leaves and entries of symbols cost less to recompute than to look up.
    private static bool IsWorthMemoizing(Expr expr) =>
        expr is not (SymbolExpr or NumberExpr or OnesExpr or IdentityExpr or ZerosExpr or EntryExpr { Target: SymbolExpr });

    private Value EvalMemoized(Expr expr)
    {
        var dependencies = Dependencies(expr);
        var innermost = _boundNames[_depth - 1];
        foreach (var name in dependencies)
        {
            // It changes on every iteration of the innermost binder, so a memo would never hit.
            if (string.Equals(name, innermost, StringComparison.Ordinal)) return Compute(expr);
        }

        if (_memo.TryGetValue(expr, out var memo) && memo.Generation == _generation && KeyMatches(memo.Key, dependencies))
            return memo.Result;
        var result = Compute(expr);
        if (memo is null)
        {
            memo = new Memo(new int[dependencies.Length]);
            _memo[expr] = memo;
        }

        for (var i = 0; i < dependencies.Length; i++) memo.Key[i] = IndexValue(dependencies[i]);
        memo.Generation = _generation;
        memo.Result = result;
        return result;
    }

    private bool KeyMatches(int[] key, string[] dependencies)
    {
        for (var i = 0; i < dependencies.Length; i++)
        {
            if (key[i] != IndexValue(dependencies[i])) return false;
        }

        return true;
    }

    private string[] Dependencies(Expr expr)
    {
        if (_dependencies.TryGetValue(expr, out var names)) return names;
        var set = new SortedSet<string>(StringComparer.Ordinal);
        IndexDependencies.Collect(expr, set);
        names = [.. set];
        _dependencies[expr] = names;
        return names;
    }

    private Value Symbol(SymbolExpr symbol)
    {
        var environment = Environment;
        if (!environment.TryGetSymbol(symbol.Name, out var rows, out var cols, out var data))
            throw new ArgumentException($"the environment gives no value for symbol `{symbol.Name}`");
        var expectedRows = environment.Size(symbol.Shape.Rows);
        var expectedCols = environment.Size(symbol.Shape.Columns);
        if (rows != expectedRows || cols != expectedCols)
            throw new ArgumentException($"symbol `{symbol.Name}` is {symbol.Shape}, i.e. {expectedRows}×{expectedCols} here, but its value is {rows}×{cols}");
        return new Value(rows, cols, data);
    }

    private static Value Scalar(T value) => new(1, 1, [value]);

    private static T ScalarOf(Value value) =>
        value.Rows == 1 && value.Cols == 1 ? value.Data[0] : throw new InvalidOperationException($"expected a scalar, got a {value.Rows}×{value.Cols} matrix");

    private static Value Filled(int rows, int cols, T entry)
    {
        var data = new T[rows * cols];
        Array.Fill(data, entry);
        return new Value(rows, cols, data);
    }

    private Value Identity(int size)
    {
        var value = Filled(size, size, _field.Zero);
        for (var i = 0; i < size; i++) value.Data[(i * size) + i] = _field.One;
        return value;
    }

    private Value Kronecker(Value a, Value b) =>
        new(checked(a.Rows * b.Rows), checked(a.Cols * b.Cols), KroneckerAlgebra.Kronecker(_field, a.Rows, a.Cols, a.Data, b.Rows, b.Cols, b.Data));

    private static Value Vectorise(Value m) => new(m.Data.Length, 1, KroneckerAlgebra.Vectorise(m.Rows, m.Cols, m.Data));

    // (AB)[i,j] = Σ_k A[i,k]·B[k,j], summed left to right for reproducible enclosures.
    private Value Multiply(Value a, Value b)
    {
        if (a.Cols != b.Rows) throw new InvalidOperationException($"cannot multiply {a.Rows}×{a.Cols} by {b.Rows}×{b.Cols}");
        var n = a.Cols;
        var data = new T[a.Rows * b.Cols];
        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < b.Cols; j++)
            {
                var sum = _field.Multiply(a.Data[i * n], b.Data[j]);
                for (var k = 1; k < n; k++) sum = _field.Add(sum, _field.Multiply(a.Data[(i * n) + k], b.Data[(k * b.Cols) + j]));
                data[(i * b.Cols) + j] = sum;
            }
        }

        return new Value(a.Rows, b.Cols, data);
    }

    private Value Scale(T scalar, Value a)
    {
        var data = new T[a.Data.Length];
        for (var i = 0; i < data.Length; i++) data[i] = _field.Multiply(scalar, a.Data[i]);
        return new Value(a.Rows, a.Cols, data);
    }

    private Value Elementwise(Value a, Value b, ElementwiseOperation operation)
    {
        if (a.Rows != b.Rows || a.Cols != b.Cols)
            throw new InvalidOperationException($"elementwise {operation} of {a.Rows}×{a.Cols} and {b.Rows}×{b.Cols} matrices");
        var data = new T[a.Data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = operation switch
            {
                ElementwiseOperation.Add => _field.Add(a.Data[i], b.Data[i]),
                ElementwiseOperation.Multiply => _field.Multiply(a.Data[i], b.Data[i]),
                ElementwiseOperation.Divide => _field.Multiply(a.Data[i], _field.Reciprocal(b.Data[i])),
                _ => throw new UnreachableException($"no elementwise rule for {operation}"),
            };
        }

        return new Value(a.Rows, a.Cols, data);
    }

    private Value Negate(Value a)
    {
        var data = new T[a.Data.Length];
        for (var i = 0; i < data.Length; i++) data[i] = _field.Negate(a.Data[i]);
        return new Value(a.Rows, a.Cols, data);
    }

    private Value Map(Value a, FunctionKind function, int degree = 0)
    {
        var data = new T[a.Data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var x = a.Data[i];
            data[i] = function switch
            {
                FunctionKind.Log => _field.Log(x),
                FunctionKind.Exp => _field.Exp(x),
                FunctionKind.Reciprocal => _field.Reciprocal(x),
                FunctionKind.Sqrt => _field.Sqrt(x),
                FunctionKind.Sin => _field.Sin(x),
                FunctionKind.Cos => _field.Cos(x),
                FunctionKind.Tan => _field.Tan(x),
                FunctionKind.Abs => _field.Abs(x),
                FunctionKind.OddRoot => _field.Root(x, degree),
                _ => throw new UnreachableException($"no elementwise rule for {function}"),
            };
        }

        return new Value(a.Rows, a.Cols, data);
    }

    private static Value Transpose(Value a)
    {
        var data = new T[a.Data.Length];
        for (var r = 0; r < a.Rows; r++)
        {
            for (var c = 0; c < a.Cols; c++) data[(c * a.Rows) + r] = a.Data[(r * a.Cols) + c];
        }

        return new Value(a.Cols, a.Rows, data);
    }

    // inv(A) by elimination (DomainException when no pivot can be inverted), det(A) as its polynomial; a field
    // that encodes inverses itself (Z3's, as a matrix constrained by A·Y = Y·A = I) is asked to.
    private Value OfMatrix(MatrixFunction function, Value a)
    {
        if (a.Rows != a.Cols) throw new InvalidOperationException($"{function} of a non-square {a.Rows}×{a.Cols} matrix");
        return function switch
        {
            MatrixFunction.Inverse => new Value(a.Rows, a.Cols, _field is IMatrixInverseField<T> special
                ? special.Inverse(a.Rows, a.Data)
                : MatrixAlgebra.Inverse(_field, a.Rows, a.Data)),
            MatrixFunction.Determinant => Scalar(MatrixAlgebra.Determinant(_field, a.Rows, a.Data)),
            MatrixFunction.Adjugate => new Value(a.Rows, a.Cols, MatrixAlgebra.Adjugate(_field, a.Rows, a.Data)),
            _ => throw new UnreachableException($"no evaluation rule for {function}"),
        };
    }

    private T Trace(Value a)
    {
        if (a.Rows != a.Cols) throw new InvalidOperationException($"trace of a non-square {a.Rows}×{a.Cols} matrix");
        var sum = _field.Zero;
        for (var i = 0; i < a.Rows; i++) sum = _field.Add(sum, a.Data[(i * a.Cols) + i]);
        return sum;
    }

    // diag(v) of a row or column vector v of length n: the n×n matrix with v on its diagonal.
    private Value Diagonal(Value v)
    {
        if (v.Rows != 1 && v.Cols != 1) throw new InvalidOperationException($"diag of a {v.Rows}×{v.Cols} matrix, which is not a vector");
        var n = v.Data.Length;
        var result = Filled(n, n, _field.Zero);
        for (var i = 0; i < n; i++) result.Data[(i * n) + i] = v.Data[i];
        return result;
    }

    private T SumOfSquares(Value a)
    {
        var sum = _field.Zero;
        foreach (var x in a.Data) sum = _field.Add(sum, _field.Multiply(x, x));
        return sum;
    }

    // x^e by repeated squaring; x^0 = 1 and x^(-e) = 1/x^e (a DomainException at x = 0).
    private T Power(T x, int exponent)
    {
        var n = Math.Abs((long)exponent);
        var result = _field.One;
        var square = x;
        while (n > 0)
        {
            WorkCancellation.ThrowIfRequested();
            if ((n & 1) == 1) result = _field.Multiply(result, square);
            n >>= 1;
            if (n > 0) square = _field.Multiply(square, square);
        }

        return exponent < 0 ? _field.Reciprocal(result) : result;
    }

    // A 1×1 base is a scalar (any integer exponent); a square matrix's Mⁿ is found by repeated squaring
    // (M⁰ = I); negative powers of matrices never reach here.
    private Value Power(Value m, int exponent)
    {
        if (m is { Rows: 1, Cols: 1 }) return Scalar(Power(m.Data[0], exponent));
        if (m.Rows != m.Cols || exponent < 0) throw new InvalidOperationException($"no power {exponent} of a {m.Rows}×{m.Cols} matrix");
        var result = Identity(m.Rows);
        var square = m;
        for (var n = exponent; n > 0; n >>= 1)
        {
            WorkCancellation.ThrowIfRequested();
            if ((n & 1) == 1) result = Multiply(result, square);
            if (n > 1) square = Multiply(square, square);
        }

        return result;
    }

    private Value Entry(Value target, IndexSlot row, IndexSlot column)
    {
        var (rowStart, rowCount) = SlotRange(row, target.Rows);
        var (colStart, colCount) = SlotRange(column, target.Cols);
        if (rowCount == target.Rows && colCount == target.Cols) return target;
        var data = new T[rowCount * colCount];
        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < colCount; c++) data[(r * colCount) + c] = target.Data[((rowStart + r) * target.Cols) + colStart + c];
        }

        return new Value(rowCount, colCount, data);
    }

    // An indexed slot picks the index's value, a slice keeps the whole range, a unit slot picks position 0.
    private (int Start, int Count) SlotRange(IndexSlot slot, int length)
    {
        switch (slot)
        {
            case IndexedSlot indexed:
                var value = IndexValue(indexed.Index.Name);
                if ((uint)value >= (uint)length)
                    throw new ArgumentOutOfRangeException(nameof(slot), value, $"index `{indexed.Index.Name}` = {value} is outside 0..{length - 1}");
                return (value, 1);
            case SliceSlot:
                return (0, length);
            case PositionSlot position:
                if (position.Position > length)
                    throw new ArgumentOutOfRangeException(nameof(slot), position.Position, $"position {position.Position} is outside 1..{length}");
                return (position.Position - 1, 1);
            case UnitSlot:
                if (length != 1) throw new InvalidOperationException($"a unit slot indexes a dimension of size {length}");
                return (0, 1);
            default:
                throw new UnreachableException($"no slot rule for {slot.GetType().Name}");
        }
    }

    // Σ over every combination of the bound indices' values (an odometer, last index fastest).
    private Value IndexSum(IndexSumExpr sum)
    {
        var count = sum.Indices.Count;
        Span<int> sizes = stackalloc int[count];
        var first = _depth;
        for (var i = 0; i < count; i++)
        {
            sizes[i] = Environment.Size(sum.Indices[i].Range);
            Push(sum.Indices[i].Name);
        }

        try
        {
            T[]? accumulator = null;
            var (rows, cols) = (0, 0);
            while (true)
            {
                var body = Eval(sum.Body);
                if (accumulator is null)
                {
                    accumulator = (T[])body.Data.Clone();
                    (rows, cols) = (body.Rows, body.Cols);
                }
                else
                {
                    for (var i = 0; i < accumulator.Length; i++) accumulator[i] = _field.Add(accumulator[i], body.Data[i]);
                }

                var position = count - 1;
                while (position >= 0 && ++_boundValues[first + position] == sizes[position])
                {
                    _boundValues[first + position] = 0;
                    position--;
                }

                if (position < 0) break;
            }

            return new Value(rows, cols, accumulator);
        }
        finally
        {
            _depth = first;
        }
    }

    // Row k of rows(k; body) is the row vector body evaluated at k.
    private Value Rows(RowsExpr rowsExpr)
    {
        var count = Environment.Size(rowsExpr.Index.Range);
        var slot = Push(rowsExpr.Index.Name);
        try
        {
            T[]? data = null;
            var cols = 0;
            for (var k = 0; k < count; k++)
            {
                _boundValues[slot] = k;
                var row = Eval(rowsExpr.Body);
                if (row.Rows != 1) throw new InvalidOperationException($"rows(…) needs a row vector, got {row.Rows}×{row.Cols}");
                if (data is null)
                {
                    cols = row.Cols;
                    data = new T[count * cols];
                }

                Array.Copy(row.Data, 0, data, k * cols, cols);
            }

            return new Value(count, cols, data ?? []);
        }
        finally
        {
            _depth = slot;
        }
    }

    private Value MatrixOf(MatrixOfExpr matrix)
    {
        var rows = Environment.Size(matrix.Row.Range);
        var cols = Environment.Size(matrix.Column.Range);
        var rowSlot = Push(matrix.Row.Name);
        var colSlot = Push(matrix.Column.Name);
        try
        {
            var data = new T[rows * cols];
            for (var r = 0; r < rows; r++)
            {
                _boundValues[rowSlot] = r;
                for (var c = 0; c < cols; c++)
                {
                    _boundValues[colSlot] = c;
                    data[(r * cols) + c] = ScalarOf(Eval(matrix.Body));
                }
            }

            return new Value(rows, cols, data);
        }
        finally
        {
            _depth = rowSlot;
        }
    }

    // Binds name to 0 on top of the index stack; the innermost binding of a name shadows outer ones and free ones.
    private int Push(string name)
    {
        if (_depth == _boundNames.Length)
        {
            Array.Resize(ref _boundNames, _depth * 2);
            Array.Resize(ref _boundValues, _depth * 2);
        }

        _boundNames[_depth] = name;
        _boundValues[_depth] = 0;
        return _depth++;
    }

    private int IndexValue(string name)
    {
        for (var i = _depth - 1; i >= 0; i--)
        {
            if (string.Equals(_boundNames[i], name, StringComparison.Ordinal)) return _boundValues[i];
        }

        return Environment.Indices.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"the environment gives no value for free index `{name}`");
    }

    private enum ElementwiseOperation
    {
        Add,
        Multiply,
        Divide,
    }

    // A Rows×Cols matrix as a flat row-major array; never written after it is returned.
    private readonly record struct Value(int Rows, int Cols, T[] Data);

    private sealed class Memo(int[] key)
    {
        public int[] Key { get; } = key;

        public int Generation { get; set; }

        public Value Result { get; set; }
    }
}
