using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// A bound, position-free expression: a parsed `tr(A*B)` equals one built in code. Shapes live on the
// leaves (symbols, ones, identities, index ranges); every other node's shape follows from them.
internal abstract record Expr
{
    private protected Expr() { }
}

internal sealed record SymbolExpr(string Name, Shape Shape) : Expr;

internal sealed record NumberExpr(Rational Value) : Expr;

internal sealed record MatrixProduct(Expr Left, Expr Right) : Expr;

internal sealed record ScalarProduct(Expr Scalar, Expr Operand) : Expr;

// Operand / Divisor with a scalar divisor.
internal sealed record ScalarDivide(Expr Operand, Expr Divisor) : Expr;

internal sealed record AddExpr(Expr Left, Expr Right) : Expr;

internal sealed record NegateExpr(Expr Operand) : Expr;

internal sealed record TransposeExpr(Expr Operand) : Expr;

internal sealed record TraceOf(Expr Operand) : Expr;

internal sealed record DiagExpr(Expr Vector) : Expr;

internal sealed record HadamardProduct(Expr Left, Expr Right) : Expr;

internal sealed record ElementwiseDivide(Expr Left, Expr Right) : Expr;

internal sealed record ElementwiseFunction(FunctionKind Function, Expr Operand) : Expr;

// inv(M), det(M) or adj(M) of a square M: a function of the whole matrix, not of each entry.
internal sealed record MatrixFunctionExpr(MatrixFunction Function, Expr Operand) : Expr;

internal sealed record FrobeniusNorm(Expr Operand) : Expr;

internal sealed record PowerExpr(Expr Base, int Exponent) : Expr;

internal sealed record OnesExpr(Dim Length) : Expr;

internal sealed record IdentityExpr(Dim Size) : Expr;

// M[i,j]; a null slot is the slice `:`, a Unit slot indexes a dimension of size one (x[j] of a column x).
internal sealed record EntryExpr(Expr Target, IndexSlot Row, IndexSlot Column) : Expr;

internal sealed record IndexSumExpr(EquatableArray<IndexVariable> Indices, Expr Body) : Expr;

// The matrix whose Index-th row is the row vector Body.
internal sealed record RowsExpr(IndexVariable Index, Expr Body) : Expr;

// The matrix whose (Row, Column) entry is the scalar Body.
internal sealed record MatrixOfExpr(IndexVariable Row, IndexVariable Column, Expr Body) : Expr;

internal sealed record IndexVariable(string Name, Dim Range);

internal abstract record IndexSlot
{
    private protected IndexSlot() { }
}

internal sealed record IndexedSlot(IndexVariable Index) : IndexSlot;

internal sealed record SliceSlot : IndexSlot
{
    public static readonly SliceSlot Instance = new();
}

internal sealed record UnitSlot : IndexSlot
{
    public static readonly UnitSlot Instance = new();
}

internal enum MatrixFunction
{
    Inverse,
    Determinant,
    Adjugate,
}

internal enum FunctionKind
{
    Log,
    Exp,
    Reciprocal,
    Sqrt,
    Sin,
    Cos,
    Tan,
    Abs,
}
