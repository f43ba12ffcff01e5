namespace TraceVerify.Numeric;

// Determinant, adjugate and inverse of a square matrix (row-major entries) in any scalar field.
//
// The determinant is a polynomial in the entries: up to MaxExpansionSize it is computed as that polynomial
// (Laplace expansion along the first row, minors memoised by their column set — 2ⁿ of them), with only +, −
// and ×, so it is exact in every field and defined everywhere, singular matrices included; a dual number
// carries its derivative and an interval stays a rigorous enclosure. Larger matrices use elimination.
//
// The inverse is Gauss–Jordan elimination. A pivot is any entry whose reciprocal the field can take (exact
// fields: nonzero; intervals: certainly nonzero; dual numbers: nonzero value); a column with none makes the
// matrix (possibly) singular and throws DomainException, so the case is discarded, never guessed. Over the
// rationals every step is exact.
internal static class MatrixAlgebra
{
    private const int MaxExpansionSize = 8;

    public static T Determinant<T>(IScalarField<T> field, int size, IReadOnlyList<T> entries)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count != size * size) throw new ArgumentException($"{entries.Count} entries for a {size}×{size} matrix", nameof(entries));
        if (size == 0) return field.One;
        if (size > MaxExpansionSize) return EliminationDeterminant(field, size, entries);
        var memo = new Dictionary<int, T>();
        // det of the minor on rows size-k … size-1 and the k columns in mask.
        T Minor(int mask, int k)
        {
            if (k == 0) return field.One;
            if (memo.TryGetValue(mask, out var known)) return known;
            var row = size - k;
            var total = field.Zero;
            var sign = 0;
            for (var c = 0; c < size; c++)
            {
                if ((mask & (1 << c)) == 0) continue;
                var term = field.Multiply(entries[(row * size) + c], Minor(mask & ~(1 << c), k - 1));
                total = sign % 2 == 0 ? field.Add(total, term) : field.Subtract(total, term);
                sign++;
            }
            memo[mask] = total;
            return total;
        }
        return Minor((1 << size) - 1, size);
    }

    // adj(A)[j,i] = (−1)^(i+j)·det(A without row i and column j): a polynomial, defined for singular A too.
    public static T[] Adjugate<T>(IScalarField<T> field, int size, IReadOnlyList<T> entries)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count != size * size) throw new ArgumentException($"{entries.Count} entries for a {size}×{size} matrix", nameof(entries));
        var result = new T[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                var minor = new List<T>((size - 1) * (size - 1));
                for (var r = 0; r < size; r++)
                {
                    if (r == i) continue;
                    for (var c = 0; c < size; c++)
                    {
                        if (c != j) minor.Add(entries[(r * size) + c]);
                    }
                }
                var cofactor = Determinant(field, size - 1, minor);
                result[(j * size) + i] = (i + j) % 2 == 0 ? cofactor : field.Negate(cofactor);
            }
        }
        return result;
    }

    public static T[] Inverse<T>(IScalarField<T> field, int size, IReadOnlyList<T> entries)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count != size * size) throw new ArgumentException($"{entries.Count} entries for a {size}×{size} matrix", nameof(entries));
        var a = entries.ToArray();
        var inverse = new T[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++) inverse[(i * size) + j] = i == j ? field.One : field.Zero;
        }
        for (var col = 0; col < size; col++)
        {
            var (pivotRow, reciprocal) = Pivot(field, size, a, col);
            Swap(a, size, col, pivotRow);
            Swap(inverse, size, col, pivotRow);
            for (var j = 0; j < size; j++)
            {
                a[(col * size) + j] = field.Multiply(a[(col * size) + j], reciprocal);
                inverse[(col * size) + j] = field.Multiply(inverse[(col * size) + j], reciprocal);
            }
            for (var r = 0; r < size; r++)
            {
                if (r == col) continue;
                var factor = a[(r * size) + col];
                for (var j = 0; j < size; j++)
                {
                    a[(r * size) + j] = field.Subtract(a[(r * size) + j], field.Multiply(factor, a[(col * size) + j]));
                    inverse[(r * size) + j] = field.Subtract(inverse[(r * size) + j], field.Multiply(factor, inverse[(col * size) + j]));
                }
            }
        }
        return inverse;
    }

    private static T EliminationDeterminant<T>(IScalarField<T> field, int size, IReadOnlyList<T> entries)
    {
        var a = entries.ToArray();
        var det = field.One;
        for (var col = 0; col < size; col++)
        {
            var (pivotRow, reciprocal) = Pivot(field, size, a, col);
            if (pivotRow != col) { Swap(a, size, col, pivotRow); det = field.Negate(det); }
            det = field.Multiply(det, a[(col * size) + col]);
            for (var r = col + 1; r < size; r++)
            {
                var factor = field.Multiply(a[(r * size) + col], reciprocal);
                for (var j = col; j < size; j++) a[(r * size) + j] = field.Subtract(a[(r * size) + j], field.Multiply(factor, a[(col * size) + j]));
            }
        }
        return det;
    }

    // The first row at or below col whose entry in col the field can invert.
    private static (int Row, T Reciprocal) Pivot<T>(IScalarField<T> field, int size, T[] a, int col)
    {
        for (var r = col; r < size; r++)
        {
            try
            {
                return (r, field.Reciprocal(a[(r * size) + col]));
            }
            catch (DomainException)
            {
                // Zero (or possibly zero): try the next row.
            }
        }
        throw new DomainException($"singular matrix: no invertible pivot in column {col + 1}");
    }

    private static void Swap<T>(T[] a, int size, int i, int j)
    {
        if (i == j) return;
        for (var c = 0; c < size; c++) (a[(i * size) + c], a[(j * size) + c]) = (a[(j * size) + c], a[(i * size) + c]);
    }
}
