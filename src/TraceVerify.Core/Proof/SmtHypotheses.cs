using TraceVerify.Catalog;
using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// The entry's hypotheses as constraints on its variables' constants at one concrete size, all polynomial:
//   symmetric a_ij = a_ji; skew a_ij = −a_ji (so a_ii = 0); diagonal and triangular: the entries outside the
//   pattern = 0; orthogonal QᵀQ = I; invertible: an inverse exists (SmtField.Inverse's fresh Y with AY = YA = I);
//   positive-definite: symmetric with every leading principal minor > 0 (Sylvester's criterion).
// They join the side conditions, so the domain query also asks whether any structured point exists.
internal static class SmtHypotheses
{
    public static void Assume(BoundEntry entry, SmtField field, IReadOnlyDictionary<string, Matrix<SmtTerm>> variables)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, attributes) in entry.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!variables.TryGetValue(name, out var a) || !a.IsSquare) continue;
            var closed = MatrixAttributeNames.Closure(attributes);
            var n = a.Rows;
            void Equal(SmtTerm left, SmtTerm right) => field.Assume(new SmtApplication("=", [left, right]));
            for (var r = 0; r < n; r++)
            {
                for (var c = 0; c < n; c++)
                {
                    if (closed.HasFlag(MatrixAttributes.Symmetric) && r < c) Equal(a[r, c], a[c, r]);
                    if (closed.HasFlag(MatrixAttributes.Skew) && r <= c) Equal(a[r, c], field.Negate(a[c, r]));
                    if ((closed.HasFlag(MatrixAttributes.LowerTriangular) && c > r) || (closed.HasFlag(MatrixAttributes.UpperTriangular) && c < r)) Equal(a[r, c], field.Zero);
                }
            }
            var entries = Enumerable.Range(0, n * n).Select(k => a[k / n, k % n]).ToArray();
            if (closed.HasFlag(MatrixAttributes.Orthogonal))
            {
                for (var r = 0; r < n; r++)
                {
                    for (var c = r; c < n; c++)
                    {
                        var sum = field.Zero;
                        for (var k = 0; k < n; k++) sum = field.Add(sum, field.Multiply(a[k, r], a[k, c]));
                        Equal(sum, r == c ? field.One : field.Zero);
                    }
                }
            }
            if (closed.HasFlag(MatrixAttributes.PositiveDefinite))
            {
                for (var k = 1; k <= n; k++)
                {
                    var minor = Enumerable.Range(0, k * k).Select(i => a[i / k, i % k]).ToArray();
                    field.Assume(new SmtApplication(">", [MatrixAlgebra.Determinant(field, k, minor), field.Zero]));
                }
            }
            else if (closed.HasFlag(MatrixAttributes.Invertible))
            {
                field.Inverse(n, entries);
            }
        }
    }
}
