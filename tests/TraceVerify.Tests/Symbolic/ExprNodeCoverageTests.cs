using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// Every Expr node type has a rule in each operation written as one switch (children, rebuilding, shape
// check, tidying): a node type added later without rules fails here, not in a user's report.
public class ExprNodeCoverageTests
{
    private static readonly Dim M = new DimVariable("m");
    private static readonly SymbolExpr A = new("A", new Shape(M, M));
    private static readonly SymbolExpr X = new("x", new Shape(M, Dim.One));
    private static readonly SymbolExpr S = new("a", Shape.Scalar);
    private static readonly IndexVariable I = new("i", M);
    private static readonly IndexVariable J = new("j", M);

    private static readonly Expr[] Samples =
    [
        A,
        new NumberExpr(Rational.Of(2)),
        new MatrixProduct(A, A),
        new ScalarProduct(S, A),
        new ScalarDivide(A, S),
        new AddExpr(A, A),
        new NegateExpr(A),
        new TransposeExpr(A),
        new TraceOf(A),
        new DiagExpr(X),
        new HadamardProduct(A, A),
        new ElementwiseDivide(A, A),
        new ElementwiseFunction(FunctionKind.Log, A),
        new MatrixFunctionExpr(MatrixFunction.Inverse, A),
        new FrobeniusNorm(A),
        new KroneckerProduct(A, X),
        new VecExpr(A),
        new PowerExpr(S, 2),
        new OnesExpr(M),
        new IdentityExpr(M),
        new ZerosExpr(M, Dim.One),
        new MatrixLiteralExpr(1, 2, new EquatableArray<Expr>([S, new NumberExpr(Rational.Of(3))])),
        new EntryExpr(A, new IndexedSlot(I), SliceSlot.Instance),
        new IndexSumExpr(new EquatableArray<IndexVariable>([I]), new EntryExpr(X, new IndexedSlot(I), UnitSlot.Instance)),
        new RowsExpr(I, new EntryExpr(A, new IndexedSlot(I), SliceSlot.Instance)),
        new MatrixOfExpr(I, J, new EntryExpr(A, new IndexedSlot(I), new IndexedSlot(J))),
    ];

    [Fact]
    public void The_samples_cover_every_node_type()
    {
        var types = typeof(Expr).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Expr)) && !t.IsAbstract).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(types, Samples.Select(s => s.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_node_type_is_rebuilt_from_its_children()
    {
        foreach (var sample in Samples) Assert.Equal(sample, ExprNodes.WithChildren(sample, ExprNodes.Children(sample)));
    }

    [Fact]
    public void Every_node_type_is_tidied_without_changing_its_canonical_form()
    {
        var context = new IndexFormContext(new Dictionary<string, IndexVariable>());
        // A matrix literal has no index form (the symbolic method declines it); its tidy form is checked in
        // MatrixLiteralTests by value.
        foreach (var sample in Samples.Where(s => s is not MatrixLiteralExpr))
        {
            Assert.Equal(context.Canonical(sample), context.Canonical(ExprTidy.Tidy(sample)));
            Assert.Equal(context.Canonical(sample), context.Canonical(ExprTidy.TidyKeepingElementwise(sample)));
        }
    }
}
