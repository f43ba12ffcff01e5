using FsCheck;
using FsCheck.Fluent;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// Random well-shaped expressions over the whole language, deterministic from a seed: symbols of every
// shape over the dimensions m, n, p (declared in Declarations), products, transposes, sums and
// differences, scalar multiples, tr, diag, .*, ./, log, exp, ones, I, fro^2 (and fro), powers of scalars,
// entries and slices with the free indices i∈m, j∈n, k∈p, sum(…), rows(k; …) and matrix(i,j; …).
//
// Every dimension of a generated expression is pinned by its own text: `ones` and `I` appear only where
// the binder unifies them with a symbol's dimension, and every bound index is used in an entry of a
// symbol-pinned target. So binding Text with the declarations reproduces Expr (up to the names the binder
// gives classes of unified dimensions; a test checks this), and any text printed from its canonical form
// can pin its dimensions the same way. Use: `new Bound(ExpressionGenerator.Declarations).Bind(g.Text)`.
internal sealed class ExpressionGenerator
{
    public static readonly Dim M = new DimVariable("m");
    public static readonly Dim N = new DimVariable("n");
    public static readonly Dim P = new DimVariable("p");
    private static readonly Dim[] Dims = [M, N, P];

    // Symbols by shape; one or two per shape so that repeats (A*A', X'*X) occur.
    private static readonly (string Name, Dim Rows, Dim Columns)[] Table =
    [
        ("a", Dim.One, Dim.One), ("b", Dim.One, Dim.One),
        ("x", M, Dim.One), ("y", N, Dim.One), ("z", P, Dim.One),
        ("u", Dim.One, M), ("v", Dim.One, N), ("w", Dim.One, P),
        ("A", M, M), ("B", M, M), ("C", M, N), ("D", M, N), ("E", M, P),
        ("F", N, M), ("G", N, M), ("H", N, N), ("K", N, N), ("L", N, P),
        ("Q", P, M), ("R", P, N), ("S", P, P), ("T", P, P),
    ];

    private static readonly IndexVariable[] FreeIndices = [new("i", M), new("j", N), new("k", P)];
    private static readonly string[] BoundNames = ["s", "t", "q", "r"];

    public static IReadOnlyDictionary<string, string> Declarations { get; } = Table.ToDictionary(
        s => s.Name, s => s.Rows.IsOne && s.Columns.IsOne ? "scalar" : $"{s.Rows} x {s.Columns}", StringComparer.Ordinal);

    private readonly Random _random;
    private readonly bool _matrixFunctions;
    private readonly bool _scalarFunctions;
    private readonly List<IndexVariable> _scope = [.. FreeIndices];
    private int _boundCount;

    // With matrixFunctions, inv, adj (of square operands) and det are generated too; with scalarFunctions,
    // sin, cos, tan, sqrt and abs (elementwise) and their squares, which the canonical form rewrites.
    public ExpressionGenerator(int seed, bool matrixFunctions = false, bool scalarFunctions = false)
    {
        _random = new Random(seed);
        _matrixFunctions = matrixFunctions;
        _scalarFunctions = scalarFunctions;
    }

    public static Shape SymbolShape(string name)
    {
        var symbol = Table.First(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        return new Shape(symbol.Rows, symbol.Columns);
    }

    // An FsCheck generator of scalar expressions (differentiable ones), sized by FsCheck's size.
    public static Gen<GeneratedExpression> Scalars() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => new ExpressionGenerator(seed).Next(Shape.Scalar, 1 + Math.Min(size, 21) / 7)));

    public static Gen<GeneratedExpression> ScalarsWithMatrixFunctions() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => new ExpressionGenerator(seed, matrixFunctions: true).Next(Shape.Scalar, 1 + Math.Min(size, 21) / 7)));

    public static Gen<GeneratedExpression> ScalarsWithScalarFunctions() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => new ExpressionGenerator(seed, scalarFunctions: true).Next(Shape.Scalar, 1 + Math.Min(size, 21) / 7)));

    // An FsCheck generator of expressions of random shape.
    public static Gen<GeneratedExpression> Any(bool matrixFunctions = false, bool scalarFunctions = false) =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var generator = new ExpressionGenerator(seed, matrixFunctions, scalarFunctions);
            return generator.Next(generator.RandomShape(), 1 + Math.Min(size, 21) / 7);
        }));

    public Shape RandomShape()
    {
        var shapes = new[] { Shape.Scalar, new Shape(M, N), new Shape(N, N), new Shape(M, Dim.One), new Shape(Dim.One, P), new Shape(P, M) };
        return shapes[_random.Next(shapes.Length)];
    }

    public GeneratedExpression Next(Shape shape, int depth)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _boundCount = 0;
        var expr = Generate(shape, true, true, depth);
        return new GeneratedExpression(expr, ExprPrinter.Print(expr), shape);
    }

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Dim AnyDim() => Pick(Dims);

    private SymbolExpr Symbol(Dim rows, Dim columns)
    {
        var names = Table.Where(s => s.Rows == rows && s.Columns == columns).ToArray();
        var pick = Pick(names);
        return new SymbolExpr(pick.Name, new Shape(rows, columns));
    }

    // An expression of the shape whose own text pins its rows / columns where asked (the caller pins the rest).
    private Expr Generate(Shape shape, bool pinRows, bool pinColumns, int depth)
    {
        var (rows, columns) = (shape.Rows, shape.Columns);
        var scalar = shape.IsScalar;
        if (depth <= 0) return Leaf(shape, pinRows, pinColumns);
        var options = new List<(int Weight, Func<Expr> Make)>
        {
            (4, () => Leaf(shape, pinRows, pinColumns)),
            (2, () => new TransposeExpr(Generate(new Shape(columns, rows), pinColumns, pinRows, depth - 1))),
            (1, () => new NegateExpr(Generate(shape, pinRows, pinColumns, depth - 1))),
            (2, () => new ScalarProduct(Coefficient(depth), Generate(shape, pinRows, pinColumns, depth - 1))),
            (3, () => Pair(shape, pinRows, pinColumns, depth, (l, r) => new AddExpr(l, r))),
            (1, () => Pair(shape, pinRows, pinColumns, depth, (l, r) => new AddExpr(l, new NegateExpr(r)))),
            (2, () => Pair(shape, pinRows, pinColumns, depth, (l, r) => new HadamardProduct(l, r))),
            (1, () => Pair(shape, pinRows, pinColumns, depth, (l, r) => new ElementwiseDivide(l, r))),
            (6, () => Product(shape, pinRows, pinColumns, depth)),
            (1, () => new ElementwiseFunction(FunctionKind.Log, Generate(shape, pinRows, pinColumns, depth - 1))),
            (1, () => new ElementwiseFunction(FunctionKind.Exp, Generate(shape, pinRows, pinColumns, depth - 1))),
            (1, () => Sum(shape, pinRows, pinColumns, depth)),
        };
        if (!rows.IsOne && rows == columns)
            options.Add((2, () => new DiagExpr(Generate(Chance(70) ? new Shape(rows, Dim.One) : new Shape(Dim.One, rows), true, true, depth - 1))));
        if (scalar)
        {
            options.Add((4, () => Trace(depth)));
            options.Add((2, () => new PowerExpr(new FrobeniusNorm(Generate(new Shape(AnyDim(), AnyDim()), true, true, depth - 1)), 2)));
            options.Add((1, () => new FrobeniusNorm(Generate(new Shape(AnyDim(), Chance(50) ? Dim.One : AnyDim()), true, true, depth - 1))));
            options.Add((1, () => new PowerExpr(Generate(Shape.Scalar, false, false, depth - 1), 2)));
            options.Add((3, () => ScalarEntry(depth - 1)));
        }
        if (rows.IsOne && !columns.IsOne) options.Add((2, () => RowSlice(columns, depth - 1)));
        if (!rows.IsOne && columns.IsOne) options.Add((2, () => new TransposeExpr(RowSlice(rows, depth - 1))));
        if (!rows.IsOne) options.Add((1, () => Rows(rows, columns, pinColumns, depth)));
        if (!rows.IsOne && !columns.IsOne) options.Add((1, () => MatrixOf(rows, columns, depth)));
        if (_matrixFunctions && !rows.IsOne && rows == columns)
        {
            options.Add((2, () => new MatrixFunctionExpr(MatrixFunction.Inverse, Generate(shape, pinRows, pinColumns, depth - 1))));
            options.Add((1, () => new MatrixFunctionExpr(MatrixFunction.Adjugate, Generate(shape, pinRows, pinColumns, depth - 1))));
        }
        if (_matrixFunctions && scalar)
        {
            var d = AnyDim();
            var pinSquareRows = Chance(50);
            options.Add((3, () => new MatrixFunctionExpr(MatrixFunction.Determinant, Generate(new Shape(d, d), pinSquareRows, !pinSquareRows, depth - 1))));
        }
        if (_scalarFunctions)
        {
            foreach (var function in new[] { FunctionKind.Sin, FunctionKind.Cos, FunctionKind.Tan, FunctionKind.Sqrt, FunctionKind.Abs })
            {
                options.Add((1, () => new ElementwiseFunction(function, Generate(shape, pinRows, pinColumns, depth - 1))));
                options.Add((1, () =>
                {
                    var operand = Generate(shape, pinRows, pinColumns, depth - 1);
                    return new HadamardProduct(new ElementwiseFunction(function, operand), new ElementwiseFunction(function, operand));
                }));
            }
        }
        var total = options.Sum(o => o.Weight);
        var roll = _random.Next(total);
        foreach (var (weight, make) in options)
        {
            if (roll < weight) return make();
            roll -= weight;
        }
        throw new InvalidOperationException("weights cover every roll");
    }

    private Expr Leaf(Shape shape, bool pinRows, bool pinColumns)
    {
        var (rows, columns) = (shape.Rows, shape.Columns);
        if (shape.IsScalar && Chance(30)) return new NumberExpr(Rational.Of(_random.Next(2, 4)));
        if (!pinRows && !pinColumns && Chance(25))
        {
            if (columns.IsOne && !rows.IsOne) return new OnesExpr(rows);
            if (rows.IsOne && !columns.IsOne) return new TransposeExpr(new OnesExpr(columns));
            if (rows == columns && !rows.IsOne) return new IdentityExpr(rows);
        }
        return Symbol(rows, columns);
    }

    private Expr Coefficient(int depth) => _random.Next(4) switch
    {
        0 or 1 => new NumberExpr(Rational.Of(_random.Next(2, 4))),
        2 => Symbol(Dim.One, Dim.One),
        _ => Generate(Shape.Scalar, true, true, Math.Min(depth - 1, 1)),
    };

    // Two operands of one shape, unified by the operator: one pins what is asked, the other nothing.
    private Expr Pair(Shape shape, bool pinRows, bool pinColumns, int depth, Func<Expr, Expr, Expr> make)
    {
        var pinned = Generate(shape, pinRows, pinColumns, depth - 1);
        var free = Generate(shape, false, false, depth - 1);
        return Chance(50) ? make(pinned, free) : make(free, pinned);
    }

    // L*R over an inner dimension one of them pins; an outer product when both sides are matrices.
    private Expr Product(Shape shape, bool pinRows, bool pinColumns, int depth)
    {
        var (rows, columns) = (shape.Rows, shape.Columns);
        var inner = !rows.IsOne && !columns.IsOne && Chance(10) ? Dim.One : AnyDim();
        var leftPins = Chance(50);
        var left = Generate(new Shape(rows, inner), pinRows, leftPins, depth - 1);
        var right = Generate(new Shape(inner, columns), !leftPins, pinColumns, depth - 1);
        return new MatrixProduct(left, right);
    }

    private Expr Trace(int depth)
    {
        var d = AnyDim();
        var pinRows = Chance(50);
        return new TraceOf(Generate(new Shape(d, d), pinRows, !pinRows, depth - 1));
    }

    private IndexVariable Bind(Dim range)
    {
        var name = BoundNames[_boundCount % BoundNames.Length] + (_boundCount >= BoundNames.Length ? (_boundCount / BoundNames.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        _boundCount++;
        return new IndexVariable(name, range);
    }

    private IndexVariable InScope(Dim range) => Pick(_scope.Where(v => v.Range == range).ToArray());

    // A scalar entry that uses `index`: T[index, ·], T[·, index] or v[index] of a symbol-pinned target.
    private Expr EntryUsing(IndexVariable index, int depth)
    {
        var other = AnyDim();
        var slot = new IndexedSlot(index);
        switch (_random.Next(3))
        {
            case 0:
                return new EntryExpr(Generate(new Shape(index.Range, Dim.One), true, true, Math.Min(depth, 1)), slot, UnitSlot.Instance);
            case 1:
                return new EntryExpr(Generate(new Shape(index.Range, other), true, true, Math.Min(depth, 1)), slot, new IndexedSlot(InScope(other)));
            default:
                return new EntryExpr(Generate(new Shape(other, index.Range), true, true, Math.Min(depth, 1)), new IndexedSlot(InScope(other)), slot);
        }
    }

    private Expr ScalarEntry(int depth) => EntryUsing(InScope(AnyDim()), depth);

    // T[index,:] for an index in scope: a row vector of the given length.
    private Expr RowSlice(Dim length, int depth)
    {
        var index = InScope(AnyDim());
        return new EntryExpr(Generate(new Shape(index.Range, length), true, true, Math.Min(depth, 1)), new IndexedSlot(index), SliceSlot.Instance);
    }

    // sum(s; body) with s used in the body.
    private Expr Sum(Shape shape, bool pinRows, bool pinColumns, int depth)
    {
        var index = Bind(AnyDim());
        _scope.Add(index);
        var use = EntryUsing(index, depth - 1);
        Expr body = shape.IsScalar && Chance(40)
            ? use
            : new ScalarProduct(use, Generate(shape, pinRows, pinColumns, depth - 1));
        _scope.Remove(index);
        return new IndexSumExpr(new EquatableArray<IndexVariable>([index]), body);
    }

    // rows(s; r) with r a row vector that uses s: B[s,:]*X, or a scalar use times a row vector.
    private Expr Rows(Dim rows, Dim columns, bool pinColumns, int depth)
    {
        var index = Bind(rows);
        _scope.Add(index);
        Expr body;
        if (!columns.IsOne && Chance(50))
        {
            var inner = AnyDim();
            var slice = new EntryExpr(Generate(new Shape(rows, inner), true, true, Math.Min(depth - 1, 1)), new IndexedSlot(index), SliceSlot.Instance);
            body = new MatrixProduct(slice, Generate(new Shape(inner, columns), false, pinColumns, depth - 1));
        }
        else
        {
            var use = EntryUsing(index, depth - 1);
            body = columns.IsOne ? use : new ScalarProduct(use, Generate(new Shape(Dim.One, columns), false, pinColumns, depth - 1));
        }
        _scope.Remove(index);
        return new RowsExpr(index, body);
    }

    // matrix(s,t; e) with e a scalar that uses s and t.
    private Expr MatrixOf(Dim rows, Dim columns, int depth)
    {
        var row = Bind(rows);
        var column = Bind(columns);
        _scope.Add(row);
        _scope.Add(column);
        Expr body = Chance(50)
            ? new EntryExpr(Generate(new Shape(rows, columns), true, true, Math.Min(depth - 1, 1)), new IndexedSlot(row), new IndexedSlot(column))
            : new ScalarProduct(EntryUsing(row, depth - 1), EntryUsing(column, depth - 1));
        if (Chance(30)) body = new ElementwiseFunction(Chance(50) ? FunctionKind.Log : FunctionKind.Exp, body);
        _scope.Remove(row);
        _scope.Remove(column);
        return new MatrixOfExpr(row, column, body);
    }
}
