using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// One claimed equality of matrices at one assignment of the free indices: Left is Sides[0] of an equality
// or the derivative ∂Of/∂Wrt, Right is another side. Label names it for people ("rhs at i=1, k=2", with
// 1-based index values).
internal sealed record SideComparison<T>(string Label, Matrix<T> Left, Matrix<T> Right);
