using TraceVerify.Numeric;

namespace TraceVerify.Tests.Soundness;

// Inverse, determinant and adjugate of a square matrix of exact duals, the oracle's own (another route than
// the tool's: the determinant by minors over column subsets, never by elimination, so it is exact at singular
// points too). Duals a + bε form a local ring whose units are the a ≠ 0: Gauss–Jordan pivoting on a nonzero
// value inverts exactly, slopes included ((M⁻¹)' = −M⁻¹M'M⁻¹ falls out of the arithmetic). A matrix with a
// value that is not rational (log, exp) gives entries that are not rational either (null), never a guess.
internal static class DualLinearAlgebra
{
    // Up to this size the determinant is the division-free expansion by minors (n·2ⁿ products).
    public const int LargestExpandedSize = 12;

    // M⁻¹, or null when M's value is singular (the entry is undefined at that point).
    public static DualMatrix? Inverse(DualMatrix m)
    {
        var n = m.Rows;
        if (!AllValuesKnown(m)) return Unknown(n, n);
        var a = new ExactDual[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) a[i, j] = m[i, j];
            for (var j = 0; j < n; j++) a[i, n + j] = i == j ? ExactDual.One : ExactDual.Zero;
        }
        for (var column = 0; column < n; column++)
        {
            var pivot = -1;
            for (var i = column; i < n && pivot < 0; i++)
            {
                if (a[i, column].Value is { IsZero: false }) pivot = i;
            }
            if (pivot < 0) return null;
            for (var j = 0; j < 2 * n; j++) (a[column, j], a[pivot, j]) = (a[pivot, j], a[column, j]);
            var p = a[column, column];
            for (var j = 0; j < 2 * n; j++) a[column, j] /= p;
            for (var i = 0; i < n; i++)
            {
                if (i == column) continue;
                var factor = a[i, column];
                if (factor is { Value.IsZero: true, IsConstant: true }) continue;
                for (var j = 0; j < 2 * n; j++) a[i, j] -= factor * a[column, j];
            }
        }
        var inverse = new DualMatrix(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) inverse[i, j] = a[i, n + j];
        }
        return inverse;
    }

    // det M by Laplace expansion along the last row of every leading block, memoised on the set of columns
    // used: D(S) = Σ_{j∈S} (−1)^(k+pos(j)) M[k,j] D(S∖{j}), k = |S|−1.
    // Larger (a Kronecker product), by elimination on nonzero-value pivots: null where the value is singular
    // (there the slope need not be 0, so elimination cannot give it).
    public static ExactDual? Determinant(DualMatrix m) =>
        m.Rows <= LargestExpandedSize ? Determinant(m, Enumerable.Range(0, m.Rows).ToArray(), Enumerable.Range(0, m.Rows).ToArray()) : ByElimination(m);

    private static ExactDual? ByElimination(DualMatrix m)
    {
        var n = m.Rows;
        if (!AllValuesKnown(m)) return ExactDual.Unknown;
        var a = new ExactDual[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) a[i, j] = m[i, j];
        }
        var determinant = ExactDual.One;
        for (var column = 0; column < n; column++)
        {
            var pivot = -1;
            for (var i = column; i < n && pivot < 0; i++)
            {
                if (a[i, column].Value is { IsZero: false }) pivot = i;
            }
            if (pivot < 0) return null;
            if (pivot != column)
            {
                for (var j = 0; j < n; j++) (a[column, j], a[pivot, j]) = (a[pivot, j], a[column, j]);
                determinant = -determinant;
            }
            var p = a[column, column];
            determinant *= p;
            for (var i = column + 1; i < n; i++)
            {
                var factor = a[i, column] / p;
                for (var j = column; j < n; j++) a[i, j] -= factor * a[column, j];
            }
        }
        return determinant;
    }

    // adj(M)[j,i] = (−1)^(i+j) det(M without row i and column j). Null above LargestExpandedSize.
    public static DualMatrix? Adjugate(DualMatrix m)
    {
        var n = m.Rows;
        if (n > LargestExpandedSize) return null;
        var adjugate = new DualMatrix(n, n);
        if (n == 1)
        {
            adjugate[0, 0] = ExactDual.One;
            return adjugate;
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var rows = Enumerable.Range(0, n).Where(r => r != i).ToArray();
                var columns = Enumerable.Range(0, n).Where(c => c != j).ToArray();
                var minor = Determinant(m, rows, columns)!.Value;
                adjugate[j, i] = (i + j) % 2 == 0 ? minor : -minor;
            }
        }
        return adjugate;
    }

    private static ExactDual? Determinant(DualMatrix m, int[] rows, int[] columns)
    {
        var n = rows.Length;
        if (n > LargestExpandedSize) return null;
        var minors = new ExactDual[1 << n];
        minors[0] = ExactDual.One;
        for (var set = 1; set < 1 << n; set++)
        {
            var k = System.Numerics.BitOperations.PopCount((uint)set) - 1;
            var sum = ExactDual.Zero;
            var position = 0;
            for (var j = 0; j < n; j++)
            {
                if ((set & (1 << j)) == 0) continue;
                var term = m[rows[k], columns[j]] * minors[set & ~(1 << j)];
                sum = (k + position) % 2 == 0 ? sum + term : sum - term;
                position++;
            }
            minors[set] = sum;
        }
        return minors[(1 << n) - 1];
    }

    private static bool AllValuesKnown(DualMatrix m)
    {
        for (var i = 0; i < m.Rows; i++)
        {
            for (var j = 0; j < m.Columns; j++)
            {
                if (m[i, j] is { Value: null } or { Slope: null } or { Slope2: null } or { Cross: null }) return false;
            }
        }
        return true;
    }

    private static DualMatrix Unknown(int rows, int columns) => new DualMatrix(rows, columns).Map(_ => ExactDual.Unknown);
}
