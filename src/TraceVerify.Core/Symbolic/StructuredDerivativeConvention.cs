namespace TraceVerify.Symbolic;

// The derivative of f with respect to a structured matrix X (symmetric, diagonal, …) is a convention, not a fact:
// - Unconstrained: treat X's entries as independent, differentiate (the gradient G), then restrict to a structured
//   X — G evaluated at a structured point.
// - Symmetric (the Matrix Cookbook's convention for a symmetric X): differentiate by the independent entries
//   X[i,j] = X[j,i] of the upper triangle, which gives G + Gᵀ − diag(G) (2G − diag(G) when G is symmetric).
internal enum StructuredDerivativeConvention
{
    Unconstrained,
    Symmetric,
}
