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

// f(body) evaluated at Arguments: the body's parameters 0..k-1 are bound to the arguments in order.
internal sealed record FunctionFactor(FunctionKind Function, CanonicalSum Body, EquatableArray<int> Arguments) : Factor;
