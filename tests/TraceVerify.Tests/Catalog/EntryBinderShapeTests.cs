using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Fuzzing;

namespace TraceVerify.Tests.Catalog;

// Declared shapes are constraints, never hints: a declared dimension letter is a distinct, general size and a
// declared literal is exactly that size. An entry that type-checks only by identifying them is ill-formed with
// TV0211 naming the declaration, its line and the condition — on the left side as on the claim, for `where:`
// names and frozen copies as for symbols. The sides of an entry share one shape (TV0212 when they cannot).
public class EntryBinderShapeTests
{
    private static EntryResult Check(string yaml) =>
        new Verifier(new VerifierOptions(11, FuzzCases: 30), [new FuzzMethod(30)]).Check(CatalogLoader.Parse(yaml, "shapes.yaml").Entries.Single());

    // The first error with the code (a text used on both sides is reported at each use).
    private static Diagnostic Error(EntryResult result, string code)
    {
        Assert.Equal(Verdict.IllFormed, result.Verdict);
        var errors = result.Diagnostics.Where(d => d.Code == code && d.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        return errors[0];
    }

    [Fact]
    public void A_declared_vector_under_a_power_is_ill_formed_not_a_scalar()
    {
        // x^2 of a column x: n is no matrix power (x is not square) and never the square of a 1×1 x.
        var result = Check("""
            - id: declared-vector-under-power
              kind: derivative
              shapes: {x: n}
              of: tr(x^2)
              wrt: x
              claim: 2*x
            """);
        var error = Error(result, DiagnosticCodes.DeclaredShapeViolated);
        Assert.Equal("TV0211", error.Code);
        Assert.Contains("x is declared n x 1 (line 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("`^2`", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("it type-checks only if n = 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location!.Line);
    }

    // A declared square matrix under `^2` is a matrix power: tr(X^2)'s gradient is 2Xᵀ, not the scalar rule's 2X.
    [Theory]
    [InlineData("2*X'", true)]
    [InlineData("2*X", false)]
    public void A_declared_square_matrix_under_a_power_is_a_matrix_power(string claim, bool holds)
    {
        var verdict = holds ? Verdict.Proved : Verdict.Refuted;
        var result = Check($"- id: power\n  kind: derivative\n  shapes: {{X: n x n}}\n  of: tr(X^2)\n  wrt: X\n  claim: {claim}\n");
        Assert.Equal(verdict, result.Verdict);
    }

    [Fact]
    public void Two_declared_sizes_are_never_identified()
    {
        var result = Check("""
            - id: declared-sizes-collapsed
              kind: derivative
              shapes: {X: n x n, y: m x 1}
              of: tr(X*y)
              wrt: X
              claim: y
            """);
        var error = Error(result, DiagnosticCodes.DeclaredShapeViolated);
        Assert.Contains("X is declared n x n (line 3) and y is declared m x 1 (line 3)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("it type-checks only if m = n; the whole entry type-checks only if m = n = 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_declared_shape_of_a_where_name_is_honoured()
    {
        // Refuted before at size 1: the declaration of J was ignored, and I took any size.
        var result = Check("""
            - id: shape-of-a-where-name-ignored
              kind: equality
              where: {J: I}
              shapes: {J: 5 x 5}
              lhs: tr(J)
              rhs: "5"
            """);
        Assert.Equal(Verdict.Proved, result.Verdict);
    }

    [Theory]
    [InlineData("x'*x", "{J: n x n, x: n}", "TV0211", "J is declared n x n (line 4)")]
    [InlineData("I", "{J: 2 x 3}", "TV0201", "the definition of `J`, `I`, is m×m, not the declared 2×3")]
    public void A_where_definition_of_another_shape_than_declared_is_ill_formed(string definition, string shapes, string code, string message)
    {
        var result = Check($"- id: w\n  kind: equality\n  where: {{J: \"{definition}\"}}\n  shapes: {shapes}\n  lhs: J\n  rhs: J\n");
        Assert.Contains(message, Error(result, code).Message, StringComparison.Ordinal);
        Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("equality", "lhs: tr(X)\n  rhs: tr(X')", "m = n")]
    [InlineData("equality", "lhs: X*X\n  rhs: X*X", "m = n")]
    [InlineData("derivative", "of: tr(X)\n  wrt: X\n  claim: I", "m = n")]
    [InlineData("derivative", "of: tr(A*X)\n  wrt: X\n  claim: A", "m = n")]
    [InlineData("derivative", "of: tr(X*X')\n  wrt: X\n  claim: 2*X'", "m = n")]
    [InlineData("equality", "lhs: A*B + 0*(B/A)\n  rhs: B*A", "n = 1")]
    [InlineData("equality", "lhs: A*B + 0*(1/A)*A\n  rhs: B*A", "n = 1")]
    [InlineData("equality", "lhs: tr(A*B)\n  rhs: tr(B*A) + 0*D", "n = 1")]
    public void The_left_side_and_the_claim_obey_the_declarations_alike(string kind, string texts, string condition)
    {
        var result = Check($"- id: t\n  kind: {kind}\n  where: {{D: A^1}}\n  shapes: {{X: m x n, A: n x n, B: n x n}}\n  {texts}\n");
        var error = Error(result, DiagnosticCodes.DeclaredShapeViolated);
        Assert.Contains(" is declared ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"only if {condition}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{A: n x n, B: n x n}", "{D: 1/A}")]
    [InlineData("{A: n x n, B: n x n}", "{D: A^1}")]
    [InlineData("{}", "{D: A^1}")]
    [InlineData("{}", "{D: B/A}")]
    public void A_where_line_the_entry_does_not_use_changes_no_shape(string shapes, string where)
    {
        // Proved "for every shape" before: the unused line made A a scalar, and A*B = B*A holds for scalars.
        var result = Check($"- id: t\n  kind: equality\n  where: {where}\n  shapes: {shapes}\n  lhs: A*B\n  rhs: B*A\n");
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.MethodsDisagree);
    }

    [Fact]
    public void A_frozen_copy_declared_with_another_shape_is_ill_formed()
    {
        var result = Check("- id: t\n  kind: derivative\n  shapes: {X: n x n, Y: n x m}\n  frozen: {Y: X}\n  of: tr(X*Y)\n  wrt: X\n  claim: Y'\n");
        var error = Error(result, DiagnosticCodes.DeclaredShapeViolated);
        Assert.Contains("Y is declared n x m (line 3), but it is a held-constant copy of `X`, which is n×n", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I", "I")]
    [InlineData("ones*ones'", "ones*ones'")]
    [InlineData("(A*B)[i,k]", "sum(j; A[i,j]*I*B[j,k])")]
    [InlineData("diag(s)*ones", "diag(s)*ones")]
    public void Both_sides_have_one_shape_so_their_free_sizes_agree(string lhs, string rhs)
    {
        // Refuted before with "left 1x1, right 2x2": each side's free sizes were chosen apart.
        var result = Check($"- id: t\n  kind: equality\n  lhs: \"{lhs}\"\n  rhs: \"{rhs}\"\n");
        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.Equal("confirmed", result.Methods.Single(m => m.Name == "fuzz").Outcome);
    }

    [Theory]
    [InlineData("{x: n}", "log(x - 100*ones)", "log(x' - 100*ones')", "is n×1", "is 1×n", " (x is declared n x 1 (line 3); they agree only if n = 1)")]
    [InlineData("{x: n}", "diag(x)*ones", "x'", "is n×1", "is 1×n", " (x is declared n x 1 (line 3); they agree only if n = 1)")]
    [InlineData("{A: 2 x 3}", "A", "A'", "is 2×3", "is 3×2", "")]
    public void Sides_that_cannot_have_one_shape_are_ill_formed_with_both_shapes(string shapes, string lhs, string rhs, string left, string right, string because)
    {
        var result = Check($"- id: t\n  kind: equality\n  shapes: {shapes}\n  lhs: \"{lhs}\"\n  rhs: \"{rhs}\"\n");
        var error = Error(result, DiagnosticCodes.SideShapesDiffer);
        Assert.Equal($"the sides have different shapes: lhs `{lhs}` {left}, rhs `{rhs}` {right}{because}", error.Message);
        Assert.Equal(5, error.Location!.Line);
        Assert.Null(result.Counterexample);
    }

    [Fact]
    public void A_chain_shares_one_shape_across_all_its_members()
    {
        var result = Check("- id: t\n  kind: equality\n  chain: [I, \"I*I\", \"I'\"]\n");
        Assert.Equal(Verdict.Proved, result.Verdict);
        var bad = Check("- id: t\n  kind: equality\n  shapes: {x: n}\n  chain: [x, \"I*x\", \"x'\"]\n");
        Assert.Contains("chain[3] `x'` is 1×n", Error(bad, DiagnosticCodes.SideShapesDiffer).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bound_entry_says_which_shapes_were_declared()
    {
        var entry = CatalogLoader.Parse("- id: t\n  kind: derivative\n  shapes: {X: n x n}\n  of: tr(A*X)\n  wrt: X\n  claim: A'\n", "d.yaml").Entries.Single();
        var bound = EntryBinder.Bind(entry).Entry!;
        Assert.Equal(new[] { "X" }, bound.Declared);
        Assert.Equal(["A", "X"], bound.Symbols.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("diag(x)*ones", "x'", "x has 1 row")]
    [InlineData("x'", "diag(x)*ones", "x has 1 row, x has 1 column")]
    public void Undeclared_sides_narrowed_to_one_shape_are_ill_formed_as_general_claims(string lhs, string rhs, string condition)
    {
        // One shape for both sides makes x (or C) 1×1, where the sides agree: no proof at that narrower shape.
        // C appears only on the right: the left side may not narrow it either (proved before).
        var result = Check($"- id: t\n  kind: equality\n  lhs: \"{lhs}\"\n  rhs: \"{rhs}\"\n");
        Assert.Equal($"ill-formed as a general claim: it type-checks only if {condition}", Error(result, DiagnosticCodes.ClaimRestrictsShapes).Message);
    }

    // A bare 0 is the zero of the other side's shape: C stays a general matrix (before, the scalar 0
    // narrowed it to 1×1 and the entry was ill-formed with a misleading message).
    [Theory]
    [InlineData("C - C", true)]
    [InlineData("C'*C - C*C'", false)]
    public void A_bare_zero_side_takes_the_other_sides_shape(string rhs, bool holds)
    {
        var result = Check($"- id: t\n  kind: equality\n  lhs: \"0\"\n  rhs: \"{rhs}\"\n");
        Assert.Equal(holds ? Verdict.Proved : Verdict.Refuted, result.Verdict);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_declared_where_name_is_checked_even_where_the_entry_does_not_use_it()
    {
        var result = Check("- id: t\n  kind: equality\n  where: {J: \"x'*x\", K: \"x*x'\"}\n  shapes: {J: n x n, K: n x n, x: n}\n  lhs: x\n  rhs: x\n");
        var error = Error(result, DiagnosticCodes.DeclaredShapeViolated);
        Assert.StartsWith("J is declared n x n (line 4)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Location!.Line);
        Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_declaration_no_text_uses_is_a_warning_not_silence()
    {
        var result = Check("- id: t\n  kind: equality\n  shapes: {x: n, X: m x n}\n  lhs: X*ones\n  rhs: X*ones\n");
        Assert.Equal(Verdict.Proved, result.Verdict);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnusedShapeDeclaration);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.StartsWith("`x` is declared n but no text of the entry uses it", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, warning.Location!.Line);
    }
}
