using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// Issue 11 §2: derivatives of vector- and matrix-valued expressions, Jacobians with `layout:`, second derivatives
// with a list-valued `wrt:` — read by the real YAML loader, bound, and decided by each method on its own
// (symbolic, exact fuzzing with dual numbers, Z3) and by the verifier as `check` runs it.
public class VectorDerivativeTests
{
    private const string Pencil = "  shapes: {A: n x n, B: n x n, t: scalar}\n";

    public static TheoryData<string, string, bool> Entries() => new()
    {
        // (fields, claim, holds)
        { Pencil + "  of: inv(A + t*B)\n  wrt: t\n", "-inv(A + t*B)*B*inv(A + t*B)", true },
        { Pencil + "  of: inv(A + t*B)\n  wrt: t\n", "-inv(A + t*B)*inv(A + t*B)*B", false },
        { Pencil + "  of: (A + t*B)*(A + t*B)\n  wrt: t\n", "B*(A + t*B) + (A + t*B)*B", true },
        { Pencil + "  of: (A + t*B)*(A + t*B)\n  wrt: t\n", "2*B*(A + t*B)", false },
        { Pencil + "  of: det(A + t*B)\n  wrt: t\n", "det(A + t*B)*tr(inv(A + t*B)*B)", true },
        { "  shapes: {A: m x n, x: n}\n  of: A*x\n  wrt: x\n  layout: numerator\n", "A", true },
        { "  shapes: {A: m x n, x: n}\n  of: A*x\n  wrt: x\n  layout: denominator\n", "A'", true },
        { "  shapes: {A: n x n, x: n}\n  of: A*x\n  wrt: x\n  layout: denominator\n", "A", false },
        { "  shapes: {A: n x n, x: n}\n  of: x'*A*x\n  wrt: [x, x]\n", "A + A'", true },
        { "  shapes: {A: n x n, x: n}\n  of: x'*A*x\n  wrt: [x, x]\n", "2*A", false },
        { "  shapes: {X: n x n}\n  of: tr(X*X)\n  wrt: ['X[i,j]', 'X[k,l]']\n", "2*I[j,k]*I[i,l]", true },
        { "  shapes: {X: n x n}\n  of: tr(X*X)\n  wrt: ['X[i,j]', 'X[k,l]']\n", "2*I[i,k]*I[j,l]", false },
    };

    private static CatalogEntry Load(string fields, string claim) =>
        CatalogLoader.Parse($"- id: t\n  kind: derivative\n{fields}  claim: \"{claim}\"\n", "derivatives.yaml").Entries.Single();

    private static BoundEntry Bound(string fields, string claim)
    {
        var binding = EntryBinder.Bind(Load(fields, claim));
        Assert.True(binding.Entry is not null, string.Join("; ", binding.Diagnostics));
        return binding.Entry!;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_symbolic_engine_proves_each_true_derivative_and_no_false_one(string fields, string claim, bool holds) =>
        Assert.Equal(holds, SymbolicCheck.Run(Bound(fields, claim)).Proved);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Exact_fuzzing_alone_confirms_each_true_derivative_and_refutes_each_false_one(string fields, string claim, bool holds)
    {
        var result = new FuzzMethod(30).Run(Bound(fields, claim), 11, CancellationToken.None).Result;
        Assert.Equal(holds ? "confirmed" : "refuted", result.Outcome);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Z3_alone_confirms_each_true_polynomial_derivative_and_refutes_each_false_one(string fields, string claim, bool holds)
    {
        var result = new Z3Method(maxDimension: 2).Run(Bound(fields, claim), 1, CancellationToken.None).Result;
        Assert.Equal(holds ? "confirmed" : "refuted", result.Outcome);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_verifier_decides_each_entry(string fields, string claim, bool holds)
    {
        var result = new Verifier(new VerifierOptions(3, FuzzCases: 30), [new FuzzMethod(30)], [new Z3Method(maxDimension: 2)]).Check(Load(fields, claim));
        Assert.Equal(holds ? Verdict.Proved : Verdict.Refuted, result.Verdict);
    }

    [Theory]
    [InlineData("  shapes: {A: n x n, t: scalar}\n  of: inv(A + t*I)\n  wrt: t\n", "n×n")]
    [InlineData("  shapes: {a: n, t: scalar}\n  of: t*a'\n  wrt: t\n", "1×n")]
    [InlineData("  shapes: {A: m x n, x: n}\n  of: A*x\n  wrt: x\n  layout: numerator\n", "m×n")]
    [InlineData("  shapes: {A: m x n, x: n}\n  of: A*x\n  wrt: x\n  layout: denominator\n", "n×m")]
    [InlineData("  shapes: {A: n x p, x: n}\n  of: x'*A\n  wrt: x\n  layout: numerator\n", "p×n")]
    [InlineData("  shapes: {A: n x n, x: n}\n  of: x'*A*x\n  wrt: x\n", "n×1")]
    [InlineData("  shapes: {A: n x n, x: n}\n  of: x'*A*x\n  wrt: [x, x]\n", "n×n")]
    [InlineData("  shapes: {y: 1 x n}\n  of: y*y'\n  wrt: [y, y]\n", "n×n")]
    [InlineData("  shapes: {X: m x n}\n  of: tr(X'*X)\n  wrt: ['X[i,j]', 'X[k,l]']\n", "scalar")]
    [InlineData("  shapes: {X: m x n}\n  of: X*X'\n  wrt: 'X[i,j]'\n", "m×m")]
    public void The_derivative_has_the_shape_of_its_axes(string fields, string shape) =>
        Assert.Equal(shape, Bound(fields, "0*ones*ones'").DerivativeShape.ToString());

    [Theory]
    [InlineData("  shapes: {A: m x n, x: n}\n  of: A*x\n  wrt: x\n", "A", DiagnosticCodes.LayoutMissing, "layout: numerator")]
    [InlineData("  shapes: {A: m x n, x: n}\n  of: A*x\n  wrt: x\n  layout: rows\n", "A", DiagnosticCodes.BadLayout, "unknown layout `rows`")]
    [InlineData("  shapes: {x: n}\n  of: x'*x\n  wrt: [x, x, x]\n", "2*I", DiagnosticCodes.BadWrtList, "lists 3 variables")]
    [InlineData("  shapes: {x: n, y: n}\n  of: x'*y\n  wrt: [x, y]\n", "I", DiagnosticCodes.BadWrtList, "different variables")]
    [InlineData("  shapes: {X: n x n}\n  of: X*X\n  wrt: X\n", "X", DiagnosticCodes.DerivativeIsTensor, "has 4 indices")]
    [InlineData("  shapes: {A: m x n, x: n}\n  of: A*x\n  wrt: [x, x]\n", "A", DiagnosticCodes.DerivativeIsTensor, "has 3 indices")]
    [InlineData("  shapes: {x: n, t: scalar}\n  of: t*x\n  wrt: t\n", "x'", DiagnosticCodes.DeclaredShapeViolated, "is n×1, but the claim is 1×n")]
    public void A_derivative_the_language_cannot_state_is_ill_formed_with_a_located_diagnostic(string fields, string claim, string code, string message)
    {
        var binding = EntryBinder.Bind(Load(fields, claim));
        Assert.Null(binding.Entry);
        var diagnostic = Assert.Single(binding.Diagnostics, d => d.Code == code);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(diagnostic.Location);
        Assert.Equal("derivatives.yaml", diagnostic.Location!.File);
    }

    [Fact]
    public void A_layout_where_it_changes_nothing_is_a_warning_and_the_entry_is_still_decided()
    {
        var binding = EntryBinder.Bind(Load("  shapes: {A: n x n, x: n}\n  of: x'*A*x\n  wrt: x\n  layout: denominator\n", "A*x + A'*x"));
        Assert.NotNull(binding.Entry);
        var warning = Assert.Single(binding.Diagnostics, d => d.Code == DiagnosticCodes.LayoutWithoutEffect);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(6, warning.Location!.Line);
        Assert.True(SymbolicCheck.Run(binding.Entry!).Proved);
    }

    [Fact]
    public void A_layout_on_an_equality_is_an_error_at_the_field()
    {
        var entry = CatalogLoader.Parse("- id: t\n  kind: equality\n  lhs: A\n  rhs: A\n  layout: numerator\n", "e.yaml").Entries.Single();
        var diagnostic = Assert.Single(entry.Diagnostics, d => d.Code == DiagnosticCodes.LayoutOutsideDerivative);
        Assert.Equal((5, 11), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_vector_of_with_an_undeclared_shape_by_a_vector_is_a_scalar_as_before()
    {
        // Backward compatible: `of` by a vector is a scalar unless declared otherwise, so x is inferred a column.
        var entry = Bound("  of: x'*A*x\n  wrt: x\n", "A*x + A'*x");
        Assert.True(entry.Symbols["x"].Columns.IsOne && !entry.Symbols["x"].Rows.IsOne);
        Assert.True(SymbolicCheck.Run(entry).Proved);
    }

    [Fact]
    public void A_matrix_by_a_scalar_keeps_the_matrix_shape_it_is_written_with()
    {
        // No narrowing: `of` by a scalar is not made a scalar, so B stays a general square matrix.
        var entry = Bound("  shapes: {t: scalar}\n  of: inv(A + t*B)\n  wrt: t\n", "-inv(A + t*B)*B*inv(A + t*B)");
        Assert.False(entry.Symbols["B"].IsScalar);
        Assert.Equal(entry.Symbols["A"], entry.DerivativeShape);
    }

    [Fact]
    public void Unquoted_entries_in_a_flow_list_are_a_yaml_error_that_says_how_to_quote_them()
    {
        var entry = CatalogLoader.Parse("- id: t\n  kind: derivative\n  of: tr(X*X)\n  wrt: [X[i,j], X[k,l]]\n  claim: 2*I[j,k]*I[i,l]\n", "flow.yaml").Entries.Single();
        var diagnostic = Assert.Single(entry.Diagnostics, d => d.Code == DiagnosticCodes.YamlSyntax);
        Assert.Contains("`wrt: ['X[i,j]', 'X[k,l]']`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Location!.Line);
    }

    [Fact]
    public void Entries_in_a_block_list_need_no_quotes()
    {
        var entry = Bound("  shapes: {X: n x n}\n  of: tr(X*X)\n  wrt:\n    - X[i,j]\n    - X[k,l]\n", "2*I[j,k]*I[i,l]");
        Assert.True(SymbolicCheck.Run(entry).Proved);
    }
}
