using System.Collections.Immutable;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Turns one canonical term into matrix notation by reducing its index network. Indices are vertices,
// matrix factors edges, vectors weights on vertices, scalars loose. Every step is an identity:
//   parallel  Aᵢⱼ Bᵢⱼ → (A⊙B)ᵢⱼ, Aᵢⱼ/Bᵢⱼ → (A⊘B)ᵢⱼ, uᵢvᵢ → (u⊙v)ᵢ
//   series    Σₖ Aᵢₖ vₖ Bₖⱼ → (A diag(v) B)ᵢⱼ (an edge traversed backwards is transposed)
//   leaf      Σₖ Aₖⱼ vₖ → (Aᵀv)ⱼ, Σₖ Aₖⱼ → (Aᵀ1)ⱼ, Σₖ uₖvₖ → uᵀv
//   loop      Σₖ vₖ Aₖₖ → tr(diag(v) A); Aᵢᵢ at a kept index → ((A⊙I)1)ᵢ
//   free      an index free by name is fixed by an entry: A[j,:], A[:,j], v[j]
//   names     an item that names a bound k (B[k,:] inside a function body) is summed, sum(k; …), or
//             stacked into rows(k; …) so that k becomes its row
// until only the printed row and column remain: diag(u)·M·diag(v), or u·vᵀ with 1 for a missing side.
// A network that does not reduce (an index shared by three matrices) has no form here; the caller
// falls back to index notation. Function factors offer several layouts; a few combinations are tried.
internal static class NetworkForm
{
    private const int LayoutBudget = 32;

    // The first reduction, over layout combinations of the function factors, that `accept` takes (it
    // returns the accepted, possibly rewritten, expression or null).
    public static Expr? Build(CanonicalTerm term, TermLabels labels, FormScope scope, Func<Expr, Expr?> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(labels);
        // A bound index no symbol reaches would print as an unpinned `ones`; a count pins itself.
        for (var k = labels.ParameterCount; k < labels.Count; k++)
        {
            if (!Pinning.IsPinned(term, k) && !term.Factors.Contains(new OnesFactor(k))) return null;
        }
        var fixedItems = new List<(int Position, FormItem Item)>();
        var choices = new List<(int Position, IReadOnlyList<FormItem> Layouts)>();
        for (var f = 0; f < term.Factors.Count; f++)
        {
            switch (term.Factors[f])
            {
                case FunctionFactor function:
                    var layouts = FactorForms.FunctionItems(function, labels, scope, scalarOnly: false);
                    if (layouts.Count == 0) return null;
                    choices.Add((f, layouts));
                    break;
                case MatrixFunctionFactor matrixFunction:
                    if (FactorForms.MatrixFunctionItem(matrixFunction, labels, scope) is not { } whole) return null;
                    fixedItems.Add((f, whole));
                    break;
                case var factor:
                    fixedItems.Add((f, Item(factor, labels, scope)));
                    break;
            }
        }
        var picked = new int[choices.Count];
        for (var attempt = 0; attempt < LayoutBudget; attempt++)
        {
            var items = fixedItems.Concat(choices.Select((c, k) => (c.Position, Item: c.Layouts[picked[k]])))
                .OrderBy(p => p.Position).Select(p => p.Item).ToList();
            if (new Reduction(labels, items).Run() is { } expr && accept(expr) is { } accepted) return accepted;
            var k2 = 0;
            while (k2 < choices.Count && ++picked[k2] == choices[k2].Layouts.Count) picked[k2++] = 0;
            if (k2 == choices.Count) break;
        }
        return null;
    }

    private static FormItem Item(Factor factor, TermLabels labels, FormScope scope) => factor switch
    {
        TensorFactor { Indices.Count: 0 } t => FormItem.Scalar(FactorForms.Symbol(t, labels, scope)),
        TensorFactor { Indices.Count: 1 } t => FactorForms.Symbol(t, labels, scope) is var v && v.Shape.Rows.IsOne
            ? FormItem.Vector(new TransposeExpr(v), t.Indices[0])
            : FormItem.Vector(v, t.Indices[0]),
        TensorFactor t => FormItem.Matrix(FactorForms.Symbol(t, labels, scope), t.Indices[0], t.Indices[1]),
        DeltaFactor d => FormItem.Matrix(new IdentityExpr(labels.Range(d.First)), d.First, d.Second),
        PositionFactor e => FormItem.Vector(new EntryExpr(new IdentityExpr(labels.Range(e.Index)), SliceSlot.Instance, new PositionSlot(e.Position)), e.Index),
        OnesFactor o => FormItem.Scalar(scope.Count(labels.Range(o.Index), labels.Name(o.Index), labels.FreeIndices())),
        _ => throw new System.Diagnostics.UnreachableException($"no item for {factor.GetType().Name}"),
    };

    private sealed class Reduction(TermLabels labels, List<FormItem> items)
    {
        private readonly List<Expr> _scalars = [];
        private readonly List<Expr> _divisors = [];

        public Expr? Run()
        {
            while (TakeScalar() || MergeParallel() || CloseLoop() || EliminateBound() || FixFree() || BindName()) { }
            return Assemble();
        }

        private Dim Range(int label) => labels.Range(label);

        private OnesExpr Ones(int label) => new(Range(label));

        private bool IsNamed(int label) => items.Any(i => i.Names.Contains(label));

        private void Replace(IEnumerable<FormItem> removed, FormItem added)
        {
            var gone = removed.ToList();
            var position = gone.Min(items.IndexOf);
            foreach (var item in gone) items.Remove(item);
            items.Insert(Math.Min(position, items.Count), added);
        }

        private static ImmutableSortedSet<int> Union(params FormItem[] parts) => parts.SelectMany(p => p.Names).ToImmutableSortedSet();

        // The item's value without the reciprocal flag: 1 ⊘ M written with a ones matrix of M's shape.
        private Expr Materialize(FormItem item)
        {
            if (!item.IsReciprocal) return item.Expr;
            return (item.Row, item.Column) switch
            {
                ({ } r, { } c) => new ElementwiseDivide(new MatrixProduct(Ones(r), new TransposeExpr(Ones(c))), item.Expr),
                ({ } r, null) => new ElementwiseDivide(Ones(r), item.Expr),
                _ => new ScalarDivide(new NumberExpr(Rational.One), item.Expr),
            };
        }

        private bool TakeScalar()
        {
            var scalar = items.FirstOrDefault(i => i.Row is null && i.Names.IsEmpty);
            if (scalar is null) return false;
            items.Remove(scalar);
            (scalar.IsReciprocal ? _divisors : _scalars).Add(scalar.Expr);
            return true;
        }

        private bool MergeParallel()
        {
            for (var a = 0; a < items.Count; a++)
            {
                for (var b = a + 1; b < items.Count; b++)
                {
                    var (x, y) = (items[a], items[b]);
                    if (x.Row is not { } r || !SameSlots(x, y)) continue;
                    if (x.Column is { } c && r != c && IsPureCycle(r, c)) continue;
                    var other = x.Column is { } c2 ? y.Oriented(r, c2) : y.Expr;
                    var merged = (x.IsReciprocal, y.IsReciprocal) switch
                    {
                        (false, false) => x with { Expr = new HadamardProduct(x.Expr, other), Names = Union(x, y) },
                        (false, true) => x with { Expr = new ElementwiseDivide(x.Expr, other), Names = Union(x, y) },
                        (true, false) => x with { Expr = new ElementwiseDivide(other, x.Expr), Names = Union(x, y), IsReciprocal = false },
                        // Not 1 ⊘ (A⊙B): the canonical form keeps 1/A and 1/B apart when A or B is a sum.
                        (true, true) => x with { Expr = new ElementwiseDivide(Materialize(x), other), Names = Union(x, y), IsReciprocal = false },
                    };
                    Replace([x, y], merged);
                    return true;
                }
            }
            return false;
        }

        private static bool SameSlots(FormItem x, FormItem y) =>
            x.Row == y.Row && x.Column == y.Column || x.Column is not null && x.Row == y.Column && x.Column == y.Row;

        // Two edges that are all of two bound vertices form a traced cycle: series then trace reads tr(A*B),
        // where merging first would read 1ᵀ(A⊙Bᵀ)1.
        private bool IsPureCycle(int a, int b) =>
            labels.Kind(a) == LabelKind.Bound && labels.Kind(b) == LabelKind.Bound && !IsNamed(a) && !IsNamed(b)
            && items.Count(i => i.Touches(a)) == 2 && items.Count(i => i.Touches(b)) == 2;

        private bool CloseLoop()
        {
            foreach (var loop in items.Where(i => i.IsLoop).ToList())
            {
                var k = loop.Row!.Value;
                if (labels.Kind(k) == LabelKind.Free) continue;
                var others = items.Where(i => i != loop && i.Touches(k)).ToList();
                if (labels.Kind(k) == LabelKind.Bound && !IsNamed(k) && others.All(i => i.SlotCount == 1) && others.Count <= 1)
                {
                    var matrix = Materialize(loop);
                    var traced = others.Count == 1 ? new MatrixProduct(new DiagExpr(Materialize(others[0])), matrix) : matrix;
                    Replace([loop, .. others], new FormItem(new TraceOf(traced), null, null, Union([loop, .. others]), false));
                    return true;
                }
                // The diagonal is taken of the item's value, not inside a function: f(M)ᵢᵢ is f(M) at (i,i),
                // which is what the canonical form holds, not f of M's diagonal. Next to an identity the
                // diagonal stays a matrix, δₖₗ Aₖₖ = (A⊙I)ₖₗ; elsewhere it is the vector (A⊙I)1.
                var identity = others.FirstOrDefault(i => i.SlotCount == 2 && i.Expr is IdentityExpr && !i.IsReciprocal);
                if (identity is not null)
                {
                    var masked = new HadamardProduct(Materialize(loop), new IdentityExpr(Range(k)));
                    Replace([loop, identity], identity with { Expr = masked, Names = Union(loop, identity) });
                    return true;
                }
                var diagonal = new MatrixProduct(new HadamardProduct(Materialize(loop), new IdentityExpr(Range(k))), Ones(k));
                Replace([loop], loop with { Expr = diagonal, Column = null, IsReciprocal = false });
                return true;
            }
            return false;
        }

        private bool EliminateBound()
        {
            for (var k = labels.ParameterCount; k < labels.Count; k++)
            {
                if (IsNamed(k)) continue;
                var touching = items.Where(i => i.Touches(k)).ToList();
                if (touching.Count == 0 || touching.Any(i => i.IsLoop)) continue;
                var vectors = touching.Where(i => i.SlotCount == 1).ToList();
                var edges = touching.Where(i => i.SlotCount == 2).ToList();
                if (vectors.Count > 1) continue;
                var weight = vectors.Count == 1 ? vectors[0] : null;
                switch (edges.Count)
                {
                    case 0:
                        Replace(touching, new FormItem(SumOf(weight!), null, null, Union([.. touching]), false));
                        return true;
                    case 1:
                        {
                            var edge = edges[0];
                            var end = edge.OtherEnd(k);
                            var product = new MatrixProduct(Oriented(edge, end, k), weight is null ? Ones(k) : Materialize(weight));
                            Replace(touching, new FormItem(product, end, null, Union([.. touching]), false));
                            return true;
                        }
                    case 2:
                        {
                            // Keep the factors' own orientation where the chain allows it: ⋯A₋ₖ Bₖ₋⋯ reads A*B.
                            var (first, second) = edges[1].Column == k && edges[0].Row == k && edges[0].Column != k ? (edges[1], edges[0]) : (edges[0], edges[1]);
                            var (a, b) = (first.OtherEnd(k), second.OtherEnd(k));
                            Expr left = Oriented(first, a, k);
                            if (weight is not null) left = new MatrixProduct(left, new DiagExpr(Materialize(weight)));
                            var product = new MatrixProduct(left, Oriented(second, k, b));
                            Replace(touching, new FormItem(product, a, b, Union([.. touching]), false));
                            return true;
                        }
                }
            }
            return false;
        }

        private Expr Oriented(FormItem item, int a, int b)
        {
            var value = Materialize(item);
            return item.Row == a && item.Column == b ? value : new TransposeExpr(value);
        }

        // Σₖ vₖ: u'*w for a Hadamard product u ⊙ w, ones'*v otherwise.
        private Expr SumOf(FormItem vector)
        {
            var k = vector.Row!.Value;
            if (!vector.IsReciprocal && vector.Expr is HadamardProduct h) return new MatrixProduct(new TransposeExpr(h.Left), h.Right);
            return new MatrixProduct(new TransposeExpr(Ones(k)), Materialize(vector));
        }

        private bool FixFree()
        {
            foreach (var item in items)
            {
                var rowFree = item.Row is { } r && labels.Kind(r) == LabelKind.Free;
                var columnFree = item.Column is { } c && labels.Kind(c) == LabelKind.Free;
                if (!rowFree && !columnFree) continue;
                IndexSlot Slot(int label) => new IndexedSlot(labels.Variable(label));
                if (item.IsLoop)
                {
                    Replace([item], FormItem.Scalar(new EntryExpr(Materialize(item), Slot(item.Row!.Value), Slot(item.Row!.Value))) with { Names = item.Names });
                    return true;
                }
                FormItem fixedItem = (item.Row, item.Column, rowFree, columnFree) switch
                {
                    (var row, null, _, _) => item with { Expr = new EntryExpr(item.Expr, Slot(row!.Value), UnitSlot.Instance), Row = null },
                    (var row, var column, true, true) => item with { Expr = new EntryExpr(item.Expr, Slot(row!.Value), Slot(column!.Value)), Row = null, Column = null },
                    (var row, var column, true, false) => item with
                    {
                        Expr = new TransposeExpr(new EntryExpr(item.Expr, Slot(row!.Value), SliceSlot.Instance)),
                        Row = column,
                        Column = null,
                    },
                    (_, var column, false, true) => item with { Expr = new EntryExpr(item.Expr, SliceSlot.Instance, Slot(column!.Value)), Column = null },
                    _ => item,
                };
                Replace([item], fixedItem);
                return true;
            }
            return false;
        }

        private bool BindName()
        {
            for (var k = 0; k < labels.Count; k++)
            {
                if (labels.Kind(k) == LabelKind.Free) continue;
                var naming = items.Where(i => i.Names.Contains(k)).ToList();
                if (naming.Count == 0) continue;
                var index = labels.Variable(k);
                if (labels.Kind(k) == LabelKind.Bound && naming.Count == 1 && !items.Any(i => i.Touches(k)))
                {
                    var item = naming[0];
                    var summed = new IndexSumExpr(new EquatableArray<IndexVariable>([index]), Materialize(item));
                    Replace([item], item with { Expr = summed, Names = item.Names.Remove(k), IsReciprocal = false });
                    return true;
                }
                var stackable = naming.FirstOrDefault(i => i.SlotCount <= 1 && !i.Touches(k));
                if (stackable is null) continue;
                var rows = stackable.Row is null
                    ? new RowsExpr(index, Materialize(stackable))
                    : new RowsExpr(index, new TransposeExpr(Materialize(stackable)));
                var stacked = new FormItem(rows, k, stackable.Row, stackable.Names.Remove(k), false);
                Replace([stackable], stacked);
                return true;
            }
            return false;
        }

        private Expr? Assemble()
        {
            if (items.Any(i => !i.Names.IsEmpty)) return null;
            var (row, column) = (labels.Row, labels.Column);
            foreach (var item in items)
            {
                if (item.Row is { } r && r != row && r != column || item.Column is { } c && c != row && c != column) return null;
            }
            var parts = new List<Expr>();
            var atRow = row is { } r0 ? items.Where(i => i.SlotCount == 1 && i.Row == r0).ToList() : [];
            var atColumn = column is { } c0 ? items.Where(i => i.SlotCount == 1 && i.Row == c0).ToList() : [];
            var matrices = items.Where(i => i.SlotCount == 2).ToList();
            if (atRow.Count > 1 || atColumn.Count > 1 || matrices.Count > 1) return null;
            if (atRow.Count + atColumn.Count + matrices.Count != items.Count) return null;
            switch (row, column)
            {
                case (not null, not null) when matrices.Count == 1 && matrices[0] is { Expr: IdentityExpr, IsReciprocal: false } && atRow.Count + atColumn.Count > 0:
                    // diag(u)·I·diag(v) = diag(u ⊙ v).
                    var weights = atRow.Concat(atColumn).Select(Materialize).ToList();
                    var diagonal = new DiagExpr(weights.Count == 1 ? weights[0] : new HadamardProduct(weights[0], weights[1]));
                    parts.Add(matrices[0].Row == row ? diagonal : new TransposeExpr(diagonal));
                    break;
                case ({ } r, { } c) when matrices.Count == 1:
                    if (atRow.Count == 1) parts.Add(new DiagExpr(Materialize(atRow[0])));
                    parts.Add(Oriented(matrices[0], r, c));
                    if (atColumn.Count == 1) parts.Add(new DiagExpr(Materialize(atColumn[0])));
                    break;
                case ({ } r, { } c):
                    parts.Add(atRow.Count == 1 ? Materialize(atRow[0]) : Ones(r));
                    parts.Add(new TransposeExpr(atColumn.Count == 1 ? Materialize(atColumn[0]) : Ones(c)));
                    break;
                case ({ } r, null):
                    parts.Add(atRow.Count == 1 ? Materialize(atRow[0]) : Ones(r));
                    break;
                case (null, { } c):
                    parts.Add(new TransposeExpr(atColumn.Count == 1 ? Materialize(atColumn[0]) : Ones(c)));
                    break;
                default:
                    if (items.Count > 0) return null;
                    break;
            }
            Expr result = ExprTidy.Multiply(_scalars.Concat(parts));
            foreach (var divisor in _divisors) result = new ScalarDivide(result, divisor);
            return result;
        }
    }
}
