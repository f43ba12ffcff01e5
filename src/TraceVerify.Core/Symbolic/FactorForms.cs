using System.Collections.Immutable;
using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// The printed pieces of single factors, shared by matrix notation and the index-notation fallback: a
// symbol with the shape its indices give it, a factor's entry `A[i,j]`, and a function factor f(body) at
// its arguments in every layout that reads naturally.
internal static class FactorForms
{
    public static SymbolExpr Symbol(TensorFactor tensor, TermLabels labels, FormScope scope) => tensor.Indices.Count switch
    {
        0 => new SymbolExpr(tensor.Symbol, Shape.Scalar),
        1 when scope.IsRowVector(tensor.Symbol) => new SymbolExpr(tensor.Symbol, new Shape(Dim.One, labels.Range(tensor.Indices[0]))),
        1 => new SymbolExpr(tensor.Symbol, new Shape(labels.Range(tensor.Indices[0]), Dim.One)),
        2 => new SymbolExpr(tensor.Symbol, new Shape(labels.Range(tensor.Indices[0]), labels.Range(tensor.Indices[1]))),
        _ => throw new UnreachableException($"{tensor.Symbol} has {tensor.Indices.Count} indices"),
    };

    // The factor as a scalar with every index written by name, in every form it has (a function factor
    // may have several, or none).
    public static IReadOnlyList<(Expr Expr, bool IsDivisor)> Entries(Factor factor, TermLabels labels, FormScope scope)
    {
        IndexedSlot Slot(int label) => new(labels.Variable(label));
        switch (factor)
        {
            case TensorFactor { Indices.Count: 0 } t:
                return [(Symbol(t, labels, scope), false)];
            case TensorFactor { Indices.Count: 1 } t:
                {
                    var symbol = Symbol(t, labels, scope);
                    var slot = Slot(t.Indices[0]);
                    return [(symbol.Shape.Rows.IsOne ? new EntryExpr(symbol, UnitSlot.Instance, slot) : new EntryExpr(symbol, slot, UnitSlot.Instance), false)];
                }
            case TensorFactor t:
                return [(new EntryExpr(Symbol(t, labels, scope), Slot(t.Indices[0]), Slot(t.Indices[1])), false)];
            case DeltaFactor d:
                return [(new EntryExpr(new IdentityExpr(labels.Range(d.First)), Slot(d.First), Slot(d.Second)), false)];
            case OnesFactor o:
                // Only the sole use of a bound index survives canonicalization: inside the binder of that index
                // it contributes 1 per value, written as a pinned entry to the power 0.
                return labels.Range(o.Index) is KnownDim known ? [(new NumberExpr(Rational.Of(known.Size)), false)]
                    : [(((IndexSumExpr)scope.Count(labels.Range(o.Index), labels.Name(o.Index), labels.FreeIndices())).Body, false)];
            case PositionFactor e:
                // [i = p] is the identity's entry at (i, p).
                return [(new EntryExpr(new IdentityExpr(labels.Range(e.Index)), Slot(e.Index), new PositionSlot(e.Position)), false)];
            case FunctionFactor f:
                {
                    var scalars = FunctionItems(f, labels, scope, scalarOnly: true).ToList();
                    if (f.Arguments.Distinct().Count() < f.Arguments.Count) scalars.AddRange(Equated(f, labels, scope).Where(e => !scalars.Contains(e)));
                    return scalars.Select(s => (s.Expr, s.IsReciprocal)).ToArray();
                }
            case MatrixFunctionFactor f:
                {
                    if (MatrixFunctionItem(f, labels, scope) is not { } item) return [];
                    return [(f.EntryCount == 2 ? new EntryExpr(item.Expr, Slot(f.Arguments[0]), Slot(f.Arguments[1])) : item.Expr, false)];
                }
            default:
                throw new UnreachableException($"no entry form for {factor.GetType().Name}");
        }
    }

    // f(body) at the factor's arguments as items, best first. A layout makes up to two arguments the row
    // and column of the printed body (log(A*X*B) at (i,j)); every other argument is written by name inside
    // the body (B[k,:]) and the item names it. Ranked: matrix notation before index notation, fewer names
    // of the printed matrix's own row and column (they need rows(…) to bind), more slots, shorter text.
    public static IReadOnlyList<FormItem> FunctionItems(FunctionFactor factor, TermLabels labels, FormScope scope, bool scalarOnly)
    {
        ArgumentNullException.ThrowIfNull(factor);
        var arguments = factor.Arguments;
        var inner = scope.Reserving(labels.Names);

        // A contracted δ can leave one index in two argument places, f(M) at (i,i): those places are the
        // printed body's row and column and the item is that matrix's diagonal entry. Any other repetition
        // is written with distinct names that δ entries equate: Σₐ f(…a…) Iₐᵢ.
        var repeated = arguments.GroupBy(a => a).Where(g => g.Count() > 1).ToArray();
        if (repeated.Length > 1 || repeated.Length == 1 && (repeated[0].Count() > 2 || factor.Function is FunctionKind.Sqrt or FunctionKind.OddRoot))
            return Equated(factor, labels, scope);
        (int First, int Second)? diagonal = repeated.Length == 0 ? null
            : (arguments.ToList().IndexOf(repeated[0].Key), arguments.ToList().LastIndexOf(repeated[0].Key));
        var ranked = new List<(FormItem Item, int Fallback, int RowColumnNames, int Slots, int Length, int Order)>();
        var order = 0;
        // An odd root is of a scalar only (s^(1/3) of a matrix is not in the language): no row or column layout.
        var layouts = diagonal is { } pair ? [(pair.First, pair.Second), (pair.Second, pair.First)] : Layouts(factor, scalarOnly || factor.Function == FunctionKind.OddRoot);
        foreach (var (row, column) in layouts)
        {
            order++;
            if (row is { } r && factor.Body.Parameters[r].IsOne || column is { } c && factor.Body.Parameters[c].IsOne) continue;
            var roles = new ParameterRole[arguments.Count];
            for (var p = 0; p < arguments.Count; p++)
            {
                roles[p] = p == row ? RowRole.Instance : p == column ? ColumnRole.Instance : new NamedRole(labels.Name(arguments[p]));
            }
            var names = Enumerable.Range(0, arguments.Count)
                .Where(p => p != row && p != column && labels.Kind(arguments[p]) != LabelKind.Free)
                .Select(p => arguments[p]).ToImmutableSortedSet();
            Expr expr;
            bool inMatrixNotation;
            bool reciprocal = false;
            var loose = new HashSet<int>();
            if (row is { } lr && !labels.IsPinnedBesides(arguments[lr], factor)) loose.Add(lr);
            if (column is { } lc && !labels.IsPinnedBesides(arguments[lc], factor)) loose.Add(lc);
            if (factor.Function == FunctionKind.Sqrt && row is null && column is null && SquareRootForm.Root(factor.Body, roles, inner) is { } root)
            {
                expr = new FrobeniusNorm(root.Expr);
                inMatrixNotation = root.InMatrixNotation;
            }
            else
            {
                if (MatrixForm.Print(factor.Body, roles, inner, mentionAll: true, loose) is not { } body) continue;
                inMatrixNotation = body.InMatrixNotation;
                switch (factor.Function)
                {
                    case FunctionKind.Log or FunctionKind.Exp or FunctionKind.Sqrt or FunctionKind.Sin or FunctionKind.Cos or FunctionKind.Tan or FunctionKind.Abs or FunctionKind.OddRoot:
                        expr = new ElementwiseFunction(factor.Function, body.Expr) { Degree = factor.Degree };
                        break;
                    case FunctionKind.Reciprocal: expr = body.Expr; reciprocal = true; break;
                    default: throw new UnreachableException($"no printed form for {factor.Function}");
                }
            }
            var item = new FormItem(expr, row is { } rr ? arguments[rr] : null, column is { } cc ? arguments[cc] : null, names, reciprocal);
            if (scalarOnly && item.IsLoop) item = DiagonalEntry(item, labels);
            var rowColumnNames = names.Count(l => labels.Kind(l) is LabelKind.Row or LabelKind.Column);
            ranked.Add((item, inMatrixNotation ? 0 : 1, rowColumnNames, -item.SlotCount, ExprPrinter.Print(expr).Length, order));
        }
        return ranked.OrderBy(r => r.Fallback).ThenBy(r => r.RowColumnNames).ThenBy(r => r.Slots).ThenBy(r => r.Length).ThenBy(r => r.Order)
            .Select(r => r.Item).ToArray();
    }

    // inv(M) as a matrix item at its entry arguments, det(M) as a scalar item; M printed with its own row and
    // column, the enclosing indices it mentions by name. Null when M has no printed form.
    public static FormItem? MatrixFunctionItem(MatrixFunctionFactor factor, TermLabels labels, FormScope scope)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scope);
        var outer = factor.Outer.ToArray();
        var roles = new ParameterRole[2 + outer.Length];
        roles[0] = RowRole.Instance;
        roles[1] = ColumnRole.Instance;
        for (var k = 0; k < outer.Length; k++) roles[2 + k] = new NamedRole(labels.Name(outer[k]));
        if (MatrixForm.Print(factor.Body, roles, scope.Reserving(labels.Names), mentionAll: true, new HashSet<int> { 0, 1 }) is not { } body) return null;
        var expr = new MatrixFunctionExpr(factor.Function, body.Expr);
        var names = outer.Where(a => labels.Kind(a) != LabelKind.Free).ToImmutableSortedSet();
        return factor.EntryCount == 2
            ? new FormItem(expr, factor.Arguments[0], factor.Arguments[1], names, false)
            : new FormItem(expr, null, null, names, false);
    }

    // f at arguments with repeats as Σ over fresh names a of f(…a…)·I[a,i]: the canonical form contracts the
    // δ back into the repeated argument.
    private static IReadOnlyList<FormItem> Equated(FunctionFactor factor, TermLabels labels, FormScope scope)
    {
        var arguments = factor.Arguments;
        var seen = new HashSet<int>();
        var repeats = Enumerable.Range(0, arguments.Count).Where(p => !seen.Add(arguments[p])).ToArray();
        var fresh = scope.FreshNames(repeats.Length, labels.Names);
        var variables = repeats.Select((p, k) => new IndexVariable(fresh[k], labels.Range(arguments[p]))).ToArray();
        var roles = new ParameterRole[arguments.Count];
        for (var p = 0; p < arguments.Count; p++)
        {
            var k = Array.IndexOf(repeats, p);
            roles[p] = new NamedRole(k >= 0 ? fresh[k] : labels.Name(arguments[p]));
        }
        var inner = scope.Reserving(labels.Names.Concat(fresh));
        Expr value;
        if (factor.Function == FunctionKind.Sqrt && SquareRootForm.Root(factor.Body, roles, inner) is { } root)
        {
            value = new FrobeniusNorm(root.Expr);
        }
        else
        {
            if (MatrixForm.Print(factor.Body, roles, inner, mentionAll: true, new HashSet<int>()) is not { } body) return [];
            value = factor.Function switch
            {
                FunctionKind.Log or FunctionKind.Exp or FunctionKind.Sqrt or FunctionKind.Sin or FunctionKind.Cos or FunctionKind.Tan or FunctionKind.Abs or FunctionKind.OddRoot
                    => new ElementwiseFunction(factor.Function, body.Expr) { Degree = factor.Degree },
                FunctionKind.Reciprocal => new ScalarDivide(new NumberExpr(Rational.One), body.Expr),
                _ => throw new UnreachableException($"no printed form for {factor.Function}"),
            };
        }
        var deltas = repeats.Select((p, k) => (Expr)new EntryExpr(new IdentityExpr(variables[k].Range), new IndexedSlot(variables[k]), new IndexedSlot(labels.Variable(arguments[p]))));
        var summed = new IndexSumExpr(new EquatableArray<IndexVariable>(variables), ExprTidy.Multiply([value, .. deltas]));
        var names = arguments.Distinct().Where(a => labels.Kind(a) != LabelKind.Free).ToImmutableSortedSet();
        return [new FormItem(summed, null, null, names, false)];
    }

    // f(M)ᵢᵢ as a scalar: the entry (i,i) of f(M) (1 ./ M for a reciprocal), naming i.
    private static FormItem DiagonalEntry(FormItem loop, TermLabels labels)
    {
        var label = loop.Row!.Value;
        var value = loop.IsReciprocal ? Reciprocal(loop.Expr, labels.Range(label)) : loop.Expr;
        var slot = new IndexedSlot(labels.Variable(label));
        var names = labels.Kind(label) == LabelKind.Free ? loop.Names : loop.Names.Add(label);
        return new FormItem(new EntryExpr(value, slot, slot), null, null, names, false);
    }

    // 1 ⊘ M for a square M of the given size, written with a ones matrix of M's shape.
    private static Expr Reciprocal(Expr matrix, Dim size) =>
        new ElementwiseDivide(new MatrixProduct(new OnesExpr(size), new TransposeExpr(new OnesExpr(size))), matrix);

    // Parameter positions for the printed body's row and column: ordered pairs, then single rows (a column
    // vector), then none (a scalar with every argument named). A scalar square root whose body is a sum of
    // squares prints as fro(N); any other is sqrt(…), elementwise like log.
    private static IEnumerable<(int? Row, int? Column)> Layouts(FunctionFactor factor, bool scalarOnly)
    {
        var count = factor.Arguments.Count;
        if (!scalarOnly)
        {
            for (var r = 0; r < count; r++)
            {
                for (var c = 0; c < count; c++)
                {
                    if (r != c) yield return (r, c);
                }
            }
            for (var r = 0; r < count; r++) yield return (r, null);
        }
        yield return (null, null);
    }
}
