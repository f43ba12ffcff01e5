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

internal sealed record ElementwiseFunction(FunctionKind Function, Expr Operand) : Expr
{
    // The degree q of an OddRoot (odd, 3 ≤ q ≤ OddRoots.MaxDegree); 0 for every other function.
    public int Degree { get; init; }
}

// inv(M), det(M) or adj(M) of a square M: a function of the whole matrix, not of each entry.
internal sealed record MatrixFunctionExpr(MatrixFunction Function, Expr Operand) : Expr;

// kron(A, B): (m·p)×(n·q) for A m×n, B p×q; entry ((i,k),(j,l)) is A[i,j]·B[k,l] (see Dim.Product for the split).
internal sealed record KroneckerProduct(Expr Left, Expr Right) : Expr;

// vec(M): the columns of M m×n stacked, an (n·m)-vector whose entry (j,i) — the column index major — is M[i,j].
internal sealed record VecExpr(Expr Operand) : Expr;

internal sealed record FrobeniusNorm(Expr Operand) : Expr;

// Base^Exponent: of a scalar, any integer exponent; of a square matrix, the matrix power (Exponent ≥ 0,
// Base^0 = I; the binder writes M^-n as a product of inverses).
internal sealed record PowerExpr(Expr Base, int Exponent) : Expr;

internal sealed record OnesExpr(Dim Length) : Expr;

internal sealed record IdentityExpr(Dim Size) : Expr;

// [a, b; c, d]: a Rows×Columns matrix of scalar entries, row-major.
internal sealed record MatrixLiteralExpr(int Rows, int Columns, EquatableArray<Expr> Entries) : Expr;

// The zero matrix of a shape: `zeros(m, n)`, or a bare `0` where a side or a sum needs a matrix.
internal sealed record ZerosExpr(Dim Rows, Dim Columns) : Expr;

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

// A 1-based numeric position, `M[1,2]`: within the dimension's literal size (the binder checks it).
internal sealed record PositionSlot(int Position) : IndexSlot;

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
    // The real q-th root of an odd degree q (the node's Degree): defined for every real, root(−8, 3) = −2.
    OddRoot,
}
