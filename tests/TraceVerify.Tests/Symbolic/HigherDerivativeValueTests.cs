using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// Every derivative form of issue 11 §2 — a matrix or vector by a scalar, a Jacobian in either layout, a Hessian,
// a second derivative by entries — agrees with an independent numeric derivative: the symbolic derivative's
// canonical index form, evaluated index by index (IndexFormEvaluator), equals the nested forward-mode dual
// numbers of NumericDerivative exactly, at FsCheck-generated sizes and rational values.
public class HigherDerivativeValueTests
{
    public static TheoryData<string> Forms() =>
    [
        "{shapes: {A: n x n, B: n x n, t: scalar}, of: inv(A + t*B), wrt: t}",
        "{shapes: {A: n x n, B: n x n, t: scalar}, of: (A + t*B)*(A + t*B), wrt: t}",
        "{shapes: {A: n x n, B: n x n, t: scalar}, of: det(A + t*B), wrt: t}",
        "{shapes: {a: n, t: scalar}, of: t^2*a, wrt: t}",
        "{shapes: {A: m x n, x: n}, of: A*x, wrt: x, layout: numerator}",
        "{shapes: {A: m x n, x: n}, of: A*x, wrt: x, layout: denominator}",
        "{shapes: {x: n}, of: (x'*x)*x, wrt: x, layout: denominator}",
        "{shapes: {A: n x m, x: n}, of: x'*A, wrt: x, layout: numerator}",
        "{shapes: {A: n x n, x: n}, of: x'*A*x, wrt: [x, x]}",
        "{shapes: {a: n, x: n}, of: (a'*x)^3, wrt: [x, x]}",
        "{shapes: {X: n x n}, of: tr(X*X*X), wrt: ['X[i,j]', 'X[k,l]']}",
        "{shapes: {X: n x n}, of: inv(X), wrt: 'X[i,j]'}",
        "{shapes: {A: n x n, t: scalar}, of: inv(A + t*I), wrt: [t, t]}",
    ];

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_symbolic_derivative_has_the_value_of_the_numeric_derivative(string form)
    {
        var entry = Bind(form);
        var symbolic = entry.IndexForms().Derivative(entry.Of!, entry.Variables, entry.Reversed);
        var shape = entry.DerivativeShape;
        var property = Prop.ForAll(Cases(entry).ToArbitrary(), values =>
        {
            var (sizes, symbols) = values;
            var environment = new EvaluationEnvironment<Rational>(sizes, symbols);
            foreach (var indices in Assignments(entry, environment))
            {
                var scoped = environment.WithIndices(indices);
                Matrix<Rational> numeric;
                try
                {
                    numeric = new NumericDerivative<Rational>(RationalField.Instance).Evaluate(entry.Of!, entry.NumericVariables(indices), entry.Reversed, symbols, scoped);
                }
                catch (DomainException)
                {
                    return; // a singular draw: the derivative does not exist there
                }
                var byIndex = new IndexFormEvaluator<Rational>(RationalField.Instance, scoped, entry.Symbols);
                Assert.Equal(scoped.Size(shape.Rows), numeric.Rows);
                Assert.Equal(scoped.Size(shape.Columns), numeric.Cols);
                for (var r = 0; r < numeric.Rows; r++)
                {
                    for (var c = 0; c < numeric.Cols; c++)
                    {
                        var parameters = new List<int>();
                        if (!shape.Rows.IsOne) parameters.Add(r);
                        if (!shape.Columns.IsOne) parameters.Add(c);
                        parameters.AddRange(entry.FreeIndices.Select(v => indices[v.Name]));
                        Assert.Equal(numeric[r, c], byIndex.Evaluate(symbolic, parameters));
                    }
                }
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261128UL), FSharpOption<int>.None))), property);
    }

    internal static BoundEntry Bind(string form)
    {
        var yaml = "- id: form\n  kind: derivative\n  claim: '0'\n  " + string.Join("\n  ", Fields(form));
        // The claim is dropped: only the derivative is bound (its shape is the one the claims would need).
        var binding = EntryBinder.Bind(CatalogLoader.Parse(yaml, "forms.yaml").Entries.Single() with { Sides = [] });
        Assert.True(binding.Entry is not null, string.Join("; ", binding.Diagnostics));
        return binding.Entry!;
    }

    // `{a: b, c: {d: e}}` → the top-level `a: b` lines of a YAML mapping.
    private static IEnumerable<string> Fields(string form)
    {
        var body = form[1..^1];
        var depth = 0;
        var start = 0;
        for (var k = 0; k <= body.Length; k++)
        {
            if (k < body.Length && body[k] is '{' or '[') depth++;
            if (k < body.Length && body[k] is '}' or ']') depth--;
            if (k == body.Length || (body[k] == ',' && depth == 0))
            {
                yield return body[start..k].Trim();
                start = k + 1;
            }
        }
    }

    private static Gen<(Dictionary<string, int>, Dictionary<string, Matrix<Rational>>)> Cases(BoundEntry entry) =>
        from sizes in Gen.ArrayOf(Gen.Choose(1, 3), entry.Dimensions.Count)
        from seeds in Gen.ArrayOf(Gen.Choose(-4, 4), 64)
        select Draw(entry, sizes, seeds);

    private static (Dictionary<string, int>, Dictionary<string, Matrix<Rational>>) Draw(BoundEntry entry, int[] sizes, int[] seeds)
    {
        var dimensions = entry.Dimensions.Select((name, k) => (name, sizes[k])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);
        var empty = new EvaluationEnvironment<Rational>(dimensions, new Dictionary<string, Matrix<Rational>>());
        var next = 0;
        var symbols = new Dictionary<string, Matrix<Rational>>(StringComparer.Ordinal);
        foreach (var (name, shape) in entry.Symbols.OrderBy(p => p.Key, StringComparer.Ordinal))
            symbols[name] = Matrix<Rational>.Create(empty.Size(shape.Rows), empty.Size(shape.Columns), (_, _) => Rational.Of(seeds[next++ % seeds.Length], 2));
        return (dimensions, symbols);
    }

    private static IEnumerable<Dictionary<string, int>> Assignments(BoundEntry entry, EvaluationEnvironment<Rational> environment)
    {
        IEnumerable<Dictionary<string, int>> assignments = [new Dictionary<string, int>(StringComparer.Ordinal)];
        foreach (var index in entry.FreeIndices)
        {
            var size = environment.Size(index.Range);
            assignments = assignments.SelectMany(a => Enumerable.Range(0, size).Select(v => new Dictionary<string, int>(a, StringComparer.Ordinal) { [index.Name] = v })).ToList();
        }
        return assignments;
    }
}
