using TraceVerify.Fuzzing;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Numeric;

public class EvaluatorTests
{
    private static readonly Dim Two = new KnownDim(2);
    private static readonly Dim N = new DimVariable("n");

    // A = [1 2; 3 4], B = [5 6; 7 8], x = [1; 2], r = [3 4], y = [3; 4] (n = 2), s = 2.
    private static readonly SymbolExpr A = new("A", new Shape(Two, Two));
    private static readonly SymbolExpr B = new("B", new Shape(Two, Two));
    private static readonly SymbolExpr X = new("x", new Shape(Two, Dim.One));
    private static readonly SymbolExpr R = new("r", new Shape(Dim.One, Two));
    private static readonly SymbolExpr Y = new("y", new Shape(N, Dim.One));
    private static readonly SymbolExpr S = new("s", Shape.Scalar);

    private static readonly IndexVariable I = new("i", Two);
    private static readonly IndexVariable J = new("j", Two);
    private static readonly IndexVariable K = new("k", Two);

    private static readonly EvaluationEnvironment<Rational> Environment = new(
        new Dictionary<string, int> { ["n"] = 2 },
        new Dictionary<string, Matrix<Rational>>
        {
            ["A"] = Of(new long[,] { { 1, 2 }, { 3, 4 } }),
            ["B"] = Of(new long[,] { { 5, 6 }, { 7, 8 } }),
            ["x"] = Of(new long[,] { { 1 }, { 2 } }),
            ["r"] = Of(new long[,] { { 3, 4 } }),
            ["y"] = Of(new long[,] { { 3 }, { 4 } }),
            ["s"] = Of(new long[,] { { 2 } }),
        },
        new Dictionary<string, int> { ["i"] = 1, ["j"] = 0 });

    private static readonly Evaluator<Rational> Exact = new(RationalField.Instance);

    private static IndexSlot Slot(IndexVariable index) => new IndexedSlot(index);

    private static Matrix<Rational> Of(long[,] rows) =>
        Matrix<Rational>.Create(rows.GetLength(0), rows.GetLength(1), (r, c) => Rational.Of(rows[r, c]));

    // One sample per node type (and per slot and function kind), with its hand-computed value.
    private static readonly (string Name, Expr Expr, string Expected)[] Samples =
    [
        ("symbol", A, "[1, 2; 3, 4]"),
        ("number", new NumberExpr(Rational.Of(3, 2)), "[3/2]"),
        ("matrix product", new MatrixProduct(A, B), "[19, 22; 43, 50]"),
        ("row times column", new MatrixProduct(R, X), "[11]"),
        ("scalar product", new ScalarProduct(S, A), "[2, 4; 6, 8]"),
        ("scalar divide", new ScalarDivide(A, S), "[1/2, 1; 3/2, 2]"),
        ("add", new AddExpr(A, B), "[6, 8; 10, 12]"),
        ("negate", new NegateExpr(A), "[-1, -2; -3, -4]"),
        ("transpose", new TransposeExpr(A), "[1, 3; 2, 4]"),
        ("transposed vector", new TransposeExpr(X), "[1, 2]"),
        ("trace", new TraceOf(A), "[5]"),
        ("diag of a column", new DiagExpr(X), "[1, 0; 0, 2]"),
        ("diag of a row", new DiagExpr(R), "[3, 0; 0, 4]"),
        ("hadamard", new HadamardProduct(A, B), "[5, 12; 21, 32]"),
        ("elementwise divide", new ElementwiseDivide(A, B), "[1/5, 1/3; 3/7, 1/2]"),
        ("log", new ElementwiseFunction(FunctionKind.Log, new ElementwiseDivide(A, A)), "[0, 0; 0, 0]"),
        ("exp", new ElementwiseFunction(FunctionKind.Exp, new AddExpr(A, new NegateExpr(A))), "[1, 1; 1, 1]"),
        ("reciprocal", new ElementwiseFunction(FunctionKind.Reciprocal, A), "[1, 1/2; 1/3, 1/4]"),
        ("sqrt", new ElementwiseFunction(FunctionKind.Sqrt, new HadamardProduct(A, A)), "[1, 2; 3, 4]"),
        ("sin", new ElementwiseFunction(FunctionKind.Sin, new AddExpr(A, new NegateExpr(A))), "[0, 0; 0, 0]"),
        ("cos", new ElementwiseFunction(FunctionKind.Cos, new AddExpr(A, new NegateExpr(A))), "[1, 1; 1, 1]"),
        ("tan", new ElementwiseFunction(FunctionKind.Tan, new AddExpr(A, new NegateExpr(A))), "[0, 0; 0, 0]"),
        ("abs", new ElementwiseFunction(FunctionKind.Abs, new NegateExpr(A)), "[1, 2; 3, 4]"),
        // The real cube root of −(A⊙A⊙A) entrywise: −A, exact at perfect cubes and negative arguments.
        ("odd root", new ElementwiseFunction(FunctionKind.OddRoot, new NegateExpr(new HadamardProduct(A, new HadamardProduct(A, A)))) { Degree = 3 }, "[-1, -2; -3, -4]"),
        ("inverse", new MatrixFunctionExpr(MatrixFunction.Inverse, A), "[-2, 1; 3/2, -1/2]"),
        ("inverse of a product", new MatrixFunctionExpr(MatrixFunction.Inverse, new MatrixProduct(A, B)), "[25/2, -11/2; -43/4, 19/4]"),
        ("determinant", new MatrixFunctionExpr(MatrixFunction.Determinant, A), "[-2]"),
        ("adjugate", new MatrixFunctionExpr(MatrixFunction.Adjugate, A), "[4, -2; -3, 1]"),
        ("adjugate of a singular matrix", new MatrixFunctionExpr(MatrixFunction.Adjugate, new MatrixProduct(X, R)), "[8, -4; -6, 3]"),
        ("frobenius norm", new FrobeniusNorm(Y), "[5]"),
        // Rows (i,k) at 2i + k: A[i,j]·x[k].
        ("kronecker product", new KroneckerProduct(A, X), "[1, 2; 2, 4; 3, 4; 6, 8]"),
        ("kronecker product of a row and a matrix", new KroneckerProduct(R, A), "[3, 6, 4, 8; 9, 12, 12, 16]"),
        ("vec stacks the columns", new VecExpr(A), "[1; 3; 2; 4]"),
        ("vec of a row vector", new VecExpr(R), "[3; 4]"),
        ("power", new PowerExpr(S, 3), "[8]"),
        ("negative power", new PowerExpr(S, -2), "[1/4]"),
        ("zeroth power", new PowerExpr(S, 0), "[1]"),
        ("fro squared stays exact", new PowerExpr(new FrobeniusNorm(A), 2), "[30]"),
        ("fro to the -4", new PowerExpr(new FrobeniusNorm(A), -4), "[1/900]"),
        ("ones", new OnesExpr(N), "[1; 1]"),
        ("identity", new IdentityExpr(Two), "[1, 0; 0, 1]"),
        ("zeros", new ZerosExpr(Two, Dim.One), "[0; 0]"),
        ("matrix power", new PowerExpr(A, 3), "[37, 54; 81, 118]"),
        ("zeroth matrix power", new PowerExpr(A, 0), "[1, 0; 0, 1]"),
        ("matrix literal", new MatrixLiteralExpr(2, 2, new EquatableArray<Expr>([S, new NumberExpr(Rational.Of(3)), new TraceOf(A), new NegateExpr(S)])), "[2, 3; 5, -2]"),
        ("entry at positions", new EntryExpr(A, new PositionSlot(2), new PositionSlot(1)), "[3]"),
        ("entry", new EntryExpr(A, Slot(I), Slot(J)), "[3]"),
        ("row slice", new EntryExpr(A, Slot(I), SliceSlot.Instance), "[3, 4]"),
        ("column slice", new EntryExpr(A, SliceSlot.Instance, Slot(J)), "[1; 3]"),
        ("column-vector entry", new EntryExpr(X, Slot(I), UnitSlot.Instance), "[2]"),
        ("row-vector entry", new EntryExpr(R, UnitSlot.Instance, Slot(J)), "[3]"),
        ("entry of a product", new EntryExpr(new MatrixProduct(A, B), Slot(I), Slot(J)), "[43]"),
        ("index sum", new IndexSumExpr(new[] { K }, new EntryExpr(A, Slot(K), Slot(K))), "[5]"),
        ("double sum shadows free indices", new IndexSumExpr(new[] { I, J }, new EntryExpr(A, Slot(I), Slot(J))), "[10]"),
        ("nested sums shadow", new IndexSumExpr(new[] { I }, new IndexSumExpr(new[] { I }, new EntryExpr(A, Slot(I), Slot(I)))), "[10]"),
        ("sum of matrices", new IndexSumExpr(new[] { K }, new ScalarProduct(new EntryExpr(X, Slot(K), UnitSlot.Instance), A)), "[3, 6; 9, 12]"),
        ("rows", new RowsExpr(K, new EntryExpr(new TransposeExpr(B), Slot(K), SliceSlot.Instance)), "[5, 7; 6, 8]"),
        ("matrix of", new MatrixOfExpr(I, J, new EntryExpr(A, Slot(J), Slot(I))), "[1, 3; 2, 4]"),
        // (A B)[:,k] depends on k only: memoized per k across the inner i-sum; (19 + 43) + (22 + 50).
        ("memo keyed on the outer index", new IndexSumExpr(new[] { K }, new IndexSumExpr(new[] { I }, new EntryExpr(new EntryExpr(new MatrixProduct(A, B), SliceSlot.Instance, Slot(K)), Slot(I), UnitSlot.Instance))), "[134]"),
        ("memo independent of every index", new IndexSumExpr(new[] { K }, new IndexSumExpr(new[] { I, J }, new ScalarProduct(new EntryExpr(A, Slot(K), Slot(K)), new EntryExpr(new MatrixProduct(A, B), Slot(I), Slot(J))))), "[670]"),
    ];

    public static TheoryData<string> SampleNames() => [.. Samples.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Evaluates_AsComputedByHand(string name)
    {
        var (_, expr, expected) = Samples.Single(s => s.Name == name);
        Assert.Equal(expected, Exact.Evaluate(expr, Environment).ToString());
    }

    [Fact]
    public void EveryExprNodeType_IsHandled()
    {
        var nodeTypes = typeof(Expr).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Expr)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        var sampled = Samples.Select(s => s.Expr.GetType().Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(nodeTypes, sampled);

        var functions = Samples.Select(s => s.Expr).OfType<ElementwiseFunction>().Select(f => f.Function).Distinct().Order();
        Assert.Equal(Enum.GetValues<FunctionKind>().Order(), functions);
        var matrixFunctions = Samples.Select(s => s.Expr).OfType<MatrixFunctionExpr>().Select(f => f.Function).Distinct().Order();
        Assert.Equal(Enum.GetValues<MatrixFunction>().Order(), matrixFunctions);

        // The evaluator's helpers walk the same closed hierarchy.
        foreach (var (_, expr, _) in Samples)
        {
            IndexDependencies.Collect(expr, new HashSet<string>());
            DomainScan.Collect(expr, false, new HashSet<string>());
        }
    }

    [Fact]
    public void IndexDependencies_AreTheIndicesReadFromOutside()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var body = new AddExpr(new EntryExpr(A, Slot(I), Slot(K)), new EntryExpr(B, Slot(K), Slot(J)));
        IndexDependencies.Collect(new IndexSumExpr(new[] { K }, body), names);
        Assert.Equal(["i", "j"], names);
    }

    [Fact]
    public void DomainScan_MarksSymbolsUnderLogAndDivisors()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var expr = new AddExpr(
            new ElementwiseFunction(FunctionKind.Log, new MatrixProduct(A, B)),
            new ElementwiseDivide(new NegateExpr(new DiagExpr(X)), new ScalarDivide(new DiagExpr(R), new NegateExpr(S))));
        DomainScan.Collect(expr, false, names);
        Assert.Equal(["A", "B", "r"], names);
    }

    [Fact]
    public void OutsideTheDomain_ThrowsDomainException()
    {
        var zero = new AddExpr(A, new NegateExpr(A));
        Assert.Throws<DomainException>(() => Exact.Evaluate(new ElementwiseDivide(A, zero), Environment));
        Assert.Throws<DomainException>(() => Exact.Evaluate(new ElementwiseFunction(FunctionKind.Log, new NegateExpr(A)), Environment));
        Assert.Throws<DomainException>(() => Exact.Evaluate(new PowerExpr(new TraceOf(zero), -1), Environment));
    }

    [Fact]
    public void IrrationalValues_ThrowNotExactException_AndIntervalsEncloseThem()
    {
        var log = new ElementwiseFunction(FunctionKind.Log, Y);
        Assert.Throws<NotExactException>(() => Exact.Evaluate(log, Environment));
        Assert.Throws<NotExactException>(() => Exact.Evaluate(new FrobeniusNorm(A), Environment));
        Assert.Throws<NotExactException>(() => Exact.Evaluate(new PowerExpr(new FrobeniusNorm(A), 3), Environment));

        var intervals = new EvaluationEnvironment<Interval>(
            Environment.Dimensions,
            new Dictionary<string, Matrix<Interval>> { ["y"] = Of(new long[,] { { 3 }, { 4 } }).Map(IntervalField.Instance.FromRational) });
        var enclosed = new Evaluator<Interval>(IntervalField.Instance).Evaluate(log, intervals);
        Assert.True(enclosed[0, 0].Contains(Math.Log(3)) && enclosed[0, 0].Lo > 1.0986 && enclosed[0, 0].Hi < 1.0987);
        Assert.True(enclosed[1, 0].Contains(Math.Log(4)));
    }

    [Fact]
    public void OverDualNumbers_GivesTheDirectionalDerivative()
    {
        // ∂ tr(A Z Z)/∂Z[0,1] at Z = B, E = e₀e₁ᵀ: tr(A E B) + tr(A B E) = (B A)[1,0] + (A B)[1,0] = 31 + 43.
        var dual = new DualField<Rational>(RationalField.Instance);
        var z = new SymbolExpr("Z", new Shape(Two, Two));
        var values = Of(new long[,] { { 5, 6 }, { 7, 8 } });
        var environment = new EvaluationEnvironment<Dual<Rational>>(
            new Dictionary<string, int>(),
            new Dictionary<string, Matrix<Dual<Rational>>>
            {
                ["A"] = Of(new long[,] { { 1, 2 }, { 3, 4 } }).Map(dual.Constant),
                ["Z"] = Matrix<Dual<Rational>>.Create(2, 2, (r, c) => new Dual<Rational>(values[r, c], r == 0 && c == 1 ? Rational.One : Rational.Zero)),
            });

        var result = new Evaluator<Dual<Rational>>(dual).EvaluateScalar(new TraceOf(new MatrixProduct(new MatrixProduct(A, z), z)), environment);

        Assert.Equal(Rational.Of(74), result.Derivative);
    }

    [Fact]
    public void MissingSizesValuesAndIndices_AreReported()
    {
        var empty = new EvaluationEnvironment<Rational>(new Dictionary<string, int>(), new Dictionary<string, Matrix<Rational>>());
        Assert.Contains("`n`", Assert.Throws<ArgumentException>(() => Exact.Evaluate(new OnesExpr(N), empty)).Message, StringComparison.Ordinal);
        Assert.Contains("`A`", Assert.Throws<ArgumentException>(() => Exact.Evaluate(A, empty)).Message, StringComparison.Ordinal);
        Assert.Contains("`i`", Assert.Throws<ArgumentException>(() => Exact.Evaluate(new EntryExpr(A, Slot(I), Slot(J)), Environment.WithIndices(new Dictionary<string, int>()))).Message, StringComparison.Ordinal);
        var wrongSize = new EvaluationEnvironment<Rational>(new Dictionary<string, int> { ["n"] = 3 }, new Dictionary<string, Matrix<Rational>> { ["y"] = Of(new long[,] { { 1 }, { 2 } }) });
        Assert.Throws<ArgumentException>(() => Exact.Evaluate(Y, wrongSize));
    }

    [Fact]
    public void BoundTextEvaluates_LikeTheHandBuiltTree()
    {
        var bound = new Symbolic.Bound(new Dictionary<string, string> { ["A"] = "2x2", ["B"] = "2x2" });
        var expr = bound.Resolve(bound.Bind("sum(k; (A*B)[i,k]*A[k,j])"));
        // Σ_k (AB)[1,k]·A[k,0] = 43·1 + 50·3.
        Assert.Equal("[193]", Exact.Evaluate(expr, Environment).ToString());
    }
}
