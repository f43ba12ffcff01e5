using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// A catalog entry after parsing and shape inference, with every dimension resolved to a named dimension
// variable (DimVariable.Name) or a known size. Meaning by kind:
// - Equality: every expression of Sides equals Sides[0] (a chain a = b = c …).
// - Derivative: ∂Of/∂Wrt equals every expression of Sides (the claims). Wrt is a SymbolExpr (X, x, s) or an
//   EntryExpr of one (X[j,k], x[j]) whose indices are free indices of the entry.
// - Definition: Sides holds the optional `expr`, which only has to be well-formed.
// Frozen maps a symbol to the variable it is a held-constant copy of (Y → X): numerically Y takes X's value,
// symbolically it is a constant during differentiation and is renamed to X afterwards.
internal sealed record BoundEntry(
    string Id,
    EntryKind Kind,
    IReadOnlyList<Expr> Sides,
    Expr? Of,
    Expr? Wrt,
    IReadOnlyDictionary<string, string> Frozen,
    IReadOnlyDictionary<string, Shape> Symbols,
    IReadOnlyList<IndexVariable> FreeIndices,
    IReadOnlyList<string> Dimensions)
{
    // The symbols whose shape a `shapes:` declaration gave (rigidly); every other symbol's shape was inferred.
    public IReadOnlySet<string> Declared { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    // The hypotheses of `shapes:` attributes, closed under implication (MatrixAttributeNames.Closure), by symbol;
    // only symbols with at least one attribute. Every method holds an entry to them (see StructuredDerivative
    // for a derivative with respect to such a symbol).
    public IReadOnlyDictionary<string, Numeric.MatrixAttributes> Attributes { get; init; } = new Dictionary<string, Numeric.MatrixAttributes>(StringComparer.Ordinal);

    // The convention of a derivative with respect to a structured variable, when the entry states one.
    public StructuredDerivativeConvention? Convention { get; init; }

    public Numeric.MatrixAttributes AttributesOf(string name) => Attributes.TryGetValue(name, out var a) ? a : Numeric.MatrixAttributes.None;

    public IReadOnlyDictionary<string, IndexVariable> FreeIndexMap => FreeIndices.ToDictionary(v => v.Name, StringComparer.Ordinal);

    // Forms under the entry's hypotheses (its attributes and derivative convention).
    public IndexFormContext IndexForms() => new(FreeIndexMap, Frozen, Attributes, Convention);

    // Forms without them: a proof there holds under any hypothesis.
    public IndexFormContext PlainIndexForms() => new(FreeIndexMap, Frozen);

    // The differentiated symbol's name (X for X[j,k]).
    public string? VariableName => Wrt switch
    {
        SymbolExpr s => s.Name,
        EntryExpr { Target: SymbolExpr s } => s.Name,
        _ => null,
    };
}
