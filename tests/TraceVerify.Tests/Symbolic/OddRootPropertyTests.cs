using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// The canonical rules for odd roots are true for every real: on random scalar expressions built from odd roots,
// sums, products, quotients and integer powers, evaluated at random rationals of either sign (0 included), the
// canonical index form has the value of the expression — equal where both are exact, overlapping enclosures
// where a root is irrational — and is defined wherever the expression is.
public class OddRootPropertyTests
{
    private static readonly Dictionary<string, string> Shapes = new(StringComparer.Ordinal) { ["s"] = "scalar", ["t"] = "scalar" };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_canonical_form_keeps_the_value_at_negative_and_positive_arguments(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 25; n++)
        {
            var text = Generate(random, 3);
            var bound = new Bound(Shapes);
            var expr = bound.Resolve(bound.Bind(text));
            CanonicalSum form;
            try
            {
                form = bound.Context().Canonical(expr);
            }
            catch (ExpansionLimitException)
            {
                continue;
            }
            for (var point = 0; point < 6; point++)
            {
                var s = Rational.Of(random.Next(-6, 7), random.Next(1, 3));
                var t = Rational.Of(random.Next(-6, 7), random.Next(1, 3));
                Agree(text, expr, form, s, t);
            }
        }
    }

    private static void Agree(string text, Expr expr, CanonicalSum form, Rational s, Rational t)
    {
        var where = $"{text} at s = {s}, t = {t}";
        var exact = Values(RationalField.Instance, s, t);
        try
        {
            var direct = Direct(RationalField.Instance, expr, exact);
            var canonical = ByIndex(RationalField.Instance, form, exact);
            Assert.True(direct.Equals(canonical), $"{where}: {direct} ≠ {canonical}");
            return;
        }
        catch (DomainException) when (!Defined(RationalField.Instance, expr, exact))
        {
            return; // outside the expression's domain: nothing to compare
        }
        catch (NotExactException)
        {
            // an irrational root: compared as enclosures below
        }
        var intervals = Values(IntervalField.Instance, s, t);
        Interval value;
        try
        {
            value = Direct(IntervalField.Instance, expr, intervals);
        }
        catch (DomainException)
        {
            return;
        }
        var enclosure = ByIndex(IntervalField.Instance, form, intervals);
        Assert.True(value.Overlaps(enclosure), $"{where}: {value} and {enclosure} are disjoint");
    }

    // Whether the expression itself evaluates (exactly, or else as an enclosure) at the point.
    private static bool Defined(RationalField field, Expr expr, Dictionary<string, Matrix<Rational>> values)
    {
        try
        {
            Direct(field, expr, values);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
        catch (NotExactException)
        {
            try
            {
                Direct(IntervalField.Instance, expr, values.ToDictionary(p => p.Key, p => p.Value.Map(IntervalField.Instance.FromRational), StringComparer.Ordinal));
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        }
    }

    private static Dictionary<string, Matrix<T>> Values<T>(IScalarField<T> field, Rational s, Rational t) => new(StringComparer.Ordinal)
    {
        ["s"] = Matrix<T>.Create(1, 1, (_, _) => field.FromRational(s)),
        ["t"] = Matrix<T>.Create(1, 1, (_, _) => field.FromRational(t)),
    };

    private static T Direct<T>(IScalarField<T> field, Expr expr, Dictionary<string, Matrix<T>> values) =>
        new Evaluator<T>(field).EvaluateScalar(expr, new EvaluationEnvironment<T>(new Dictionary<string, int>(), values));

    private static T ByIndex<T>(IScalarField<T> field, CanonicalSum form, Dictionary<string, Matrix<T>> values)
    {
        var environment = new EvaluationEnvironment<T>(new Dictionary<string, int>(), values);
        var symbols = new Dictionary<string, Shape>(StringComparer.Ordinal) { ["s"] = Shape.Scalar, ["t"] = Shape.Scalar };
        return new IndexFormEvaluator<T>(field, environment, symbols).Evaluate(form, []);
    }

    private static readonly string[] Leaves = ["s", "t", "2", "(-3)", "(1/2)", "(-8)"];
    private static readonly int[] OddDenominators = [3, 5, 9, 15];

    // Scalar expression text over s and t; every odd root the language has, with exponents of either sign.
    private static string Generate(Random random, int depth)
    {
        if (depth == 0 || random.Next(5) == 0) return Leaves[random.Next(Leaves.Length)];
        string Sub() => Generate(random, depth - 1);
        switch (random.Next(8))
        {
            case 0: return $"({Sub()} + {Sub()})";
            case 1: return $"({Sub()} - {Sub()})";
            case 2: return $"{Sub()}*{Sub()}";
            case 3: return $"{Sub()}/{Sub()}";
            case 4: return $"({Sub()})^{random.Next(2, 4)}";
            default:
                {
                    var q = OddDenominators[random.Next(OddDenominators.Length)];
                    var p = random.Next(-2, 4);
                    if (p == 0) p = q + 1;
                    return $"({Sub()})^({p}/{q})";
                }
        }
    }
}
