using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Evaluates a canonical index-form sum directly — every bound index summed over its range — at concrete
// parameter values. It shares nothing with the Expr evaluator, so agreement of the two checks lowering
// and canonicalization against the matrix semantics.
internal sealed class IndexFormEvaluator<T>(IScalarField<T> field, EvaluationEnvironment<T> environment, IReadOnlyDictionary<string, Shape> symbolShapes)
{
    public T Evaluate(CanonicalSum sum, IReadOnlyList<int> parameterValues)
    {
        ArgumentNullException.ThrowIfNull(sum);
        var total = field.Zero;
        foreach (var term in sum.Terms)
        {
            var values = new int[sum.Parameters.Count + term.BoundRanges.Count];
            for (var p = 0; p < parameterValues.Count; p++) values[p] = parameterValues[p];
            var sizes = term.BoundRanges.Select(environment.Size).ToArray();
            var termTotal = field.Zero;
            // Odometer over the bound indices.
            while (true)
            {
                var product = field.FromRational(term.Coefficient);
                foreach (var factor in term.Factors) product = field.Multiply(product, Factor(factor, values));
                termTotal = field.Add(termTotal, product);
                var k = 0;
                while (k < sizes.Length)
                {
                    var slot = sum.Parameters.Count + k;
                    if (++values[slot] < sizes[k]) break;
                    values[slot] = 0;
                    k++;
                }
                if (k == sizes.Length) break;
            }
            total = field.Add(total, termTotal);
        }
        return total;
    }

    private T Factor(Factor factor, int[] values) => factor switch
    {
        TensorFactor t => Entry(t, values),
        DeltaFactor d => values[d.First] == values[d.Second] ? field.One : field.Zero,
        OnesFactor => field.One,
        PositionFactor e => values[e.Index] == e.Position - 1 ? field.One : field.Zero,
        FunctionFactor f => Apply(f.Function, Evaluate(f.Body, f.Arguments.Select(a => values[a]).ToArray()), f.Degree),
        MatrixFunctionFactor f => OfMatrix(f, values),
        _ => throw new UnreachableException($"no evaluation rule for {factor.GetType().Name}"),
    };

    // M evaluated entry by entry from the body, then inverted (and read at the entry arguments) or its determinant taken.
    private T OfMatrix(MatrixFunctionFactor f, int[] values)
    {
        var size = environment.Size(f.Body.Parameters[0]);
        var outer = f.Outer.Select(a => values[a]).ToArray();
        var entries = new T[size * size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++) entries[(r * size) + c] = Evaluate(f.Body, [r, c, .. outer]);
        }
        return f.Function switch
        {
            MatrixFunction.Inverse => MatrixAlgebra.Inverse(field, size, entries)[(values[f.Arguments[0]] * size) + values[f.Arguments[1]]],
            MatrixFunction.Determinant => MatrixAlgebra.Determinant(field, size, entries),
            MatrixFunction.Adjugate => MatrixAlgebra.Adjugate(field, size, entries)[(values[f.Arguments[0]] * size) + values[f.Arguments[1]]],
            _ => throw new UnreachableException($"no evaluation rule for {f.Function}"),
        };
    }

    private T Entry(TensorFactor t, int[] values)
    {
        if (!environment.TryGetSymbol(t.Symbol, out _, out var cols, out var data))
            throw new ArgumentException($"no value for symbol `{t.Symbol}`");
        var shape = symbolShapes[t.Symbol];
        return t.Indices.Count switch
        {
            0 => data[0],
            1 when shape.Rows.IsOne => data[values[t.Indices[0]]],
            1 => data[values[t.Indices[0]] * cols],
            _ => data[(values[t.Indices[0]] * cols) + values[t.Indices[1]]],
        };
    }

    private T Apply(FunctionKind kind, T value, int degree) => kind switch
    {
        FunctionKind.Log => field.Log(value),
        FunctionKind.Exp => field.Exp(value),
        FunctionKind.Reciprocal => field.Reciprocal(value),
        FunctionKind.Sqrt => field.Sqrt(value),
        FunctionKind.Sin => field.Sin(value),
        FunctionKind.Cos => field.Cos(value),
        FunctionKind.Tan => field.Tan(value),
        FunctionKind.Abs => field.Abs(value),
        FunctionKind.OddRoot => field.Root(value, degree),
        _ => throw new UnreachableException($"no evaluation rule for {kind}"),
    };
}
