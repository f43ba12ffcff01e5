namespace TraceVerify.Symbolic;

// One axis of a derivative's result: which text it comes from (0 = `of`, k = the k-th variable), which side
// of that text's shape (its rows or its columns), and its size.
internal sealed record DerivativeAxis(int Participant, bool IsRow, Dim Size);

// The shape of ∂of/∂v₁ (or ∂²of/∂v₁∂v₂). Idea: the result is indexed by every axis of size ≠ 1 of `of`, then of
// each variable in order (an entry X[j,k] or a scalar has none); `layout: denominator` reverses that order, so
// a Jacobian's rows follow `wrt`. Invariant: one axis keeps its side (the gradient of a scalar by a row vector
// is a row, the derivative of a column by a scalar a column); two axes are rows then columns; more than two
// are a tensor, which the language does not have (the caller reports it). So the derivative of a scalar by X
// has X's shape, of a matrix by a scalar the matrix's shape, and the Hessian of a scalar by x is x-by-x.
internal static class DerivativeAxes
{
    public const int MaxAxes = 2;

    // `isOne` says whether a dimension is of size one (a binder's view while shapes are still unified).
    public static IReadOnlyList<DerivativeAxis> Of(Shape of, IReadOnlyList<Shape> variables, bool reversed, Func<Dim, bool>? isOne = null)
    {
        ArgumentNullException.ThrowIfNull(of);
        ArgumentNullException.ThrowIfNull(variables);
        isOne ??= d => d.IsOne;
        var axes = new List<DerivativeAxis>();
        void Add(int participant, Shape shape)
        {
            if (!isOne(shape.Rows)) axes.Add(new DerivativeAxis(participant, true, shape.Rows));
            if (!isOne(shape.Columns)) axes.Add(new DerivativeAxis(participant, false, shape.Columns));
        }
        Add(0, of);
        for (var k = 0; k < variables.Count; k++) Add(k + 1, variables[k]);
        if (reversed) axes.Reverse();
        return axes;
    }

    // A Jacobian in the sense of `layout:`: `of` contributes one axis and the variables one; only then does
    // the order of the axes (numerator or denominator layout) change the result.
    public static bool LayoutMatters(IReadOnlyList<DerivativeAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return axes.Count(a => a.Participant == 0) == 1 && axes.Count(a => a.Participant > 0) == 1;
    }

    public static Shape ResultShape(IReadOnlyList<DerivativeAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return axes.Count switch
        {
            0 => Shape.Scalar,
            1 => axes[0].IsRow ? new Shape(axes[0].Size, Dim.One) : new Shape(Dim.One, axes[0].Size),
            2 => new Shape(axes[0].Size, axes[1].Size),
            _ => throw new ArgumentException($"a derivative with {axes.Count} axes is a tensor, not a matrix", nameof(axes)),
        };
    }

    // Which result side (row = true) each axis takes: the positions ResultShape gives them.
    public static bool[] ResultSides(IReadOnlyList<DerivativeAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return axes.Count == 1 ? [axes[0].IsRow] : axes.Select((_, k) => k == 0).ToArray();
    }
}
