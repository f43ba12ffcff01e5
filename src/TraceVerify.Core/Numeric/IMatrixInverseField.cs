namespace TraceVerify.Numeric;

// A field that represents the inverse of a square matrix its own way rather than by elimination: Z3's field
// names a fresh matrix Y and asserts A·Y = Y·A = I, which keeps the query polynomial.
internal interface IMatrixInverseField<T> : IScalarField<T>
{
    T[] Inverse(int size, IReadOnlyList<T> entries);
}
