using TraceVerify.Catalog;
using TraceVerify.Fuzzing;

namespace TraceVerify.Tests.Catalog;

// Every construct of the language with a column vector, a row vector, a scalar and an undeclared symbol as
// its argument: each entry `T(v) = T(v)` is decided (proved, or ill-formed where the construct does not take
// such an argument) by the symbolic engine and by exact evaluation, never an exception.
public class VectorArgumentTests
{
    public static TheoryData<string, string, string> Cases()
    {
        // (template, does every argument fit?); an argument that can be a scalar fits every template: `(A*x)` with
        // A undeclared is a scalar when A is a row.
        (string Template, bool Any)[] templates =
        [
            ("V'", true), ("V^T", true), ("Vᵀ", true), ("-V + V", true), ("2*V", true), ("V/2", true),
            ("diag(V)", true), ("diag(V)*B", true), ("B*diag(V)", true), ("diag(V')", true), ("tr(diag(V))", true),
            ("diag(V)*ones", true), ("log(V)", true), ("exp(V)", true), ("fro(V)", true), ("V .* exp(V)", true),
            ("V*V'", true), ("V'*V", true), ("V[j]", true), ("(V)[i,j]", true), ("sum(j; V[j])", true),
            ("matrix(i,j; V[i]*V[j])", true), ("diag(V)[i,j]", true),
            ("tr(V)", false), ("V^2", false), ("1/V", false),
        ];
        (string Argument, string Shapes, bool Scalar)[] arguments =
        [
            ("x", "{x: n}", false), ("y", "{y: 1 x n}", false), ("x'", "{x: n}", false), ("(A*x)", "{x: n}", true),
            ("s", "{s: scalar}", true), ("z", "{}", true),
        ];
        var data = new TheoryData<string, string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (var (template, any) in templates)
        {
            // diag(V') of x and diag(V) of x' are one case.
            foreach (var (argument, shapes, scalar) in arguments)
            {
                var expression = template.Replace("V", argument, StringComparison.Ordinal);
                if (seen.Add((expression, shapes))) data.Add(expression, shapes, any || scalar ? "proved" : "ill-formed");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_construct_on_a_vector_or_scalar_is_decided_without_a_crash(string expression, string shapes, string expected)
    {
        var text = $"- id: t\n  kind: equality\n  shapes: {shapes}\n  lhs: \"{expression}\"\n  rhs: \"{expression}\"\n";
        var result = Check(text);
        Assert.Equal(expected, Expectations.Text(result.Verdict));
    }

    [Fact]
    public void Diag_of_a_row_vector_equals_diag_of_its_column_and_is_not_a_scalar()
    {
        // The binder read diag(x) with x unified to one row as 1×1 (a scalar multiple), and evaluation crashed.
        var result = Check("- id: t\n  kind: equality\n  lhs: diag(x')*B\n  rhs: diag(x)*B\n");
        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.Equal("confirmed", result.Methods.Single(m => m.Name == "fuzz").Outcome);
    }

    internal static EntryResult Check(string yaml) =>
        new Verifier(new VerifierOptions(7, FuzzCases: 20), [new FuzzMethod(20)]).Check(CatalogLoader.Parse(yaml, "vectors.yaml").Entries.Single());
}
