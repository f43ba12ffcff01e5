namespace TraceVerify.Symbolic;

// One factor of an index-form term. Index numbers are term-local in canonical terms (parameters first,
// then bound indices in canonical order) and pool ids while a term is being built.
internal abstract record Factor
{
    private protected Factor() { }
}

// An entry of a symbol: no index for a scalar, one for a vector, two (row, column) for a matrix.
internal sealed record TensorFactor(string Symbol, EquatableArray<int> Indices) : Factor;

internal sealed record DeltaFactor(int First, int Second) : Factor;

// The all-ones vector's entry: 1, kept only where it is the sole use of a bound index (it then counts the range).
internal sealed record OnesFactor(int Index) : Factor;

// The unit vector of a numeric position: [Index = Position], Position 1-based like `M[1,2]`. A numeric position
// is this factor on an ordinary index, so labels, ranges and renaming never meet a constant index.
internal sealed record PositionFactor(int Index, int Position) : Factor;

// f(body) evaluated at Arguments: the body's parameters 0..k-1 are bound to the arguments in order.
internal sealed record FunctionFactor(FunctionKind Function, CanonicalSum Body, EquatableArray<int> Arguments) : Factor
{
    // The degree of an OddRoot factor (as ElementwiseFunction.Degree); 0 for every other function.
    public int Degree { get; init; }
}

// inv(M) or adj(M) at (Arguments[0], Arguments[1]), or det(M), of the square matrix M whose (p₀, p₁) entry is Body:
// the body's parameters 0 and 1 are M's row and column and belong to the factor alone; its further
// parameters are bound to the remaining arguments (the enclosing indices M mentions), in order.
internal sealed record MatrixFunctionFactor(MatrixFunction Function, CanonicalSum Body, EquatableArray<int> Arguments) : Factor
{
    // How many leading arguments are the entry of the result: two for an inverse or adjugate, none for a determinant.
    public int EntryCount => Function == MatrixFunction.Determinant ? 0 : 2;

    public IEnumerable<int> Outer => Arguments.Skip(EntryCount);

    // M = Mᵀ as canonical forms (M mentions no enclosing index): then inv(M) and adj(M) are symmetric too, and
    // their two entry arguments may be read in either order. Set only where the body is made (it follows from it).
    public bool SymmetricBody { get; init; }
}
