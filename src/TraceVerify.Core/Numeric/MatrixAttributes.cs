namespace TraceVerify.Numeric;

// Structural hypotheses on one matrix, as a `shapes:` line states them (`W: k x k symmetric`). Every attribute
// but Square implies Square; PositiveDefinite implies Symmetric and Invertible, Orthogonal implies Invertible,
// Diagonal implies both triangular forms and Symmetric (Closure adds what is implied).
[Flags]
internal enum MatrixAttributes
{
    None = 0,
    Square = 1 << 0,
    Symmetric = 1 << 1,
    Skew = 1 << 2,
    Diagonal = 1 << 3,
    Orthogonal = 1 << 4,
    Invertible = 1 << 5,
    PositiveDefinite = 1 << 6,
    LowerTriangular = 1 << 7,
    UpperTriangular = 1 << 8,
}

internal static class MatrixAttributeNames
{
    // In the order a declaration is printed; the spelling a catalog writes.
    public static readonly IReadOnlyList<(MatrixAttributes Attribute, string Name)> All =
    [
        (MatrixAttributes.Square, "square"),
        (MatrixAttributes.Symmetric, "symmetric"),
        (MatrixAttributes.Skew, "skew"),
        (MatrixAttributes.Diagonal, "diagonal"),
        (MatrixAttributes.LowerTriangular, "lower-triangular"),
        (MatrixAttributes.UpperTriangular, "upper-triangular"),
        (MatrixAttributes.Orthogonal, "orthogonal"),
        (MatrixAttributes.Invertible, "invertible"),
        (MatrixAttributes.PositiveDefinite, "positive-definite"),
    ];

    public static MatrixAttributes? Parse(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal)) is { Name: not null } found ? found.Attribute : null;

    // The attributes as written, in canonical order: "symmetric invertible".
    public static string Text(MatrixAttributes attributes) =>
        string.Join(' ', All.Where(p => attributes.HasFlag(p.Attribute) && p.Attribute != MatrixAttributes.None).Select(p => p.Name));

    // Every attribute the given ones imply (a fixed point of the implications above).
    public static MatrixAttributes Closure(MatrixAttributes attributes)
    {
        var result = attributes;
        if (result.HasFlag(MatrixAttributes.PositiveDefinite)) result |= MatrixAttributes.Symmetric | MatrixAttributes.Invertible;
        if (result.HasFlag(MatrixAttributes.Orthogonal)) result |= MatrixAttributes.Invertible;
        if (result.HasFlag(MatrixAttributes.Diagonal)) result |= MatrixAttributes.Symmetric | MatrixAttributes.LowerTriangular | MatrixAttributes.UpperTriangular;
        if (result.HasFlag(MatrixAttributes.LowerTriangular) && result.HasFlag(MatrixAttributes.UpperTriangular)) result |= MatrixAttributes.Diagonal | MatrixAttributes.Symmetric;
        if (result != MatrixAttributes.None) result |= MatrixAttributes.Square;
        return result;
    }

    // Pairs no matrix of every size satisfies together, or whose only matrices are fixed ones (skew and
    // symmetric: only 0; orthogonal and positive-definite: only I); and pairs whose joint generator TraceVerify
    // does not have (orthogonal with symmetric or triangular). Checked on the closure, so `diagonal skew` is
    // caught through diagonal ⇒ symmetric.
    public static (string First, string Second, string Why)? Conflict(MatrixAttributes attributes)
    {
        var closed = Closure(attributes);
        (MatrixAttributes, MatrixAttributes, string)[] conflicts =
        [
            (MatrixAttributes.Skew, MatrixAttributes.Symmetric, "only the zero matrix is both"),
            (MatrixAttributes.Skew, MatrixAttributes.LowerTriangular, "only the zero matrix is both"),
            (MatrixAttributes.Skew, MatrixAttributes.UpperTriangular, "only the zero matrix is both"),
            (MatrixAttributes.Skew, MatrixAttributes.Invertible, "a skew matrix of odd size is singular, so the hypothesis would restrict the size"),
            (MatrixAttributes.Orthogonal, MatrixAttributes.PositiveDefinite, "only the identity is both"),
            (MatrixAttributes.Orthogonal, MatrixAttributes.Symmetric, "TraceVerify has no exact generator of symmetric orthogonal matrices"),
            (MatrixAttributes.Orthogonal, MatrixAttributes.LowerTriangular, "a triangular orthogonal matrix is a diagonal of ±1, a finite set"),
            (MatrixAttributes.Orthogonal, MatrixAttributes.UpperTriangular, "a triangular orthogonal matrix is a diagonal of ±1, a finite set"),
            (MatrixAttributes.PositiveDefinite, MatrixAttributes.LowerTriangular, "a triangular positive-definite matrix is diagonal: write `diagonal positive-definite`"),
            (MatrixAttributes.PositiveDefinite, MatrixAttributes.UpperTriangular, "a triangular positive-definite matrix is diagonal: write `diagonal positive-definite`"),
        ];
        foreach (var (a, b, why) in conflicts)
        {
            if (!closed.HasFlag(a) || !closed.HasFlag(b)) continue;
            if (a == MatrixAttributes.PositiveDefinite && closed.HasFlag(MatrixAttributes.Diagonal)) continue;
            return (Text(a), Text(b), why);
        }
        return null;
    }
}
