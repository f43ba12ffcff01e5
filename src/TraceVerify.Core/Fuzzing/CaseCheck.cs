using System.Diagnostics;
using System.Globalization;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Fuzzing;

// Decides one case in one arithmetic: exact over Q (agree = equal) or rigorous over intervals
// (agree = the enclosures overlap, so only disjoint enclosures count as a difference).
// - Equality: at every assignment of the free indices, every side equals side 1.
// - Derivative: the derivative of `of` is computed by forward-mode dual numbers, independently of the
//   symbolic engine. For wrt X, direction V seeds X ↦ X + εV while every other symbol, and every frozen
//   copy of X, stays constant; the ε-part of `of` is then Σ ∂f/∂X∘V. Unit directions E_ab give the gradient
//   entry by entry and are compared with claim[a,b]; other directions are compared with Σ claim∘V.
//   For wrt X[j,k] the direction is E_jk at every assignment of the free indices, compared with the claim
//   evaluated at that assignment.
// Returns null when the case passes. DomainException and NotExactException propagate to the caller.
internal sealed class CaseCheck<T>
{
    private readonly IScalarField<T> _field;
    private readonly DualField<T> _dual;
    private readonly Evaluator<T> _values;
    private readonly Evaluator<Dual<T>> _derivatives;
    private readonly Func<T, T, bool> _agree;
    private readonly NumericDerivative<T> _general;

    public CaseCheck(IScalarField<T> field, Func<T, T, bool> agree)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(agree);
        _field = field;
        _dual = new DualField<T>(field);
        _values = new Evaluator<T>(field);
        _derivatives = new Evaluator<Dual<T>>(_dual);
        _agree = agree;
        _general = new NumericDerivative<T>(field);
    }

    public CaseFailure? Run(FuzzTarget target, FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(fuzzCase);
        var inputs = Inputs(target, fuzzCase);
        var environment = new EvaluationEnvironment<T>(fuzzCase.Dimensions, inputs);
        return target.Entry.Kind switch
        {
            EntryKind.Equality => Equality(target, environment),
            EntryKind.Derivative => Derivative(target, fuzzCase, inputs, environment),
            _ => throw new ArgumentException($"a {target.Entry.Kind} entry has nothing to check", nameof(target)),
        };
    }

    // The case's values in this field; a frozen copy takes its original's value.
    private Dictionary<string, Matrix<T>> Inputs(FuzzTarget target, FuzzCase fuzzCase)
    {
        var inputs = new Dictionary<string, Matrix<T>>(StringComparer.Ordinal);
        foreach (var (name, _) in target.Inputs)
        {
            if (!fuzzCase.Values.TryGetValue(name, out var value))
                throw new ArgumentException($"the case gives no value for symbol `{name}`", nameof(fuzzCase));
            inputs[name] = value.Map(_field.FromRational);
        }

        foreach (var (copy, original) in target.Frozen)
        {
            if (inputs.TryGetValue(original, out var value)) inputs[copy] = value;
        }

        return inputs;
    }

    private CaseFailure? Equality(FuzzTarget target, EvaluationEnvironment<T> environment)
    {
        var sides = target.Entry.Sides;
        foreach (var indices in Assignments(target.Entry.FreeIndices, environment))
        {
            var scoped = environment.WithIndices(indices);
            var left = _values.Evaluate(sides[0], scoped);
            for (var i = 1; i < sides.Count; i++)
            {
                var right = _values.Evaluate(sides[i], scoped);
                var differences = Differences(left, right);
                if (differences.Count > 0)
                {
                    return new CaseFailure(indices, left.ToString(), right.ToString(), differences,
                        $"side {i + 1} differs from side 1 at {Count(differences.Count, "entry", "entries")} of {left.Rows * left.Cols}");
                }
            }
        }

        return null;
    }

    private CaseFailure? Derivative(FuzzTarget target, FuzzCase fuzzCase, Dictionary<string, Matrix<T>> inputs, EvaluationEnvironment<T> environment)
    {
        var entry = target.Entry;
        var constants = inputs.ToDictionary(p => p.Key, p => p.Value.Map(_dual.Constant), StringComparer.Ordinal);
        var variable = inputs[target.Variable];
        // The symmetric convention differentiates by the independent entry X[r,c] = X[c,r]: the direction
        // E_rc + E_cr (E_rr on the diagonal), which is G + Gᵀ − diag(G); it always compares the whole gradient.
        var symmetric = entry.Convention == Symbolic.StructuredDerivativeConvention.Symmetric;
        foreach (var indices in Assignments(entry.FreeIndices, environment))
        {
            var scoped = environment.WithIndices(indices);
            var claims = entry.Sides.Select(claim => _values.Evaluate(claim, scoped)).ToArray();
            var failure = entry.IsGeneralDerivative ? General() : entry.Wrt switch
            {
                EntryExpr e => AtEntry(SlotValue(e.Row, indices), SlotValue(e.Column, indices)),
                _ when fuzzCase.Directions.Count > 0 && !symmetric => AlongDirections(),
                _ => Gradient(),
            };
            if (failure is not null) return failure;

            // A vector or matrix `of`, or a second derivative: the whole derivative, entry by entry (NumericDerivative).
            CaseFailure? General()
            {
                var derivative = _general.Evaluate(entry.Of!, entry.NumericVariables(indices), entry.Reversed, inputs, scoped);
                for (var i = 0; i < claims.Length; i++)
                {
                    var differences = Differences(derivative, claims[i]);
                    if (differences.Count > 0)
                    {
                        return new CaseFailure(indices, derivative.ToString(), claims[i].ToString(), differences,
                            $"the derivative (forward-mode dual numbers{(entry.SecondWrt is null ? "" : ", nested")}) differs from claim {i + 1} at {Count(differences.Count, "entry", "entries")} of {derivative.Rows * derivative.Cols}");
                    }
                }

                return null;
            }

            CaseFailure? AtEntry(int row, int column)
            {
                var derivative = Directional((a, b) => a == row && b == column ? _field.One : _field.Zero);
                for (var i = 0; i < claims.Length; i++)
                {
                    var claim = claims[i];
                    var left = Matrix<T>.Create(1, 1, (_, _) => derivative);
                    var differences = Differences(left, claim);
                    if (differences.Count > 0)
                    {
                        return new CaseFailure(indices, left.ToString(), claim.ToString(), differences,
                            $"∂f/∂{target.Variable}[{row + 1},{column + 1}] (forward-mode dual numbers) differs from claim {i + 1}");
                    }
                }

                return null;
            }

            CaseFailure? Gradient()
            {
                var gradient = Matrix<T>.Create(variable.Rows, variable.Cols,
                    (row, column) => Directional((a, b) => (a == row && b == column) || (symmetric && a == column && b == row) ? _field.One : _field.Zero));
                for (var i = 0; i < claims.Length; i++)
                {
                    var differences = Differences(gradient, claims[i]);
                    if (differences.Count > 0)
                    {
                        return new CaseFailure(indices, gradient.ToString(), claims[i].ToString(), differences,
                            $"∂f/∂{target.Variable} (forward-mode dual numbers) differs from claim {i + 1} at {Count(differences.Count, "entry", "entries")} of {gradient.Rows * gradient.Cols}");
                    }
                }

                return null;
            }

            CaseFailure? AlongDirections()
            {
                var derivatives = fuzzCase.Directions.Select(v => Directional((a, b) => _field.FromRational(v[a, b]))).ToArray();
                for (var i = 0; i < claims.Length; i++)
                {
                    var claim = claims[i];
                    if (claim.Rows != variable.Rows || claim.Cols != variable.Cols)
                    {
                        return new CaseFailure(indices, $"{variable.Rows}×{variable.Cols} gradient", $"{claim.Rows}×{claim.Cols} claim",
                            [$"shape: left {variable.Rows}×{variable.Cols}, right {claim.Rows}×{claim.Cols}"],
                            $"claim {i + 1} does not have the shape of {target.Variable}");
                    }

                    var projected = fuzzCase.Directions.Select(v => Project(claim, v)).ToArray();
                    var differences = new List<string>();
                    for (var d = 0; d < derivatives.Length; d++)
                    {
                        if (!_agree(derivatives[d], projected[d]))
                            differences.Add($"direction {fuzzCase.Directions[d]}: left {derivatives[d]}, right {projected[d]}");
                    }

                    if (differences.Count > 0)
                    {
                        return new CaseFailure(indices, Join(derivatives), Join(projected), differences,
                            $"Σ ∂f/∂{target.Variable}∘V (forward-mode dual numbers) differs from Σ claim {i + 1}∘V along {Count(differences.Count, "direction", "directions")} of {derivatives.Length}");
                    }
                }

                return null;
            }

            // The ε-part of f at X + εV, V given entrywise by seed.
            T Directional(Func<int, int, T> seed)
            {
                var symbols = new Dictionary<string, Matrix<Dual<T>>>(constants, StringComparer.Ordinal)
                {
                    [target.Variable] = Matrix<Dual<T>>.Create(variable.Rows, variable.Cols, (a, b) => new Dual<T>(variable[a, b], seed(a, b))),
                };
                var dualEnvironment = new EvaluationEnvironment<Dual<T>>(environment.Dimensions, symbols, indices);
                return _derivatives.EvaluateScalar(entry.Of!, dualEnvironment).Derivative;
            }
        }

        return null;
    }

    // Σ_ab claim[a,b]·V[a,b].
    private T Project(Matrix<T> claim, Matrix<Rational> direction)
    {
        var sum = _field.Zero;
        for (var a = 0; a < claim.Rows; a++)
        {
            for (var b = 0; b < claim.Cols; b++) sum = _field.Add(sum, _field.Multiply(claim[a, b], _field.FromRational(direction[a, b])));
        }

        return sum;
    }

    private List<string> Differences(Matrix<T> left, Matrix<T> right)
    {
        if (left.Rows != right.Rows || left.Cols != right.Cols)
            return [$"shape: left {left.Rows}×{left.Cols}, right {right.Rows}×{right.Cols}"];
        var differences = new List<string>();
        for (var r = 0; r < left.Rows; r++)
        {
            for (var c = 0; c < left.Cols; c++)
            {
                if (!_agree(left[r, c], right[r, c]))
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"[{r + 1},{c + 1}]: left {left[r, c]}, right {right[r, c]}"));
            }
        }

        return differences;
    }

    // An indexed slot reads the free index, a unit slot is position 0 (a slice was rejected by FuzzTarget).
    private static int SlotValue(IndexSlot slot, IReadOnlyDictionary<string, int> indices) => slot switch
    {
        IndexedSlot i => indices.TryGetValue(i.Index.Name, out var value)
            ? value
            : throw new ArgumentException($"`{i.Index.Name}` in the variable is not a free index of the entry"),
        UnitSlot => 0,
        PositionSlot p => p.Position - 1,
        _ => throw new UnreachableException($"no position for {slot.GetType().Name}"),
    };

    // Every assignment of 0-based values to the free indices (one empty assignment when there are none).
    private static IEnumerable<IReadOnlyDictionary<string, int>> Assignments(IReadOnlyList<IndexVariable> free, EvaluationEnvironment<T> environment)
    {
        var sizes = free.Select(i => environment.Size(i.Range)).ToArray();
        var values = new int[free.Count];
        while (true)
        {
            var assignment = new Dictionary<string, int>(free.Count, StringComparer.Ordinal);
            for (var i = 0; i < free.Count; i++) assignment[free[i].Name] = values[i];
            yield return assignment;
            var position = free.Count - 1;
            while (position >= 0 && ++values[position] == sizes[position])
            {
                values[position] = 0;
                position--;
            }

            if (position < 0) yield break;
        }
    }

    private static string Join(IEnumerable<T> values) => "[" + string.Join("; ", values) + "]";

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
