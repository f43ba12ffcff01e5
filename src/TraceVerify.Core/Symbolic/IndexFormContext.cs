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
        var (lowering, pool, freeIds) = Start();
        var lowered = lowering.Lower(expr);
        return Finish(lowered.Terms, lowered.Row, lowered.Column, freeIds, pool);
    }

    // ∂ scalar / ∂ variable, where variable is a symbol X or an entry X[j,k] / x[j] with free indices.
    public CanonicalSum Gradient(Expr scalar, Expr variable)
    {
        var variableName = variable switch { SymbolExpr s => s.Name, EntryExpr { Target: SymbolExpr s } => s.Name, _ => "" };
        IReadOnlyList<RawTerm> derivative;
        int? resultRow = null, resultColumn = null;
        string name;
        int[] freeIds;
        IndexPool pool;
        // The variable's own orthogonality never applies before it is differentiated.
        using (OrthogonalSymbols.Enter(_orthogonal.Where(n => n != variableName).ToHashSet(StringComparer.Ordinal)))
        {
            (var lowering, pool, freeIds) = Start();
            var lowered = lowering.Lower(scalar);
            if (lowered.Row is not null || lowered.Column is not null)
                throw new ArgumentException("only a scalar can be differentiated", nameof(scalar));
            int? row, column;
            switch (variable)
            {
                case SymbolExpr symbol:
                    name = symbol.Name;
                    row = symbol.Shape.Rows.IsOne ? null : pool.Fresh(symbol.Shape.Rows);
                    column = symbol.Shape.Columns.IsOne ? null : pool.Fresh(symbol.Shape.Columns);
                    (resultRow, resultColumn) = (row, column);
                    break;
                case EntryExpr { Target: SymbolExpr symbol } entry:
                    name = symbol.Name;
                    row = SlotId(entry.Row, symbol.Shape.Rows, lowering);
                    column = SlotId(entry.Column, symbol.Shape.Columns, lowering);
                    break;
                default:
                    throw new ArgumentException("the variable must be a symbol or an entry of one", nameof(variable));
            }
            derivative = Differentiator.Differentiate(lowered.Terms, name, row, column, pool);
        }
        if (_convention == StructuredDerivativeConvention.Symmetric && _attributes.TryGetValue(name, out var structure) && structure.HasFlag(MatrixAttributes.Symmetric)
            && resultRow is { } r && resultColumn is { } c)
            derivative = StructuredTerms.SymmetricDerivative(derivative, r, c);
        using var all = OrthogonalSymbols.Enter(_orthogonal);
        return Finish(derivative, resultRow, resultColumn, freeIds, pool);
    }

    private static int? SlotId(IndexSlot slot, Dim range, Lowering lowering) => slot switch
    {
        IndexedSlot s => range.IsOne ? null : lowering.FreeIndexIds[s.Index.Name],
        UnitSlot => null,
        _ => throw new ArgumentException("a slice is not a variable"),
    };

    private CanonicalSum Finish(IReadOnlyList<RawTerm> terms, int? row, int? column, int[] freeIds, IndexPool pool)
    {
        var parameters = new List<int>();
        if (row is { } r) parameters.Add(r);
        if (column is { } c) parameters.Add(c);
        parameters.AddRange(freeIds);
        if (_frozen.Count > 0) terms = RenameSymbols(terms, _frozen, pool);
        terms = StructuredTerms.Project(terms, _attributes, pool);
        return Canonicalizer.Canonicalize(terms, parameters, pool, ShapeOf(row, column, pool));
    }

    // A lowered expression's shape: its row and column index ranges, 1 where it has no such index.
    public static Shape ShapeOf(int? row, int? column, IndexPool pool) =>
        new(row is { } r ? pool.Range(r) : Dim.One, column is { } c ? pool.Range(c) : Dim.One);

    // Replaces frozen copies by the variable they stand for, inside function bodies too.
    public static IReadOnlyList<RawTerm> RenameSymbols(IReadOnlyList<RawTerm> terms, IReadOnlyDictionary<string, string> map, IndexPool pool) =>
        StructuredTerms.MapTensors(terms,
            t => map.TryGetValue(t.Symbol, out var to) ? [new RawTerm(Numeric.Rational.One, new EquatableArray<Factor>([t with { Symbol = to }]))] : null, pool);
}
