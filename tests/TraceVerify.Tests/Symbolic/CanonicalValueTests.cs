using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;
using TraceVerify.Tests.Cli;

namespace TraceVerify.Tests.Symbolic;

// Canonicalization keeps the numeric value: on every catalog expression, at random exact inputs and
// rectangular sizes, the canonical index form evaluated index by index equals the matrix evaluation.
public class CanonicalValueTests
{
    public static TheoryData<string> CatalogEntries()
    {
        var data = new TheoryData<string>();
        foreach (var entry in LoadAll()) data.Add(entry.Id);
        return data;
    }

    private static IEnumerable<CatalogEntry> LoadAll()
    {
        var root = CliRunner.RepositoryRoot;
        var files = new[] { Path.Combine(root, "identities.yaml") }.Concat(Directory.GetFiles(Path.Combine(root, "identities"), "*.yaml").Order(StringComparer.Ordinal));
        return files.SelectMany(f => CatalogLoader.Load(f).Entries).Where(e => e.Kind is EntryKind.Equality or EntryKind.Derivative);
    }

    [Theory]
    [MemberData(nameof(CatalogEntries))]
    public void The_canonical_form_of_every_side_has_the_value_of_the_side(string id)
    {
        var entry = EntryBinder.Bind(LoadAll().Single(e => e.Id == id)).Entry!;
        var random = new Random(id.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        var sizes = DrawSizes(entry, random);
        var context = new IndexFormContext(entry.FreeIndices.ToDictionary(v => v.Name, StringComparer.Ordinal), entry.Frozen);
        var exprs = entry.Sides.Concat(entry.Kind == EntryKind.Derivative ? [] : Array.Empty<Expr>()).ToList();
        // Positive values keep every log and quotient of the notes' catalog inside its domain; a quotient by a
        // difference (the Cookbook's (x - a)/||x - a||) can still meet zero: such draws are redrawn, as the fuzzer
        // discards them. Some domains also need a relation between sizes (inv(Z*Z') of an n×m Z needs n ≤ m), so
        // the sizes are redrawn with the values. Only the direct evaluation decides the domain, so a canonical
        // form that leaves it still fails.
        var symbolValues = Draw(entry, sizes, random);
        for (var attempt = 1; !InDomain(entry, exprs, sizes, symbolValues); attempt++)
        {
            Assert.True(attempt < 50, $"{id}: no draw inside the domain in {attempt} attempts");
            sizes = DrawSizes(entry, random);
            symbolValues = Draw(entry, sizes, random);
        }
        foreach (var expr in exprs)
        {
            // A numeric position, a matrix literal or a symbol of a product size has no index form: nothing to
            // compare (the symbolic method reports it inconclusive, SymbolicCheckTests).
            CanonicalSum form;
            try
            {
                form = context.Canonical(expr);
            }
            catch (ExpansionLimitException)
            {
                continue;
            }
            // log and exp leave the rationals: there both evaluations are rigorous enclosures that must overlap.
            if (ContainsTranscendental(form) || ExprNodes.Walk(expr).Any(n => n.Node is ElementwiseFunction { Function: not (FunctionKind.Reciprocal or FunctionKind.Abs) }))
            {
                var intervals = symbolValues.ToDictionary(p => p.Key, p => p.Value.Map(IntervalField.Instance.FromRational), StringComparer.Ordinal);
                Compare(entry, expr, form, sizes, intervals, IntervalField.Instance, (a, b) => Assert.True(a.Overlaps(b), $"{a} and {b} are disjoint"));
            }
            else
            {
                Compare(entry, expr, form, sizes, symbolValues, RationalField.Instance, (a, b) => Assert.Equal(a, b));
            }
        }
    }

    private static Dictionary<string, int> DrawSizes(BoundEntry entry, Random random) =>
        entry.Dimensions.Select((name, k) => (name, size: 2 + ((k + random.Next(2)) % 2))).ToDictionary(p => p.name, p => p.size, StringComparer.Ordinal);

    private static void Compare<T>(BoundEntry entry, Expr expr, CanonicalSum form, Dictionary<string, int> sizes,
        IReadOnlyDictionary<string, Matrix<T>> values, IScalarField<T> field, Action<T, T> agree)
    {
        var environment = new EvaluationEnvironment<T>(sizes, values);
        var shape = Shapes.Of(expr);
        var rows = environment.Size(shape.Rows);
        var cols = environment.Size(shape.Columns);
        foreach (var indexValues in Assignments(entry.FreeIndices.Select(v => environment.Size(v.Range)).ToArray()))
        {
            var indices = entry.FreeIndices.Select((v, k) => (v.Name, indexValues[k])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
            var env = environment.WithIndices(indices);
            var matrix = new Evaluator<T>(field).Evaluate(expr, env);
            var byIndex = new IndexFormEvaluator<T>(field, env, entry.Symbols);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    var parameters = new List<int>();
                    if (!shape.Rows.IsOne) parameters.AddRange(Parts(r, shape.Rows, environment));
                    if (!shape.Columns.IsOne) parameters.AddRange(Parts(c, shape.Columns, environment));
                    parameters.AddRange(indexValues);
                    agree(matrix[r, c], byIndex.Evaluate(form, parameters));
                }
            }
        }
    }

    // A position over a product size m·p is the pair (i, k) at i·p + k (IndexSplit): its parts, major first.
    private static int[] Parts<T>(int position, Dim dim, EvaluationEnvironment<T> environment)
    {
        var atoms = Dim.Atoms(dim);
        var parts = new int[atoms.Count];
        for (var k = atoms.Count - 1; k >= 0; k--)
        {
            var size = environment.Size(atoms[k]);
            parts[k] = position % size;
            position /= size;
        }
        return parts;
    }

    private static Dictionary<string, Matrix<Rational>> Draw(BoundEntry entry, Dictionary<string, int> sizes, Random random)
    {
        var symbolValues = new Dictionary<string, Matrix<Rational>>(StringComparer.Ordinal);
        var env0 = new EvaluationEnvironment<Rational>(sizes, symbolValues);
        foreach (var (name, shape) in entry.Symbols)
        {
            symbolValues[name] = Matrix<Rational>.Create(env0.Size(shape.Rows), env0.Size(shape.Columns), (_, _) => Rational.Of(1 + random.Next(4), 1 + random.Next(2)));
        }
        foreach (var (copy, original) in entry.Frozen) symbolValues[copy] = symbolValues[original];
        return symbolValues;
    }

    // Every side evaluates (as rigorous intervals, so log, exp and sqrt too) at every value of the free indices.
    private static bool InDomain(BoundEntry entry, IEnumerable<Expr> exprs, Dictionary<string, int> sizes, Dictionary<string, Matrix<Rational>> values)
    {
        var intervals = values.ToDictionary(p => p.Key, p => p.Value.Map(IntervalField.Instance.FromRational), StringComparer.Ordinal);
        var environment = new EvaluationEnvironment<Interval>(sizes, intervals);
        try
        {
            foreach (var expr in exprs)
            {
                foreach (var indexValues in Assignments(entry.FreeIndices.Select(v => environment.Size(v.Range)).ToArray()))
                {
                    var indices = entry.FreeIndices.Select((v, k) => (v.Name, indexValues[k])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
                    new Evaluator<Interval>(IntervalField.Instance).Evaluate(expr, environment.WithIndices(indices));
                }
            }
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private static bool ContainsTranscendental(CanonicalSum sum) =>
        sum.Terms.SelectMany(t => t.Factors).Any(f => f is FunctionFactor { Function: FunctionKind.Log or FunctionKind.Exp or FunctionKind.Sqrt or FunctionKind.Sin or FunctionKind.Cos or FunctionKind.Tan } || (f is FunctionFactor g && ContainsTranscendental(g.Body)) || (f is MatrixFunctionFactor m && ContainsTranscendental(m.Body)));

    private static IEnumerable<int[]> Assignments(int[] sizes)
    {
        var values = new int[sizes.Length];
        while (true)
        {
            yield return (int[])values.Clone();
            var k = 0;
            while (k < sizes.Length && ++values[k] == sizes[k]) values[k++] = 0;
            if (k == sizes.Length) yield break;
        }
    }
}
