using TraceVerify.Numeric;

namespace TraceVerify.Tests.Numeric;

// Exact inverse and determinant in every field the evaluator uses: rationals, dual numbers (whose
// derivative parts must follow d det = det·tr(inv·dA) and d inv = −inv·dA·inv) and intervals.
public class MatrixAlgebraTests
{
    private static Rational[] Of(params long[] entries) => [.. entries.Select(e => Rational.Of(e))];

    [Fact]
    public void The_inverse_of_a_rational_matrix_is_exact_and_pivots_past_a_zero()
    {
        // [0 1 2; 1 0 3; 4 -3 8]: the first pivot is zero, so rows are exchanged; det = -2.
        var a = Of(0, 1, 2, 1, 0, 3, 4, -3, 8);
        var inverse = MatrixAlgebra.Inverse(RationalField.Instance, 3, a);
        Assert.Equal(Of(-9, 14, -3, -4, 8, -2).AsEnumerable(), inverse.Take(6).Select(x => x * Rational.Of(2)));
        Assert.Equal(Rational.Of(3, 2), inverse[6]);
        Assert.Equal(Rational.Of(-2), MatrixAlgebra.Determinant(RationalField.Instance, 3, a));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_inverse_times_the_matrix_is_the_identity(int size)
    {
        var random = new Random(size);
        var a = Enumerable.Range(0, size * size).Select(_ => Rational.Of(random.Next(-5, 6), random.Next(1, 4))).ToArray();
        if (MatrixAlgebra.Determinant(RationalField.Instance, size, a).IsZero) return;
        var inverse = MatrixAlgebra.Inverse(RationalField.Instance, size, a);
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                var sum = Rational.Zero;
                for (var k = 0; k < size; k++) sum += a[(i * size) + k] * inverse[(k * size) + j];
                Assert.Equal(i == j ? Rational.One : Rational.Zero, sum);
            }
        }
    }

    [Fact]
    public void The_adjugate_is_the_cofactor_transpose_also_of_a_singular_matrix()
    {
        Assert.Equal(Of(4, -2, -3, 1).AsEnumerable(), MatrixAlgebra.Adjugate(RationalField.Instance, 2, Of(1, 2, 3, 4)));
        Assert.Equal(Of(4, -2, -2, 1).AsEnumerable(), MatrixAlgebra.Adjugate(RationalField.Instance, 2, Of(1, 2, 2, 4)));
        Assert.Equal(Of(1).AsEnumerable(), MatrixAlgebra.Adjugate(RationalField.Instance, 1, Of(7)));
        // adj(A)·A = det(A)·I at 3×3.
        var a = Of(2, -1, 0, 3, 5, 1, -4, 2, 7);
        var adjugate = MatrixAlgebra.Adjugate(RationalField.Instance, 3, a);
        var det = MatrixAlgebra.Determinant(RationalField.Instance, 3, a);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var sum = Rational.Zero;
                for (var k = 0; k < 3; k++) sum += adjugate[(i * 3) + k] * a[(k * 3) + j];
                Assert.Equal(i == j ? det : Rational.Zero, sum);
            }
        }
    }

    [Fact]
    public void A_singular_matrix_has_no_inverse_but_a_zero_determinant()
    {
        var a = Of(1, 2, 2, 4);
        Assert.Throws<DomainException>(() => MatrixAlgebra.Inverse(RationalField.Instance, 2, a));
        Assert.Equal(Rational.Zero, MatrixAlgebra.Determinant(RationalField.Instance, 2, a));
    }

    [Fact]
    public void The_determinant_beyond_the_expansion_size_agrees_with_a_triangular_product()
    {
        // Upper triangular 9×9 with diagonal 1..9 after a row exchange: det = -9!.
        var size = 9;
        var a = new Rational[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++) a[(i * size) + j] = j < i ? Rational.Zero : j == i ? Rational.Of(i + 1) : Rational.Of(i - j);
        }
        for (var c = 0; c < size; c++) (a[c], a[size + c]) = (a[size + c], a[c]);
        Assert.Equal(Rational.Of(-362880), MatrixAlgebra.Determinant(RationalField.Instance, size, a));
    }

    [Fact]
    public void Dual_numbers_carry_Jacobis_formula_and_the_inverse_rule()
    {
        // A(t) = [1 2; 3 4] + t·[1 0; 0 0] at t = 0: det' = det·tr(inv(A)·E₁₁) = -2·(-2) = 4.
        var field = new DualField<Rational>(RationalField.Instance);
        var a = new[] { field.Variable(Rational.One), field.FromRational(2), field.FromRational(3), field.FromRational(4) };
        var det = MatrixAlgebra.Determinant(field, 2, a);
        Assert.Equal(Rational.Of(-2), det.Value);
        Assert.Equal(Rational.Of(1) * Rational.Of(4), det.Derivative);
        // inv(A)' = -inv(A)·E₁₁·inv(A): inv(A) = [-2 1; 3/2 -1/2], so entry (1,1) is -(-2)·(-2) = -4.
        var inverse = field.Inverse(2, a);
        Assert.Equal(Rational.Of(-2), inverse[0].Value);
        Assert.Equal(Rational.Of(-4), inverse[0].Derivative);
        Assert.Equal(Rational.Of(3), inverse[2].Derivative);
    }

    [Fact]
    public void Intervals_enclose_the_inverse_and_refuse_a_pivot_that_may_be_zero()
    {
        var field = IntervalField.Instance;
        var a = new[] { Rational.Of(1), Rational.Of(2), Rational.Of(3), Rational.Of(4) }.Select(field.FromRational).ToArray();
        var inverse = MatrixAlgebra.Inverse(field, 2, a);
        Assert.True(inverse[0].Contains(Rational.Of(-2)));
        var straddling = new Interval(-1, 1);
        Assert.Throws<DomainException>(() => MatrixAlgebra.Inverse(field, 2, [straddling, field.One, straddling, field.Zero]));
    }
}
