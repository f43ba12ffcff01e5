namespace TraceVerify.Numeric;

// Whether an exact matrix satisfies its hypotheses, decided in rationals with no tolerance: symmetric A = Aᵀ,
// skew A = −Aᵀ, diagonal/triangular entries outside the pattern exactly 0, orthogonal AᵀA = I, invertible
// det A ≠ 0, positive-definite symmetric with every leading principal minor > 0 (Sylvester's criterion, exact
// for a symmetric matrix). Every generated value, shrunk value and solver model is held to this before it counts.
internal static class MatrixStructure
{
    // The first attribute the matrix violates, or null when it satisfies all of them.
    public static string? Violation(Matrix<Rational> value, MatrixAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(value);
        var closed = MatrixAttributeNames.Closure(attributes);
        if (closed == MatrixAttributes.None) return null;
        if (!value.IsSquare) return "square";
        var n = value.Rows;
        bool All(Func<int, int, bool> holds) => Enumerable.Range(0, n).All(r => Enumerable.Range(0, n).All(c => holds(r, c)));
        if (closed.HasFlag(MatrixAttributes.Symmetric) && !All((r, c) => value[r, c] == value[c, r])) return "symmetric";
        if (closed.HasFlag(MatrixAttributes.Skew) && !All((r, c) => value[r, c] == -value[c, r])) return "skew";
        if (closed.HasFlag(MatrixAttributes.LowerTriangular) && !All((r, c) => c <= r || value[r, c].IsZero)) return "lower-triangular";
        if (closed.HasFlag(MatrixAttributes.UpperTriangular) && !All((r, c) => c >= r || value[r, c].IsZero)) return "upper-triangular";
        var field = RationalField.Instance;
        if (closed.HasFlag(MatrixAttributes.Orthogonal))
        {
            var gram = Matrix<Rational>.Multiply(field, value.Transpose(), value);
            if (!All((r, c) => gram[r, c] == (r == c ? Rational.One : Rational.Zero))) return "orthogonal";
        }
        if (closed.HasFlag(MatrixAttributes.PositiveDefinite) && !Enumerable.Range(1, n).All(k => LeadingMinor(value, k) > Rational.Zero)) return "positive-definite";
        if (closed.HasFlag(MatrixAttributes.Invertible) && LeadingMinor(value, n).IsZero) return "invertible";
        return null;
    }

    public static Rational LeadingMinor(Matrix<Rational> value, int size)
    {
        ArgumentNullException.ThrowIfNull(value);
        var entries = new Rational[size * size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++) entries[(r * size) + c] = value[r, c];
        }
        return MatrixAlgebra.Determinant(RationalField.Instance, size, entries);
    }
}
