using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;
using Interval = TraceVerify.Numeric.Interval;

namespace TraceVerify.Tests.Symbolic;

// Properties of the symbolic engine over random well-shaped expressions of the whole language
// (ExpressionGenerator): canonicalization is idempotent and keeps the numeric value; every gradient agrees
// with forward-mode dual numbers; a trace is invariant under rotation and transposition.
public class CanonicalPropertyTests
{
    private const int Cases = 150;
    private static readonly Dictionary<string, int> Sizes = new(StringComparer.Ordinal) { ["m"] = 2, ["n"] = 3, ["p"] = 1 };
    private static readonly Dictionary<string, int> Indices = new(StringComparer.Ordinal) { ["i"] = 1, ["j"] = 2, ["k"] = 0 };

    private static Config Configuration(ulong seed) =>
        Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

    // Positive, non-symmetric values: every generated log and quotient of positive data stays in its domain
    // unless a difference goes negative, and such cases are skipped as outside the domain.
    private static Dictionary<string, Matrix<Interval>> Values(int seed)
    {
        var random = new Random(seed);
        var values = new Dictionary<string, Matrix<Interval>>(StringComparer.Ordinal);
        foreach (var name in ExpressionGenerator.Declarations.Keys)
        {
            var shape = ExpressionGenerator.SymbolShape(name);
            values[name] = Matrix<Interval>.Create(Size(shape.Rows), Size(shape.Columns),
                (_, _) => IntervalField.Instance.FromRational(Rational.Of(1 + random.Next(5), 1 + random.Next(3))));
        }
        return values;
    }

    private static int Size(Dim dim) => dim is KnownDim k ? k.Size : Sizes[((DimVariable)dim).Name];

    private static IndexFormContext Context() => new(new Dictionary<string, IndexVariable>
    {
        ["i"] = new("i", ExpressionGenerator.M),
        ["j"] = new("j", ExpressionGenerator.N),
        ["k"] = new("k", ExpressionGenerator.P),
    });

    private static List<int> Parameters(Shape shape, int r, int c)
    {
        var parameters = new List<int>();
        if (!shape.Rows.IsOne) parameters.AddRange(Parts(r, shape.Rows));
        if (!shape.Columns.IsOne) parameters.AddRange(Parts(c, shape.Columns));
        parameters.AddRange(new[] { "i", "j", "k" }.Select(n => Indices[n]));
        return parameters;
    }

    // A position over a product size m·p is the pair (i, k) at i·p + k (IndexSplit): its parts, major first.
    private static IEnumerable<int> Parts(int position, Dim dim)
    {
        var atoms = Dim.Atoms(dim);
        var parts = new int[atoms.Count];
        for (var k = atoms.Count - 1; k >= 0; k--)
        {
            parts[k] = position % Size(atoms[k]);
            position /= Size(atoms[k]);
        }
        return parts;
    }

    private static Dictionary<string, Shape> SymbolShapes() =>
        ExpressionGenerator.Declarations.Keys.ToDictionary(n => n, ExpressionGenerator.SymbolShape, StringComparer.Ordinal);

    [Fact]
    public void Canonicalization_is_idempotent() => IsIdempotent(7001, ExpressionGenerator.Any());

    [Fact]
    public void Canonicalization_is_idempotent_with_inverses_determinants_and_adjugates() =>
        IsIdempotent(7101, ExpressionGenerator.Any(matrixFunctions: true));

    [Fact]
    public void Canonicalization_is_idempotent_with_sin_cos_tan_sqrt_and_abs() =>
        IsIdempotent(7201, ExpressionGenerator.Any(scalarFunctions: true));

    internal static void IsIdempotent(ulong seed, Gen<GeneratedExpression> expressions) =>
        Check.One(Configuration(seed), Prop.ForAll(expressions.ToArbitrary(), generated =>
        {
            var form = Context().Canonical(generated.Expr);
            var pool = new IndexPool();
            var parameters = form.Parameters.Select(pool.Fresh).ToArray();
            var again = Canonicalizer.Canonicalize(FunctionFactors.Instantiate(form, parameters, pool).Reverse().ToArray(), parameters, pool, form.Shape);
            Assert.Equal(form, again);
        }));

    [Fact]
    public void Canonicalization_keeps_the_numeric_value() => KeepsTheNumericValue(7002, ExpressionGenerator.Any());

    [Fact]
    public void Canonicalization_keeps_the_numeric_value_with_inverses_determinants_and_adjugates() =>
        KeepsTheNumericValue(7102, ExpressionGenerator.Any(matrixFunctions: true));

    [Fact]
    public void Canonicalization_keeps_the_numeric_value_with_sin_cos_tan_sqrt_and_abs() =>
        KeepsTheNumericValue(7202, ExpressionGenerator.Any(scalarFunctions: true));

    internal static void KeepsTheNumericValue(ulong seed, Gen<GeneratedExpression> expressions)
    {
        Check.One(Configuration(seed), Prop.ForAll(expressions.ToArbitrary(), generated =>
        {
            var form = Context().Canonical(generated.Expr);
            var environment = new EvaluationEnvironment<Interval>(Sizes, Values(generated.Text.Length), Indices);
            Matrix<Interval> matrix;
            try
            {
                matrix = new Evaluator<Interval>(IntervalField.Instance).Evaluate(generated.Expr, environment);
            }
            catch (DomainException)
            {
                return;
            }
            var byIndex = new IndexFormEvaluator<Interval>(IntervalField.Instance, environment, SymbolShapes());
            for (var r = 0; r < matrix.Rows; r++)
            {
                for (var c = 0; c < matrix.Cols; c++)
                {
                    var value = byIndex.Evaluate(form, Parameters(generated.Shape, r, c));
                    Assert.True(value.Overlaps(matrix[r, c]), $"{generated.Text} at [{r},{c}]: {matrix[r, c]} by matrices, {value} by index form");
                }
            }
        }));
    }

    [Fact]
    public void Every_gradient_agrees_with_dual_numbers() => GradientsAgreeWithDualNumbers(7003, ExpressionGenerator.Scalars());

    [Fact]
    public void Every_gradient_agrees_with_dual_numbers_with_inverses_determinants_and_adjugates() =>
        GradientsAgreeWithDualNumbers(7103, ExpressionGenerator.ScalarsWithMatrixFunctions());

    [Fact]
    public void Every_gradient_agrees_with_dual_numbers_with_sin_cos_tan_sqrt_and_abs() =>
        GradientsAgreeWithDualNumbers(7203, ExpressionGenerator.ScalarsWithScalarFunctions());

    internal static void GradientsAgreeWithDualNumbers(ulong seed, Gen<GeneratedExpression> expressions)
    {
        var dual = new DualField<Interval>(IntervalField.Instance);
        Check.One(Configuration(seed), Prop.ForAll(expressions.ToArbitrary(), generated =>
        {
            var variable = ExprNodes.Walk(generated.Expr).Select(n => n.Node).OfType<SymbolExpr>().Where(s => !s.Shape.IsScalar).OrderBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
            if (variable is null) return;
            var gradient = Context().Gradient(generated.Expr, variable);
            var values = Values(generated.Text.Length);
            var plain = new EvaluationEnvironment<Interval>(Sizes, values, Indices);
            var byIndex = new IndexFormEvaluator<Interval>(IntervalField.Instance, plain, SymbolShapes());
            var x = values[variable.Name];
            for (var a = 0; a < x.Rows; a++)
            {
                for (var b = 0; b < x.Cols; b++)
                {
                    var seeded = values.ToDictionary(p => p.Key, p => p.Value.Map(v => dual.Constant(v)), StringComparer.Ordinal);
                    seeded[variable.Name] = Matrix<Dual<Interval>>.Create(x.Rows, x.Cols, (r, c) => r == a && c == b ? dual.Variable(x[r, c]) : dual.Constant(x[r, c]));
                    Dual<Interval> derivative;
                    Interval symbolic;
                    try
                    {
                        derivative = new Evaluator<Dual<Interval>>(dual).EvaluateScalar(generated.Expr, new EvaluationEnvironment<Dual<Interval>>(Sizes, seeded, Indices));
                        symbolic = byIndex.Evaluate(gradient, Parameters(variable.Shape, a, b));
                    }
                    catch (DomainException)
                    {
                        return;
                    }
                    Assert.True(symbolic.Overlaps(derivative.Derivative), $"∂({generated.Text})/∂{variable.Name}[{a},{b}]: dual {derivative.Derivative}, symbolic {symbolic}");
                }
            }
        }));
    }

    [Fact]
    public void Traces_are_invariant_under_rotation_and_transposition_while_matrix_results_are_not()
    {
        var seed = 7004;
        for (var trial = 0; trial < 40; trial++)
        {
            var generator = new ExpressionGenerator(seed + trial);
            var p = generator.Next(new Shape(ExpressionGenerator.M, ExpressionGenerator.N), 2).Text;
            var q = generator.Next(new Shape(ExpressionGenerator.N, ExpressionGenerator.P), 2).Text;
            var r = generator.Next(new Shape(ExpressionGenerator.P, ExpressionGenerator.M), 2).Text;
            var forms = Bound.Canonical(new Bound(ExpressionGenerator.Declarations),
                $"tr(({p})*({q})*({r}))", $"tr(({q})*({r})*({p}))", $"tr(({r})*({p})*({q}))", $"tr((({p})*({q})*({r}))')");
            Assert.All(forms.Skip(1), f => Assert.Equal(forms[0], f));
        }
        var products = Bound.Canonical(new Bound(ExpressionGenerator.Declarations), "A*B", "(A*B)'", "B'*A'");
        Assert.NotEqual(products[0], products[1]);
        Assert.Equal(products[1], products[2]);
    }
}
