using TraceVerify.Numeric;
using Xunit;

namespace TraceVerify.Tests.Numeric;

public class MatrixTests
{
    private static readonly RationalField Q = RationalField.Instance;

    private static Matrix<Rational> FromRows(long[,] rows) =>
        Matrix<Rational>.Create(rows.GetLength(0), rows.GetLength(1), (r, c) => Rational.Of(rows[r, c]));

    [Fact]
    public void Create_IndexerAndShape()
    {
        var m = Matrix<Rational>.Create(2, 3, (r, c) => Rational.Of((10 * r) + c));
        Assert.Equal(2, m.Rows);
        Assert.Equal(3, m.Cols);
        Assert.Equal(Rational.Of(12), m[1, 2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m[2, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m[0, -1]);
        Assert.Equal("[0, 1, 2; 10, 11, 12]", m.ToString());
    }

    [Fact]
    public void Multiply_MatchesHandComputation()
    {
        var a = FromRows(new long[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = FromRows(new long[,] { { 7, 8 }, { 9, 10 }, { 11, 12 } });
        var product = Matrix<Rational>.Multiply(Q, a, b);
        Assert.Equal(2, product.Rows);
        Assert.Equal(2, product.Cols);
        Assert.Equal(Rational.Of(58), product[0, 0]);
        Assert.Equal(Rational.Of(64), product[0, 1]);
        Assert.Equal(Rational.Of(139), product[1, 0]);
        Assert.Equal(Rational.Of(154), product[1, 1]);
        Assert.Throws<ArgumentException>(() => Matrix<Rational>.Multiply(Q, a, a));
    }

    [Fact]
    public void Elementwise_AddSubtractHadamardScale()
    {
        var a = FromRows(new long[,] { { 1, 2 }, { 3, 4 } });
        var b = FromRows(new long[,] { { 5, 6 }, { 7, 8 } });
        Assert.Equal(Rational.Of(12), Matrix<Rational>.Add(Q, a, b)[1, 1]);
        Assert.Equal(Rational.Of(-4), Matrix<Rational>.Subtract(Q, a, b)[0, 1]);
        Assert.Equal(Rational.Of(21), Matrix<Rational>.Hadamard(Q, a, b)[1, 0]);
        Assert.Equal(Rational.Of(3, 2), Matrix<Rational>.Scale(Q, Rational.Of(1, 2), a)[1, 0]);
        var wide = Matrix<Rational>.Create(2, 3, (_, _) => Rational.One);
        Assert.Throws<ArgumentException>(() => Matrix<Rational>.Add(Q, a, wide));
        Assert.Throws<ArgumentException>(() => Matrix<Rational>.Hadamard(Q, a, wide));
    }

    [Fact]
    public void Transpose_SwapsIndices()
    {
        var a = FromRows(new long[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var t = a.Transpose();
        Assert.Equal(3, t.Rows);
        Assert.Equal(2, t.Cols);
        for (var r = 0; r < a.Rows; r++)
        {
            for (var c = 0; c < a.Cols; c++) Assert.Equal(a[r, c], t[c, r]);
        }
    }

    [Fact]
    public void Trace_SumsDiagonal()
    {
        Assert.Equal(Rational.Of(5), Matrix<Rational>.Trace(Q, FromRows(new long[,] { { 1, 2 }, { 3, 4 } })));
        Assert.Equal(Rational.Of(7), Matrix<Rational>.Trace(Q, Matrix<Rational>.Identity(Q, 7)));
        Assert.Equal(Rational.Zero, Matrix<Rational>.Trace(Q, Matrix<Rational>.Create(0, 0, (_, _) => Rational.One)));
        Assert.Throws<ArgumentException>(() => Matrix<Rational>.Trace(Q, Matrix<Rational>.Create(2, 3, (_, _) => Rational.One)));
    }

    [Fact]
    public void TraceOfProduct_IsCyclicOverRationals()
    {
        var random = new RandomRationals(1234);
        for (var trial = 0; trial < 20; trial++)
        {
            var n = random.NextInt(1, 5);
            var m = random.NextInt(1, 5);
            var a = Matrix<Rational>.Create(n, m, (_, _) => random.Next(4));
            var b = Matrix<Rational>.Create(m, n, (_, _) => random.Next(4));
            Assert.Equal(
                Matrix<Rational>.Trace(Q, Matrix<Rational>.Multiply(Q, a, b)),
                Matrix<Rational>.Trace(Q, Matrix<Rational>.Multiply(Q, b, a)));

            // tr(A·Aᵀ) is the sum of all entries of A∘A.
            var squares = Matrix<Rational>.Hadamard(Q, a, a);
            var total = Rational.Zero;
            for (var r = 0; r < n; r++)
            {
                for (var c = 0; c < m; c++) total += squares[r, c];
            }

            Assert.Equal(total, Matrix<Rational>.Trace(Q, Matrix<Rational>.Multiply(Q, a, a.Transpose())));
        }
    }

    [Fact]
    public void IntervalEvaluation_EnclosesExactTrace()
    {
        var intervals = IntervalField.Instance;
        var random = new RandomRationals(1234);
        for (var trial = 0; trial < 20; trial++)
        {
            var a = Matrix<Rational>.Create(4, 4, (_, _) => random.Next(10));
            var b = Matrix<Rational>.Create(4, 4, (_, _) => random.Next(10));
            var exact = Matrix<Rational>.Trace(Q, Matrix<Rational>.Multiply(Q, a, b));
            var enclosure = Matrix<Interval>.Trace(
                intervals,
                Matrix<Interval>.Multiply(intervals, a.Map(intervals.FromRational), b.Map(intervals.FromRational)));
            Assert.True(enclosure.Contains(exact), $"tr(AB) = {exact} not in {enclosure}");
        }
    }

    [Fact]
    public void DualEvaluation_DifferentiatesTraceOfCube()
    {
        // X(t) = A + tB: d/dt tr(X³) = 3·tr(X²B).
        var dual = new DualField<Rational>(Q);
        var random = new RandomRationals(1234);
        var a = Matrix<Rational>.Create(3, 3, (_, _) => random.Next(3));
        var b = Matrix<Rational>.Create(3, 3, (_, _) => random.Next(3));
        var t = Rational.Of(2, 3);
        var x = Matrix<Dual<Rational>>.Create(3, 3, (r, c) => new Dual<Rational>(a[r, c] + t * b[r, c], b[r, c]));
        var cube = Matrix<Dual<Rational>>.Multiply(dual, x, Matrix<Dual<Rational>>.Multiply(dual, x, x));
        var trace = Matrix<Dual<Rational>>.Trace(dual, cube);

        var xValue = x.Map(d => d.Value);
        var xSquared = Matrix<Rational>.Multiply(Q, xValue, xValue);
        Assert.Equal(Matrix<Rational>.Trace(Q, Matrix<Rational>.Multiply(Q, xSquared, xValue)), trace.Value);
        Assert.Equal(Rational.Of(3) * Matrix<Rational>.Trace(Q, Matrix<Rational>.Multiply(Q, xSquared, b)), trace.Derivative);
    }
}
