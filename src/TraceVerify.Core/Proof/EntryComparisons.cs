using System.Diagnostics;
using System.Globalization;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Proof;

// What an entry claims at concrete sizes and symbol values, as equalities of evaluated matrices (the same
// statement fuzzing's CaseCheck decides for one case, so a Z3 model is confirmed against what Z3 was asked):
//   Equality:   for every free-index assignment, Sides[k] = Sides[0] for k ≥ 1.
//   Derivative: for every free-index assignment, claim k = the derivative of Of, computed with dual numbers
//               (forward mode, independent of the symbolic engine): wrt X, entry (a,b) of the derivative is
//               Of's derivative in the direction E_ab; wrt X[j,k], the direction is E at (j,k)'s values.
// A frozen copy Y of X takes X's values and, being held constant, no derivative.
internal static class EntryComparisons
{
    public static IReadOnlyList<SideComparison<T>> Expand<T>(BoundEntry entry, IReadOnlyDictionary<string, int> sizes, IScalarField<T> field,
        IReadOnlyDictionary<string, Matrix<T>> variables)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(variables);
        var values = WithFrozenCopies(entry, variables);
        var environment = new EvaluationEnvironment<T>(sizes, values);
        var evaluator = new Evaluator<T>(field);
        var derivatives = new Evaluator<Dual<T>>(new DualField<T>(field));
        var comparisons = new List<SideComparison<T>>();
        foreach (var assignment in FreeIndexAssignments(entry, environment))
        {
            var scoped = environment.WithIndices(assignment);
            Matrix<T> left;
            int first;
            switch (entry.Kind)
            {
                case EntryKind.Equality:
                    left = evaluator.Evaluate(entry.Sides[0], scoped);
                    first = 1;
                    break;
                case EntryKind.Derivative:
                    left = Derivative(entry, derivatives, values, scoped);
                    first = 0;
                    break;
                default:
                    return [];
            }
            for (var k = first; k < entry.Sides.Count; k++)
            {
                var label = EntryBinder.SideName(entry.Kind, k, entry.Sides.Count) + (assignment.Count == 0 ? "" : " at " + DescribeIndices(assignment));
                comparisons.Add(new SideComparison<T>(label, left, evaluator.Evaluate(entry.Sides[k], scoped)));
            }
        }
        return comparisons;
    }

    // The symbols that take values: every symbol but frozen copies, and the original of every frozen copy.
    public static IReadOnlyList<string> Variables(BoundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var names = new SortedSet<string>(entry.Symbols.Keys.Where(name => !IsCopy(entry, name)), StringComparer.Ordinal);
        foreach (var (copy, original) in entry.Frozen)
        {
            if (IsCopy(entry, copy)) names.Add(original);
        }
        return names.ToArray();
    }

    // The shape of a variable; a frozen-copy original that never appears itself has its copy's shape.
    public static Shape VariableShape(BoundEntry entry, string name)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Symbols.TryGetValue(name, out var shape)) return shape;
        var copy = entry.Frozen.First(p => p.Value == name).Key;
        return entry.Symbols[copy];
    }

    // "i=1, k=2" with 1-based values.
    public static string DescribeIndices(IReadOnlyDictionary<string, int> assignment) =>
        string.Join(", ", assignment.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value + 1}")));

    // `frozen: X: X` names no copy.
    private static bool IsCopy(BoundEntry entry, string name) => entry.Frozen.TryGetValue(name, out var original) && original != name;

    private static Dictionary<string, Matrix<T>> WithFrozenCopies<T>(BoundEntry entry, IReadOnlyDictionary<string, Matrix<T>> variables)
    {
        var values = new Dictionary<string, Matrix<T>>(variables, StringComparer.Ordinal);
        foreach (var (copy, original) in entry.Frozen)
        {
            if (!IsCopy(entry, copy)) continue;
            if (!variables.TryGetValue(original, out var value)) throw new ArgumentException($"no value given for {original}, which {copy} copies");
            values[copy] = value;
        }
        return values;
    }

    private static IEnumerable<IReadOnlyDictionary<string, int>> FreeIndexAssignments<T>(BoundEntry entry, EvaluationEnvironment<T> environment)
    {
        IEnumerable<Dictionary<string, int>> assignments = [new Dictionary<string, int>(StringComparer.Ordinal)];
        foreach (var index in entry.FreeIndices)
        {
            var size = environment.Size(index.Range);
            assignments = assignments.SelectMany(a => Enumerable.Range(0, size)
                .Select(v => new Dictionary<string, int>(a, StringComparer.Ordinal) { [index.Name] = v }));
        }
        return assignments;
    }

    // ∂Of/∂Wrt at the environment's index values: one forward-mode pass per direction E_ab of the variable
    // (under the symmetric convention E_ab + E_ba: the derivative by the independent entry X[a,b] = X[b,a]).
    private static Matrix<T> Derivative<T>(BoundEntry entry, Evaluator<Dual<T>> derivatives, IReadOnlyDictionary<string, Matrix<T>> values,
        EvaluationEnvironment<T> environment)
    {
        var variable = entry.VariableName ?? throw new ArgumentException($"entry {entry.Id} has no variable");
        if (entry.IsGeneralDerivative)
            return new NumericDerivative<T>(((DualField<T>)derivatives.Field).Inner).Evaluate(entry.Of!, entry.NumericVariables(environment.Indices), entry.Reversed, values, environment);
        var dual = (DualField<T>)derivatives.Field;
        var value = values[variable];
        var constants = values.ToDictionary(p => p.Key, p => p.Value.Map(dual.Constant), StringComparer.Ordinal);
        var symmetric = entry.Convention == Symbolic.StructuredDerivativeConvention.Symmetric;
        T Along(int row, int column)
        {
            var seeded = new Dictionary<string, Matrix<Dual<T>>>(constants, StringComparer.Ordinal)
            {
                [variable] = Matrix<Dual<T>>.Create(value.Rows, value.Cols,
                    (r, c) => (r == row && c == column) || (symmetric && r == column && c == row) ? dual.Variable(value[r, c]) : dual.Constant(value[r, c])),
            };
            var dualEnvironment = new EvaluationEnvironment<Dual<T>>(environment.Dimensions, seeded, environment.Indices);
            return derivatives.EvaluateScalar(entry.Of!, dualEnvironment).Derivative;
        }
        return entry.Wrt switch
        {
            SymbolExpr => Matrix<T>.Create(value.Rows, value.Cols, Along),
            EntryExpr e => Matrix<T>.Create(1, 1, (_, _) => Along(SlotValue(e.Row, environment.Indices), SlotValue(e.Column, environment.Indices))),
            _ => throw new UnreachableException($"no derivative rule for wrt {entry.Wrt?.GetType().Name}"),
        };
    }

    private static int SlotValue(IndexSlot slot, IReadOnlyDictionary<string, int> assignment) => slot switch
    {
        UnitSlot => 0,
        PositionSlot p => p.Position - 1,
        IndexedSlot i when assignment.TryGetValue(i.Index.Name, out var value) => value,
        IndexedSlot i => throw new ArgumentException($"the variable's index {i.Index.Name} is not a free index"),
        _ => throw new UnreachableException($"a derivative's variable has no slot {slot.GetType().Name}"),
    };
}
