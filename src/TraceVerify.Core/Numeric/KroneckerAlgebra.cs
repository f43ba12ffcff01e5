namespace TraceVerify.Numeric;

// The Kronecker product and column-stacking vectorisation of row-major matrices, exactly in any field.
// Index convention (shared with the symbolic split of product sizes): the pair (i over m, k over p) sits
// at position i·p + k — the first factor major.
internal static class KroneckerAlgebra
{
    // kron(A, B)[(i,k),(j,l)] = A[i,j]·B[k,l]: (m·p)×(n·q) for A m×n and B p×q.
    public static T[] Kronecker<T>(IScalarField<T> field, int m, int n, T[] a, int p, int q, T[] b)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var columns = checked(n * q);
        var data = new T[checked(m * p * columns)];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var aij = a[(i * n) + j];
                for (var k = 0; k < p; k++)
                {
                    for (var l = 0; l < q; l++) data[(((i * p) + k) * columns) + (j * q) + l] = field.Multiply(aij, b[(k * q) + l]);
                }
            }
        }
        return data;
    }

    // vec(M)[(j,i)] = M[i,j]: the columns of M m×n one after another, an (n·m)-vector.
    public static T[] Vectorise<T>(int m, int n, T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new T[data.Length];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++) result[(j * m) + i] = data[(i * n) + j];
        }
        return result;
    }
}
