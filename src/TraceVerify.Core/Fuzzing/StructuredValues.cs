using FsCheck;
using FsCheck.Fluent;
using TraceVerify.Numeric;

namespace TraceVerify.Fuzzing;

// Exact generators of matrices that satisfy their hypotheses, built from free rational draws (no square roots,
// no tolerance), checked afterwards by MatrixStructure:
//   symmetric: the upper triangle mirrored (every entry free, so S ≠ 0 and off-diagonal pairs vary);
//   skew: the strict upper triangle, negated below, 0 on the diagonal;
//   diagonal, lower-/upper-triangular: the draw masked to the pattern;
//   positive-definite: BᵀB + I (eigenvalues ≥ 1; with diagonal: positive diagonal entries);
//   orthogonal: D·(I − K)(I + K)⁻¹ with K skew (I + K is invertible for every real skew K, so the Cayley
//   transform is exact) and D a diagonal of random signs, so both determinants ±1 appear.
// Invertibility is not generated: a singular draw is discarded by the case check (rejection), as for inv(·).
internal static class StructuredValues
{
    public static Gen<Matrix<Rational>> For(MatrixAttributes attributes, int rows, int cols, Gen<Rational> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var closed = MatrixAttributeNames.Closure(attributes);
        var free = Gen.ArrayOf(entry, rows * cols).Select(data => Matrix<Rational>.Create(rows, cols, (r, c) => data[(r * cols) + c]));
        if (closed == MatrixAttributes.None || rows != cols) return free;
        var n = rows;
        if (closed.HasFlag(MatrixAttributes.Orthogonal))
            return from k in free from signs in Gen.ArrayOf(Gen.Elements(Rational.One, Rational.MinusOne), n) select Cayley(Skew(k), signs);
        if (closed.HasFlag(MatrixAttributes.PositiveDefinite))
        {
            if (closed.HasFlag(MatrixAttributes.Diagonal))
                return free.Select(m => Matrix<Rational>.Create(n, n, (r, c) => r == c ? Abs(m[r, c]) + Rational.One : Rational.Zero));
            var field = RationalField.Instance;
            return free.Select(b => Matrix<Rational>.Add(field, Matrix<Rational>.Multiply(field, b.Transpose(), b), Matrix<Rational>.Identity(field, n)));
        }
        if (closed.HasFlag(MatrixAttributes.Diagonal)) return free.Select(m => Mask(m, (r, c) => r == c));
        if (closed.HasFlag(MatrixAttributes.Symmetric)) return free.Select(m => Matrix<Rational>.Create(n, n, (r, c) => r <= c ? m[r, c] : m[c, r]));
        if (closed.HasFlag(MatrixAttributes.Skew)) return free.Select(Skew);
        if (closed.HasFlag(MatrixAttributes.LowerTriangular)) return free.Select(m => Mask(m, (r, c) => c <= r));
        if (closed.HasFlag(MatrixAttributes.UpperTriangular)) return free.Select(m => Mask(m, (r, c) => c >= r));
        return free;
    }

    public static Matrix<Rational> Skew(Matrix<Rational> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return Matrix<Rational>.Create(m.Rows, m.Rows, (r, c) => r < c ? m[r, c] : r > c ? -m[c, r] : Rational.Zero);
    }

    // D·(I − K)(I + K)⁻¹: orthogonal exactly when K is skew, since (I + K) and (I − K) commute.
    public static Matrix<Rational> Cayley(Matrix<Rational> skew, IReadOnlyList<Rational> signs)
    {
        ArgumentNullException.ThrowIfNull(skew);
        ArgumentNullException.ThrowIfNull(signs);
        var field = RationalField.Instance;
        var n = skew.Rows;
        var identity = Matrix<Rational>.Identity(field, n);
        var plus = Matrix<Rational>.Add(field, identity, skew);
        var entries = new Rational[n * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++) entries[(r * n) + c] = plus[r, c];
        }
        var inverse = MatrixAlgebra.Inverse(field, n, entries);
        var product = Matrix<Rational>.Multiply(field, Matrix<Rational>.Subtract(field, identity, skew), Matrix<Rational>.Create(n, n, (r, c) => inverse[(r * n) + c]));
        return Matrix<Rational>.Create(n, n, (r, c) => signs[r] * product[r, c]);
    }

    private static Matrix<Rational> Mask(Matrix<Rational> m, Func<int, int, bool> keep) =>
        Matrix<Rational>.Create(m.Rows, m.Cols, (r, c) => keep(r, c) ? m[r, c] : Rational.Zero);

    private static Rational Abs(Rational value) => value < Rational.Zero ? -value : value;
}
