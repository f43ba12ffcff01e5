using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Index forms of one entry's expressions, sharing its free indices: every canonical sum it returns has the
// parameters [row, column (where not of size one), the entry's free indices by name] and the expression's
// shape, so a column and a row with the same entries are different forms.
internal sealed class IndexFormContext
{
    private readonly IReadOnlyList<IndexVariable> _free;
    private readonly IReadOnlyDictionary<string, string> _frozen;

    private readonly IReadOnlyDictionary<string, MatrixAttributes> _attributes;
    private readonly StructuredDerivativeConvention? _convention;
    private readonly HashSet<string> _orthogonal;

    // Attributes are the entry's hypotheses (StructuredTerms, OrthogonalSymbols): they shape every form at its
    // end — after differentiation, so the variable's own structure never enters its derivative except through
    // the convention (the symmetric one adds Gᵀ − δ∘G).
    public IndexFormContext(IReadOnlyDictionary<string, IndexVariable> freeIndices, IReadOnlyDictionary<string, string>? frozen = null,
        IReadOnlyDictionary<string, MatrixAttributes>? attributes = null, StructuredDerivativeConvention? convention = null)
    {
        ArgumentNullException.ThrowIfNull(freeIndices);
        _free = freeIndices.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToArray();
        _frozen = frozen ?? new Dictionary<string, string>();
        _attributes = attributes ?? new Dictionary<string, MatrixAttributes>();
        _convention = convention;
        _orthogonal = _attributes.Where(p => p.Value.HasFlag(MatrixAttributes.Orthogonal)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    // Whether every form writes indices of small literal sizes over their positions (PositionPinning): set for
    // all the forms of an entry that mentions a numeric position or a matrix literal, never for only some.
    public bool PinsPositions { get; init; }

    private (Lowering Lowering, IndexPool Pool, int[] FreeIds) Start()
    {
        var pool = new IndexPool();
        var ids = _free.Select(v => pool.Fresh(v.Range)).ToArray();
        var names = _free.Select((v, k) => (v.Name, Id: ids[k])).ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
        return (new Lowering(pool, names), pool, ids);
    }

    public CanonicalSum Canonical(Expr expr)
    {
        using var orthogonal = OrthogonalSymbols.Enter(_orthogonal);
        using var pinning = PositionPinning.Enter(PinsPositions);
        var (lowering, pool, freeIds) = Start();
        var lowered = lowering.Lower(expr);
        return Finish(lowered.Terms, [.. lowering.Parts(lowered.Row), .. lowering.Parts(lowered.Column)], ShapeOf(lowered.Row, lowered.Column, pool), freeIds, pool);
    }

    // ∂ scalar / ∂ variable, where variable is a symbol X or an entry X[j,k] / x[j] with free indices.
    public CanonicalSum Gradient(Expr scalar, Expr variable)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (!Shapes.Of(scalar).IsScalar) throw new ArgumentException("only a scalar can be differentiated", nameof(scalar));
        return Derivative(scalar, [variable], reversed: false);
    }

    // ∂of/∂v₁ (∂²of/∂v₁∂v₂ for two variables), each a symbol or an entry of one: the variables' target indices
    // are fresh (a symbol's) or the entry's free indices, the derivative is taken one variable after the other,
    // and the result's row and column are the axes DerivativeAxes orders (reversed for `layout: denominator`).
    public CanonicalSum Derivative(Expr of, IReadOnlyList<Expr> variables, bool reversed)
    {
        ArgumentNullException.ThrowIfNull(of);
        ArgumentNullException.ThrowIfNull(variables);
        using var pinning = PositionPinning.Enter(PinsPositions);
        var variableNames = variables.Select(v => v switch { SymbolExpr s => s.Name, EntryExpr { Target: SymbolExpr s } => s.Name, _ => "" }).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<RawTerm> terms;
        Lowering lowering;
        IndexPool pool;
        int[] freeIds;
        int? ofRow, ofColumn;
        var ids = new List<int?>();
        var shapes = new List<Shape>();
        // A variable's own orthogonality never applies before it is differentiated.
        using (OrthogonalSymbols.Enter(_orthogonal.Where(n => !variableNames.Contains(n)).ToHashSet(StringComparer.Ordinal)))
        {
            (lowering, pool, freeIds) = Start();
            var lowered = lowering.Lower(of);
            terms = lowered.Terms;
            (ofRow, ofColumn) = (lowered.Row, lowered.Column);
            ids.AddRange([ofRow, ofColumn]);
            foreach (var variable in variables)
            {
                string name;
                int? row, column;
                switch (variable)
                {
                    case SymbolExpr symbol:
                        name = symbol.Name;
                        row = symbol.Shape.Rows.IsOne ? null : pool.Fresh(symbol.Shape.Rows);
                        column = symbol.Shape.Columns.IsOne ? null : pool.Fresh(symbol.Shape.Columns);
                        shapes.Add(symbol.Shape);
                        break;
                    case EntryExpr { Target: SymbolExpr symbol } entry:
                        name = symbol.Name;
                        row = SlotId(entry.Row, symbol.Shape.Rows, lowering, pool);
                        column = SlotId(entry.Column, symbol.Shape.Columns, lowering, pool);
                        shapes.Add(Shape.Scalar);
                        break;
                    default:
                        throw new ArgumentException("the variable must be a symbol or an entry of one", nameof(variables));
                }
                // Every index that is not summed: the form's own, the variables' so far and this one's (by parts).
                var parameters = new HashSet<int>(freeIds.Concat(lowering.FreeIndexIds.Values));
                foreach (var id in ids.Append(row).Append(column).OfType<int>()) parameters.UnionWith([id, .. lowering.Parts(id)]);
                terms = Differentiator.Differentiate(terms, name, row, column, pool, parameters);
                // ∂/∂X[p,q]: the derivative by X[r,c] at a bound r, c pinned by e_p(r)·e_q(c).
                if (variable is EntryExpr positioned)
                {
                    if (positioned.Row is PositionSlot pr && row is { } pinnedRow) terms = [.. terms.Select(t => t.With(new PositionFactor(pinnedRow, pr.Position)))];
                    if (positioned.Column is PositionSlot pc && column is { } pinnedColumn) terms = [.. terms.Select(t => t.With(new PositionFactor(pinnedColumn, pc.Position)))];
                }
                // The Cookbook's symmetric convention (2G − diag G) for a gradient by a whole symmetric symbol.
                if (variable is SymbolExpr && _convention == StructuredDerivativeConvention.Symmetric && _attributes.TryGetValue(name, out var structure)
                    && structure.HasFlag(MatrixAttributes.Symmetric) && row is { } r && column is { } c)
                    terms = StructuredTerms.SymmetricDerivative(terms, r, c);
                if (variable is SymbolExpr) ids.AddRange([row, column]);
                else ids.AddRange([null, null]);
            }
        }
        var ofShape = ShapeOf(ofRow, ofColumn, pool);
        var axes = DerivativeAxes.Of(ofShape, shapes, reversed);
        var sides = DerivativeAxes.ResultSides(axes);
        int? resultRow = null, resultColumn = null;
        for (var k = 0; k < axes.Count; k++)
        {
            var id = ids[(2 * axes[k].Participant) + (axes[k].IsRow ? 0 : 1)];
            if (sides[k]) resultRow = id;
            else resultColumn = id;
        }
        if (axes.Count > DerivativeAxes.MaxAxes) throw new ArgumentException($"the derivative has {axes.Count} axes, a tensor", nameof(variables));
        using var all = OrthogonalSymbols.Enter(_orthogonal);
        return Finish(terms, [.. lowering.Parts(resultRow), .. lowering.Parts(resultColumn)], ShapeOf(resultRow, resultColumn, pool), freeIds, pool);
    }

    private static int? SlotId(IndexSlot slot, Dim range, Lowering lowering, IndexPool pool) => slot switch
    {
        IndexedSlot s => range.IsOne ? null : lowering.FreeIndexIds[s.Index.Name],
        UnitSlot => null,
        PositionSlot => range.IsOne ? null : pool.Fresh(range),
        _ => throw new ArgumentException("a slice is not a variable"),
    };

    // entryIds: the parts of the row, then of the column (one each unless a size is a product, see IndexSplit).
    private CanonicalSum Finish(IReadOnlyList<RawTerm> terms, IReadOnlyList<int> entryIds, Shape shape, int[] freeIds, IndexPool pool)
    {
        var parameters = new List<int>(entryIds);
        parameters.AddRange(freeIds);
        if (_frozen.Count > 0) terms = RenameSymbols(terms, _frozen, pool);
        terms = StructuredTerms.Project(terms, _attributes, pool);
        return Canonicalizer.Canonicalize(terms, parameters, pool, shape);
    }

    // A lowered expression's shape: its row and column index ranges, 1 where it has no such index.
    public static Shape ShapeOf(int? row, int? column, IndexPool pool) =>
        new(row is { } r ? pool.Range(r) : Dim.One, column is { } c ? pool.Range(c) : Dim.One);

    // Replaces frozen copies by the variable they stand for, inside function bodies too.
    public static IReadOnlyList<RawTerm> RenameSymbols(IReadOnlyList<RawTerm> terms, IReadOnlyDictionary<string, string> map, IndexPool pool) =>
        StructuredTerms.MapTensors(terms,
            t => map.TryGetValue(t.Symbol, out var to) ? [new RawTerm(Numeric.Rational.One, new EquatableArray<Factor>([t with { Symbol = to }]))] : null, pool);
}
