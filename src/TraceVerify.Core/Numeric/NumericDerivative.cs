using TraceVerify.Symbolic;

namespace TraceVerify.Numeric;

// One variable of a numeric derivative: a symbol, its shape as bound, and for an entry X[j,k] the fixed 0-based
// position (null for the whole symbol).
internal sealed record DerivativeVariable(string Symbol, Shape Shape, (int Row, int Column)? Entry);

// ∂of/∂v₁ (∂²of/∂v₁∂v₂) at one point by forward-mode dual numbers, independently of the symbolic engine.
// Idea: seed one entry p of v₁ with the ε₁ of a dual number (for a second derivative also one entry q of v₂
// with the ε₂ of an outer dual number whose parts are duals, Dual<Dual<T>>); the ε₁-part (the ε₁ε₂-part) of
// entry [r,c] of `of` is then ∂of[r,c]/∂v₁[p] (∂²of[r,c]/∂v₁[p]∂v₂[q]) — exact when the field is, since
// ε₁² = ε₂² = 0 makes no truncation. Every other symbol, frozen copies of the variable included, is a
// constant. The entries are laid out by DerivativeAxes, the rule the symbolic derivative and the binder use.
internal sealed class NumericDerivative<T>
{
    private readonly IScalarField<T> _field;
    private readonly DualField<T> _dual;
    private readonly DualField<Dual<T>> _nested;
    private readonly Evaluator<Dual<T>> _first;
    private readonly Evaluator<Dual<Dual<T>>> _second;

    public NumericDerivative(IScalarField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        _field = field;
        _dual = new DualField<T>(field);
        _nested = new DualField<Dual<T>>(_dual);
        _first = new Evaluator<Dual<T>>(_dual);
        _second = new Evaluator<Dual<Dual<T>>>(_nested);
    }

    // values: every symbol's value (frozen copies included); environment: sizes and free-index values.
    public Matrix<T> Evaluate(Expr of, IReadOnlyList<DerivativeVariable> variables, bool reversed,
        IReadOnlyDictionary<string, Matrix<T>> values, EvaluationEnvironment<T> environment)
    {
        ArgumentNullException.ThrowIfNull(of);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(environment);
        if (variables.Count is not (1 or 2)) throw new ArgumentException("one or two variables", nameof(variables));
        var axes = DerivativeAxes.Of(Shapes.Of(of), variables.Select(v => v.Entry is null ? v.Shape : Shape.Scalar).ToArray(), reversed);
        var shape = DerivativeAxes.ResultShape(axes);
        var sides = DerivativeAxes.ResultSides(axes);
        var cache = new Dictionary<((int, int), (int, int)), Matrix<T>>();
        T Entry(int i, int j)
        {
            // Each participant's position: 0 on an axis of size one, the entry's for X[j,k], else the result's.
            var positions = new (int Row, int Column)[variables.Count + 1];
            for (var k = 0; k < variables.Count; k++) positions[k + 1] = variables[k].Entry ?? (0, 0);
            for (var k = 0; k < axes.Count; k++)
            {
                var at = sides[k] ? i : j;
                var p = axes[k].Participant;
                positions[p] = axes[k].IsRow ? (at, positions[p].Column) : (positions[p].Row, at);
            }
            var key = (positions[1], variables.Count == 2 ? positions[2] : (0, 0));
            if (!cache.TryGetValue(key, out var parts))
            {
                parts = variables.Count == 1 ? First(of, variables[0], positions[1], values, environment) : Second(of, variables, positions[1], positions[2], values, environment);
                cache[key] = parts;
            }
            return parts[positions[0].Row, positions[0].Column];
        }
        return Matrix<T>.Create(environment.Size(shape.Rows), environment.Size(shape.Columns), Entry);
    }

    private Matrix<T> First(Expr of, DerivativeVariable variable, (int Row, int Column) at, IReadOnlyDictionary<string, Matrix<T>> values, EvaluationEnvironment<T> environment)
    {
        var symbols = values.ToDictionary(p => p.Key, p => string.Equals(p.Key, variable.Symbol, StringComparison.Ordinal)
            ? Matrix<Dual<T>>.Create(p.Value.Rows, p.Value.Cols, (r, c) => new Dual<T>(p.Value[r, c], (r, c) == at ? _field.One : _field.Zero))
            : p.Value.Map(_dual.Constant), StringComparer.Ordinal);
        var dualEnvironment = new EvaluationEnvironment<Dual<T>>(environment.Dimensions, symbols, environment.Indices);
        return _first.Evaluate(of, dualEnvironment).Map(d => d.Derivative);
    }

    private Matrix<T> Second(Expr of, IReadOnlyList<DerivativeVariable> variables, (int Row, int Column) first, (int Row, int Column) second,
        IReadOnlyDictionary<string, Matrix<T>> values, EvaluationEnvironment<T> environment)
    {
        T Seed(string symbol, int k, (int, int) entry, (int, int) at) =>
            string.Equals(symbol, variables[k].Symbol, StringComparison.Ordinal) && entry == at ? _field.One : _field.Zero;
        var symbols = values.ToDictionary(p => p.Key, p => Matrix<Dual<Dual<T>>>.Create(p.Value.Rows, p.Value.Cols, (r, c) =>
            new Dual<Dual<T>>(new Dual<T>(p.Value[r, c], Seed(p.Key, 0, (r, c), first)), new Dual<T>(Seed(p.Key, 1, (r, c), second), _field.Zero))),
            StringComparer.Ordinal);
        var nestedEnvironment = new EvaluationEnvironment<Dual<Dual<T>>>(environment.Dimensions, symbols, environment.Indices);
        return _second.Evaluate(of, nestedEnvironment).Map(d => d.Derivative.Derivative);
    }
}
