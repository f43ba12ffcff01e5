using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;
using TraceVerify.Reporting;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Symbolic;

// M[1,2], x[3], M[i,2]: 1-based numeric positions. A position above 1 needs a literal size where it is
// written (a dimension letter is a general size, possibly 1). In index form a position is the unit-vector factor
// e_p on an ordinary index; an entry that mentions positions writes every index of a small literal size over
// its positions, so sums over a literal size and their written-out entries meet.
public class NumericPositionTests
{
    private static readonly Dictionary<string, string> Declared = new() { ["X"] = "3 x 3", ["A"] = "2 x n", ["B"] = "n x 2", ["x"] = "n x 1", ["Y"] = "m x n" };

    [Theory]
    [InlineData("M[1,2]", "M[1,2]")]
    [InlineData("x[3]", "x[3]")]
    [InlineData("M[i,02]", "M[i,2]")]
    [InlineData("(A*B)[2,:]", "(A*B)[2,:]")]
    public void Positions_parse_and_print_back(string text, string printed)
    {
        Assert.Equal(printed, Bound.PrintedBack(text));
    }

    [Fact]
    public void Position_zero_is_a_located_syntax_error()
    {
        var error = Assert.Single(Parser.Parse("M[0,1]").Errors);
        Assert.Equal("TV0131", error.Code);
        Assert.Equal(2, error.Span.Start);
    }

    [Theory]
    [InlineData("X[4,1]", "TV0222", 2)]
    [InlineData("X[1,4]", "TV0222", 4)]
    [InlineData("(A*B)[3,1]", "TV0222", 6)]
    [InlineData("x[2]", "TV0223", 2)]
    [InlineData("Y[1,2]", "TV0223", 4)]
    [InlineData("W[2,1]", "TV0223", 2)]
    public void A_position_outside_a_literal_size_or_above_1_on_a_letter_is_a_located_error(string text, string code, int start)
    {
        Assert.Equal((code, start), new Bound(Declared).ErrorAt(text));
    }

    [Theory]
    [InlineData("X[3,3]", "scalar")]
    [InlineData("x[1]", "scalar")]
    [InlineData("Y[1,:]", "1×n")]
    [InlineData("X[:,2]", "3×1")]
    public void A_position_is_one_entry_row_or_column(string text, string shape)
    {
        Assert.Equal(shape, new Bound(Declared).ShapeText(text));
    }

    [Theory]
    [InlineData("tr(X)", "X[1,1] + X[2,2] + X[3,3]", "proved")]
    [InlineData("(A*B)[1,2]", "sum(j; A[1,j]*B[j,2])", "proved")]
    [InlineData("X[2,:]*X[:,3]", "(X*X)[2,3]", "proved")]
    [InlineData("(x*x')[1,1]", "x[1]*x[1]", "proved")]
    [InlineData("X[1,:]*X[:,1]", "sum(k; X[1,k]*X[k,1])", "proved")]
    [InlineData("det(X)", "X[1,1]*(X[2,2]*X[3,3] - X[2,3]*X[3,2]) - X[1,2]*(X[2,1]*X[3,3] - X[2,3]*X[3,1]) + X[1,3]*(X[2,1]*X[3,2] - X[2,2]*X[3,1])", "proved")]
    [InlineData("det(X)", "X[1,1]*(X[2,2]*X[3,3] - X[2,3]*X[3,2]) - X[1,2]*(X[2,1]*X[3,3] - X[2,3]*X[3,1]) + X[1,3]*(X[2,1]*X[3,2] + X[2,2]*X[3,1])", "inconclusive")]
    [InlineData("tr(X)", "X[1,1] + X[2,2] + X[3,2]", "inconclusive")]
    [InlineData("(A*B)[1,2]", "sum(j; A[2,j]*B[j,1])", "inconclusive")]
    [InlineData("X[1,2]", "X[2,1]", "inconclusive")]
    [InlineData("(x*x')[1,1]", "x[1]", "inconclusive")]
    public void The_symbolic_method_proves_positions_by_their_pinned_forms(string left, string right, string outcome)
    {
        Assert.Equal(outcome, SymbolicCheck.Run(Entries.Equality(Declared, left, right)).Result.Outcome);
    }

    [Theory]
    [InlineData("tr(X*X)", "X[1,2]", "2*X[2,1]", "proved")]
    [InlineData("tr(X*X)", "X[1,2]", "2*X[1,2]", "inconclusive")]
    [InlineData("X[1,2]*X[2,1]", "X[2,1]", "X[1,2]", "proved")]
    [InlineData("x'*x", "x[1]", "2*x[1]", "proved")]
    public void A_derivative_by_an_entry_at_a_position_is_proved_symbolically(string of, string wrt, string claim, string outcome)
    {
        Assert.Equal(outcome, SymbolicCheck.Run(Entries.Derivative(of, wrt, [claim], null, Declared)).Result.Outcome);
    }

    [Theory]
    [InlineData("tr(X)", "X[1,1] + X[2,2] + X[3,3]", "confirmed")]
    [InlineData("tr(X)", "X[1,1] + X[2,2] + X[3,2]", "refuted")]
    [InlineData("(A*B)[1,2]", "sum(j; A[1,j]*B[j,2])", "confirmed")]
    [InlineData("(A*B)[1,2]", "sum(j; A[2,j]*B[j,1])", "refuted")]
    [InlineData("X[2,:]*X[:,3]", "(X*X)[2,3]", "confirmed")]
    [InlineData("(x*x')[1,1]", "x[1]*x[1]", "confirmed")]
    public void Fuzzing_and_Z3_decide_positions_exactly(string left, string right, string outcome)
    {
        var entry = Entries.Equality(Declared, left, right);
        Assert.Equal(outcome, new FuzzMethod(40).Run(entry, 3, CancellationToken.None).Result.Outcome);
        Assert.Equal(outcome, new Z3Method(maxDimension: 2).Run(entry, 3, CancellationToken.None).Result.Outcome);
    }

    // The fuzzer's dual numbers differentiate through the position; a wrong entry is refuted.
    [Theory]
    [InlineData("X[1,2]*X[2,1]", "X", "X[2,1]*matrix(i,j; I(3)[i,1]*I(3)[j,2]) + X[1,2]*matrix(i,j; I(3)[i,2]*I(3)[j,1])", true)]
    [InlineData("tr(X*X)", "X[1,2]", "2*X[2,1]", true)]
    [InlineData("tr(X*X)", "X[1,2]", "2*X[1,2]", false)]
    public void Derivatives_agree_with_dual_numbers(string of, string wrt, string claim, bool holds)
    {
        var evidence = new FuzzMethod(40).Run(Entries.Derivative(of, wrt, [claim], null, Declared), 5, CancellationToken.None);
        Assert.Equal(holds ? "confirmed" : "refuted", evidence.Result.Outcome);
    }

    [Fact]
    public void Bound_positions_print_back_to_the_same_expression()
    {
        var bound = new Bound(Declared);
        var expr = bound.Resolve(bound.Bind("X[1,2] + X[3,:]*X[:,1]"));
        Assert.Equal("X[1,2] + X[3,:]*X[:,1]", ExprPrinter.Print(expr));
        Assert.Equal(expr, bound.Resolve(bound.Bind(ExprPrinter.Print(expr))));
    }

    [Fact]
    public void MathMl_writes_positions_as_subscripts()
    {
        Assert.Equal("<msub><mi>X</mi><mrow><mn>1</mn><mo>,</mo><mn>2</mn></mrow></msub>", MathMl.Render(Parser.Parse("X[1,2]").Node!));
    }
}
