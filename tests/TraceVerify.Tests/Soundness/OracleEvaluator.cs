using System.Diagnostics;
using TraceVerify.Numeric;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// Exact evaluation of a typed entry at one point: every dimension class has a size, every symbol a rational
// matrix. The variable's slopes are the direction V, every other slope 0, so the slope of a scalar `of` is
// its directional derivative Σ ∂f/∂X_ij V_ij (frozen copies share the variable's values, never its slope);
// with a second direction W (a second derivative) the variable's ε₂ parts are W, and the mixed part of `of`
// is Σ ∂²f/∂X_ij∂X_kl V_ij W_kl.
// A division by an exact zero (or log 0) sets Undefined instead of guessing a value; a value that is not
// rational (log, exp) is null, never a guess.
internal sealed class OracleEvaluator(
    OracleEntry entry,
    OracleTyping typing,
    IReadOnlyDictionary<int, int> sizes,
    IReadOnlyDictionary<string, Rational[,]> values,
    Rational[,]? direction,
    Rational[,]? secondDirection = null)
{
    public bool Undefined { get; private set; }

    // A determinant or adjugate larger than the oracle expands: the entry is excluded, never guessed.
    public bool TooLarge { get; private set; }

    public int Size(int dim) => typing.Dims.Evaluate(dim, c => sizes[c]);

    public DualMatrix Evaluate(SyntaxNode node, IReadOnlyDictionary<string, int> indices) => node switch
    {
        NumberSyntax n when typing.IsContextualZero(n) => Zeros(typing.ShapeOf(n)),
        NumberSyntax n => DualMatrix.Scalar(ExactDual.Constant(n.Value)),
        SizedConstantSyntax c => SizedConstant(c),
        MatrixLiteralSyntax m => MatrixLiteral(m, indices),
        NameSyntax n => Name(n, indices),
        CallSyntax c => Call(c, indices),
        BinarySyntax b => Binary(b, indices),
        NegateSyntax n => Evaluate(n.Operand, indices).Map(x => -x),
        TransposeSyntax t => Evaluate(t.Operand, indices).Transposed(),
        PowerSyntax p => Power(p, indices),
        EntrySyntax e => Entry(e, indices),
        BinderSyntax b => Binder(b, indices),
        _ => throw new UnreachableException($"the oracle has no evaluation rule for {node.GetType().Name}"),
    };

    private DualMatrix Name(NameSyntax name, IReadOnlyDictionary<string, int> indices)
    {
        var shape = typing.ShapeOf(name);
        switch (name.Name)
        {
            case "I":
                var identity = new DualMatrix(Size(shape.Rows), Size(shape.Rows));
                for (var i = 0; i < identity.Rows; i++) identity[i, i] = ExactDual.One;
                return identity;
            case "ones":
                return new DualMatrix(Size(shape.Rows), 1).Map(_ => ExactDual.One);
        }
        if (entry.Where.TryGetValue(name.Name, out var definition)) return Evaluate(definition, indices);
        var frozen = entry.Frozen.TryGetValue(name.Name, out var original);
        var value = values[frozen ? original! : name.Name];
        var m = new DualMatrix(value.GetLength(0), value.GetLength(1));
        for (var i = 0; i < m.Rows; i++)
        {
            for (var j = 0; j < m.Columns; j++)
            {
                var variable = !frozen && name.Name == entry.Variable;
                m[i, j] = new ExactDual(value[i, j], variable && direction is not null ? direction[i, j] : Rational.Zero,
                    variable && secondDirection is not null ? secondDirection[i, j] : Rational.Zero, Rational.Zero);
            }
        }
        return m;
    }

    private DualMatrix Zeros(OracleShape shape) => new(Size(shape.Rows), Size(shape.Columns));

    private DualMatrix SizedConstant(SizedConstantSyntax constant)
    {
        var m = Zeros(typing.ShapeOf(constant));
        for (var i = 0; i < m.Rows; i++)
        {
            for (var j = 0; j < m.Columns; j++)
            {
                if (constant.Name == "ones" || (constant.Name == "I" && i == j)) m[i, j] = ExactDual.One;
            }
        }
        return m;
    }

    private DualMatrix MatrixLiteral(MatrixLiteralSyntax literal, IReadOnlyDictionary<string, int> indices)
    {
        var m = new DualMatrix(literal.Rows.Count, literal.Rows[0].Count);
        for (var i = 0; i < m.Rows; i++)
        {
            for (var j = 0; j < m.Columns; j++) m[i, j] = Evaluate(literal.Rows[i][j], indices)[0, 0];
        }
        return m;
    }

    // A written index's value; a position is 1-based.
    private static int At(IndexSyntax index, IReadOnlyDictionary<string, int> indices) =>
        index.IsPosition ? int.Parse(index.Name, System.Globalization.CultureInfo.InvariantCulture) - 1 : indices[index.Name];

    private DualMatrix Call(CallSyntax call, IReadOnlyDictionary<string, int> indices)
    {
        var argument = Evaluate(call.Argument, indices);
        switch (call.Function)
        {
            case "tr":
                var trace = ExactDual.Zero;
                for (var i = 0; i < argument.Rows; i++) trace += argument[i, i];
                return DualMatrix.Scalar(trace);
            case "diag":
                var row = typing.IsRowVector(call);
                var n = row ? argument.Columns : argument.Rows;
                var diagonal = new DualMatrix(n, n);
                for (var i = 0; i < n; i++) diagonal[i, i] = row ? argument[0, i] : argument[i, 0];
                return diagonal;
            case "log":
                // log u: value not rational; slope u'/u, exactly 0 where u' is.
                return argument.Map(LogarithmOf);
            case "exp":
                // exp u: value and slope exp(u)·u' not rational, except a slope exactly 0 where u' is; the mixed
                // part exp(u)·(u₁₂ + u₁u₂) exactly 0 where u₁₂ and one of u₁, u₂ are.
                return argument.Map(u => new ExactDual(null, u.Slope is { IsZero: true } ? Rational.Zero : null, u.Slope2 is { IsZero: true } ? Rational.Zero : null,
                    u.Cross is { IsZero: true } && (u.Slope is { IsZero: true } || u.Slope2 is { IsZero: true }) ? Rational.Zero : null));
            case "vec":
                // vec(M)[j·m + i] = M[i,j]: the columns one after another.
                var stacked = new DualMatrix(argument.Rows * argument.Columns, 1);
                for (var i = 0; i < argument.Rows; i++)
                {
                    for (var j = 0; j < argument.Columns; j++) stacked[j * argument.Rows + i, 0] = argument[i, j];
                }
                return stacked;
            case "inv":
                return Inverse(argument);
            case "det":
                if (DualLinearAlgebra.Determinant(argument) is { } determinant) return DualMatrix.Scalar(determinant);
                TooLarge = true;
                return DualMatrix.Scalar(ExactDual.Zero);
            case "adj":
                if (DualLinearAlgebra.Adjugate(argument) is { } adjugate) return adjugate;
                TooLarge = true;
                return new DualMatrix(argument.Rows, argument.Rows);
            default:
                throw new UnreachableException($"`{call.Function}` reached the evaluator although typing excludes it");
        }
    }

    private DualMatrix Binary(BinarySyntax binary, IReadOnlyDictionary<string, int> indices)
    {
        var left = Evaluate(binary.Left, indices);
        var right = Evaluate(binary.Right, indices);
        switch (binary.Operator)
        {
            case BinaryOperator.Add: return left.Zip(right, (a, b) => a + b);
            case BinaryOperator.Subtract: return left.Zip(right, (a, b) => a - b);
            case BinaryOperator.Hadamard: return left.Zip(right, (a, b) => a * b);
            case BinaryOperator.ElementwiseDivide: return left.Zip(right, Divide);
            case BinaryOperator.Divide:
                var divisor = right[0, 0];
                return left.Map(a => Divide(a, divisor));
            case BinaryOperator.Kronecker:
                // (A ⊗ B)[i·p + k, j·q + l] = A[i,j]·B[k,l] for B p×q.
                var kronecker = new DualMatrix(left.Rows * right.Rows, left.Columns * right.Columns);
                for (var i = 0; i < left.Rows; i++)
                {
                    for (var j = 0; j < left.Columns; j++)
                    {
                        for (var k = 0; k < right.Rows; k++)
                        {
                            for (var l = 0; l < right.Columns; l++) kronecker[i * right.Rows + k, j * right.Columns + l] = left[i, j] * right[k, l];
                        }
                    }
                }
                return kronecker;
            case BinaryOperator.Multiply:
                return typing.ScalarOperandIsLeft(binary) switch
                {
                    true => right.Map(b => left[0, 0] * b),
                    false => left.Map(a => a * right[0, 0]),
                    null => left.Times(right),
                };
            default:
                throw new UnreachableException($"no evaluation rule for {binary.Operator}");
        }
    }

    // log u: value not rational; slopes u₁/u and u₂/u, mixed part u₁₂/u − u₁u₂/u², each exactly 0 where
    // what it is made of is.
    private ExactDual LogarithmOf(ExactDual u)
    {
        if (u.IsConstant) return new ExactDual(null, Rational.Zero, Rational.Zero, Rational.Zero);
        if (u.Value is { IsZero: true }) Undefined = true;
        if (u.Value is { IsZero: false } v)
        {
            var inverse = v.Reciprocal();
            return new ExactDual(null, ExactDual.Times(u.Slope, inverse), ExactDual.Times(u.Slope2, inverse),
                ExactDual.Times(u.Cross, inverse) - ExactDual.Times(ExactDual.Times(u.Slope, u.Slope2), inverse * inverse));
        }
        return new ExactDual(null, u.Slope is { IsZero: true } ? Rational.Zero : null, u.Slope2 is { IsZero: true } ? Rational.Zero : null,
            u.Cross is { IsZero: true } && (u.Slope is { IsZero: true } || u.Slope2 is { IsZero: true }) ? Rational.Zero : null);
    }

    // M⁻¹; a singular M at this point makes the entry undefined here (the point is redrawn).
    private DualMatrix Inverse(DualMatrix m)
    {
        if (DualLinearAlgebra.Inverse(m) is { } inverse) return inverse;
        Undefined = true;
        return new DualMatrix(m.Rows, m.Rows);
    }

    private ExactDual Divide(ExactDual a, ExactDual b)
    {
        if (b.Value is not { IsZero: true }) return a / b;
        Undefined = true;
        return ExactDual.Zero;
    }

    private DualMatrix Power(PowerSyntax power, IReadOnlyDictionary<string, int> indices)
    {
        ExactDual @base;
        int exponent;
        if (power.Base is CallSyntax { Function: "fro" } fro)
        {
            // ‖M‖^(2k) = (Σ M_ij²)^k: rational although ‖M‖ is not.
            var m = Evaluate(fro.Argument, indices);
            @base = ExactDual.Zero;
            for (var i = 0; i < m.Rows; i++)
            {
                for (var j = 0; j < m.Columns; j++) @base += m[i, j] * m[i, j];
            }
            exponent = power.Exponent / 2;
        }
        else
        {
            var matrix = Evaluate(power.Base, indices);
            if (matrix.Rows != 1 || matrix.Columns != 1)
                return power.Exponent < 0 ? MatrixPower(Inverse(matrix), -power.Exponent) : MatrixPower(matrix, power.Exponent);
            @base = matrix[0, 0];
            exponent = power.Exponent;
        }
        var result = ExactDual.One;
        for (var k = 0; k < Math.Abs(exponent); k++) result *= @base;
        return DualMatrix.Scalar(exponent < 0 ? Divide(ExactDual.One, result) : result);
    }

    // Mⁿ as n products in a row from I (no repeated squaring: another route than the engine's).
    private static DualMatrix MatrixPower(DualMatrix m, int exponent)
    {
        var result = new DualMatrix(m.Rows, m.Rows);
        for (var i = 0; i < m.Rows; i++) result[i, i] = ExactDual.One;
        for (var k = 0; k < exponent; k++) result = result.Times(m);
        return result;
    }

    private DualMatrix Entry(EntrySyntax entry, IReadOnlyDictionary<string, int> indices)
    {
        var target = Evaluate(entry.Target, indices);
        if (entry.SingleIndex)
        {
            var k = At(entry.Row!, indices);
            return DualMatrix.Scalar(typing.IsRowVector(entry) ? target[0, k] : target[k, 0]);
        }
        var rows = entry.Row is { } r ? [At(r, indices)] : Enumerable.Range(0, target.Rows).ToArray();
        var columns = entry.Column is { } c ? [At(c, indices)] : Enumerable.Range(0, target.Columns).ToArray();
        var m = new DualMatrix(rows.Length, columns.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < columns.Length; j++) m[i, j] = target[rows[i], columns[j]];
        }
        return m;
    }

    private DualMatrix Binder(BinderSyntax binder, IReadOnlyDictionary<string, int> indices)
    {
        var ranges = binder.Indices.Select(i => Size(typing.BoundRange(binder, i.Name))).ToArray();
        var shape = typing.ShapeOf(binder);
        var result = new DualMatrix(Size(shape.Rows), Size(shape.Columns));
        foreach (var tuple in Tuples(ranges))
        {
            var inner = new Dictionary<string, int>(indices);
            for (var k = 0; k < tuple.Length; k++) inner[binder.Indices[k].Name] = tuple[k];
            var body = Evaluate(binder.Body, inner);
            switch (binder.Kind)
            {
                case BinderKind.Sum:
                    result = result.Zip(body, (a, b) => a + b);
                    break;
                case BinderKind.Rows:
                    for (var j = 0; j < body.Columns; j++) result[tuple[0], j] = body[0, j];
                    break;
                default:
                    result[tuple[0], tuple[1]] = body[0, 0];
                    break;
            }
        }
        return result;
    }

    public static IEnumerable<int[]> Tuples(IReadOnlyList<int> ranges)
    {
        var tuple = new int[ranges.Count];
        if (ranges.Any(r => r == 0)) yield break;
        while (true)
        {
            yield return (int[])tuple.Clone();
            var k = ranges.Count - 1;
            while (k >= 0 && ++tuple[k] == ranges[k]) tuple[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
