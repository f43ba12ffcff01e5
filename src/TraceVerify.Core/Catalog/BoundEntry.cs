using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// A catalog entry after parsing and shape inference, with every dimension resolved to a named dimension
// variable (DimVariable.Name) or a known size. Meaning by kind:
// - Equality: every expression of Sides equals Sides[0] (a chain a = b = c …).
// - Derivative: ∂Of/∂Wrt equals every expression of Sides (the claims). Wrt is a SymbolExpr (X, x, s) or an
//   EntryExpr of one (X[j,k], x[j]) whose indices are free indices of the entry.
//   `wrt: [v, v]` is a second derivative: SecondWrt is the second variable (the same symbol, or another entry
//   of it). The result's axes are DerivativeAxes' (of's, then each variable's); Reversed is `layout:
//   denominator` where the layout matters (a Jacobian), so rows follow the variable.
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

    // The second variable of `wrt: [x, x]`; null for a first derivative.
    public Expr? SecondWrt { get; init; }

    // `layout: denominator` on a Jacobian: the result's axes in reverse order (rows follow `wrt`).
    public bool Reversed { get; init; }

    // The variables in the order they are differentiated by.
    public IReadOnlyList<Expr> Variables => new[] { Wrt, SecondWrt }.OfType<Expr>().ToArray();

    // The shape of the derivative (and so of every claim): DerivativeAxes of `of` and the variables.
    public Shape DerivativeShape => DerivativeAxes.ResultShape(
        DerivativeAxes.Of(Shapes.Of(Of!), Variables.Select(v => v is SymbolExpr s ? s.Shape : Shape.Scalar).ToArray(), Reversed));

    // The hypotheses of `shapes:` attributes, closed under implication (MatrixAttributeNames.Closure), by symbol;
    // only symbols with at least one attribute. Every method holds an entry to them (see StructuredDerivative
    // for a derivative with respect to such a symbol).
    public IReadOnlyDictionary<string, Numeric.MatrixAttributes> Attributes { get; init; } = new Dictionary<string, Numeric.MatrixAttributes>(StringComparer.Ordinal);

    // The convention of a derivative with respect to a structured variable, when the entry states one.
    public StructuredDerivativeConvention? Convention { get; init; }

    public Numeric.MatrixAttributes AttributesOf(string name) => Attributes.TryGetValue(name, out var a) ? a : Numeric.MatrixAttributes.None;

    public IReadOnlyDictionary<string, IndexVariable> FreeIndexMap => FreeIndices.ToDictionary(v => v.Name, StringComparer.Ordinal);

    // Forms under the entry's hypotheses (its attributes and derivative convention).
    public IndexFormContext IndexForms() => new(FreeIndexMap, Frozen, Attributes, Convention) { PinsPositions = MentionsPositions };

    // Forms without them: a proof there holds under any hypothesis.
    public IndexFormContext PlainIndexForms() => new(FreeIndexMap, Frozen) { PinsPositions = MentionsPositions };

    // Whether any expression of the entry has a numeric position or a matrix literal (see PositionPinning).
    public bool MentionsPositions => Sides.Concat(new[] { Of, Wrt, SecondWrt }.OfType<Expr>()).Any(PositionPinning.Mentions);

    // Whether the derivative needs more than a gradient of a scalar: a vector or matrix `of`, or a second derivative.
    public bool IsGeneralDerivative => Kind == EntryKind.Derivative && (SecondWrt is not null || !Shapes.Of(Of!).IsScalar);

    // The variables for a numeric derivative at free-index values (an entry's position read from them).
    public IReadOnlyList<Numeric.DerivativeVariable> NumericVariables(IReadOnlyDictionary<string, int> indices) =>
        Variables.Select(v => v switch
        {
            SymbolExpr s => new Numeric.DerivativeVariable(s.Name, s.Shape, null),
            EntryExpr { Target: SymbolExpr s } e => new Numeric.DerivativeVariable(s.Name, s.Shape, (Position(e.Row, indices), Position(e.Column, indices))),
            _ => throw new ArgumentException($"`{ExprPrinter.Print(v)}` is no variable"),
        }).ToArray();

    private static int Position(IndexSlot slot, IReadOnlyDictionary<string, int> indices) => slot switch
    {
        UnitSlot => 0,
        IndexedSlot i when indices.TryGetValue(i.Index.Name, out var value) => value,
        IndexedSlot i => throw new ArgumentException($"the variable's index {i.Index.Name} is not a free index"),
        _ => throw new ArgumentException($"a derivative's variable has no slot {slot.GetType().Name}"),
    };

    // The differentiated symbol's name (X for X[j,k]).
    public string? VariableName => Wrt switch
    {
        SymbolExpr s => s.Name,
        EntryExpr { Target: SymbolExpr s } => s.Name,
        _ => null,
    };
}
