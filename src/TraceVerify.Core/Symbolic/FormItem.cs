using System.Collections.Immutable;

namespace TraceVerify.Symbolic;

// A group of a term's factors while the term is turned into matrix notation: the value is Expr's entry
// (Row, Column) — or its reciprocal when IsReciprocal — where a null Column means Expr is a column vector
// indexed by Row, and null Row and Column a scalar. Names are term labels Expr mentions by index name
// (not as its row or column): a binder for each must enclose the item before the term is complete.
internal sealed record FormItem(Expr Expr, int? Row, int? Column, ImmutableSortedSet<int> Names, bool IsReciprocal)
{
    public static FormItem Matrix(Expr expr, int row, int column) => new(expr, row, column, [], false);

    public static FormItem Vector(Expr expr, int row) => new(expr, row, null, [], false);

    public static FormItem Scalar(Expr expr) => new(expr, null, null, [], false);

    public int SlotCount => Row is null ? 0 : Column is null ? 1 : 2;

    public bool IsLoop => Row is { } r && Column == r;

    public bool Touches(int label) => Row == label || Column == label;

    // The value with row a and column b, transposing Expr when the item runs from b to a.
    public Expr Oriented(int a, int b) =>
        Row == a && Column == b ? Expr
        : Row == b && Column == a ? new TransposeExpr(Expr)
        : throw new InvalidOperationException($"the item joins {Row},{Column}, not {a},{b}");

    public int OtherEnd(int label) =>
        Row == label ? Column!.Value : Column == label ? Row!.Value : throw new InvalidOperationException($"the item does not touch {label}");
}
