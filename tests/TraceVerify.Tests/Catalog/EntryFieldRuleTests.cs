using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Tests.Catalog;

// Ids, names and the `where:` / `frozen:` / `claim:` fields: each broken rule is a located error and the
// entry ill-formed, never a silent reinterpretation; the other entries are still checked.
public class EntryFieldRuleTests
{
    private static readonly Verifier Symbolic = new(new VerifierOptions(1), []);

    private const string Other = "- id: other\n  kind: equality\n  lhs: tr(A*B)\n  rhs: tr(B*A)\n";

    private static (EntryResult Broken, EntryResult Other) Check(string entry)
    {
        var file = CatalogLoader.Parse(entry + Other, "rules.yaml");
        Assert.False(file.Unreadable);
        Assert.Equal(2, file.Entries.Count);
        return (Symbolic.Check(file.Entries[0]), Symbolic.Check(file.Entries[1]));
    }

    private static Diagnostic IllFormed(string entry, string code)
    {
        var (broken, other) = Check(entry);
        Assert.Equal(Verdict.IllFormed, broken.Verdict);
        Assert.Equal(Verdict.Proved, other.Verdict);
        var diagnostic = Assert.Single(broken.Diagnostics, d => d.Code == code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.NotNull(diagnostic.Location);
        return diagnostic;
    }

    [Theory]
    [InlineData("\"nul\\0id\"", "U+0000")]
    [InlineData("\"two\\nlines\"", "U+000A")]
    [InlineData("\"esc\\e[31mred\"", "U+001B")]
    [InlineData("\"bell\\a\"", "U+0007")]
    [InlineData("\"zero\\u200Bwidth\"", "U+200B")]
    [InlineData("\"bidi\\u202Eoverride\"", "U+202E")]
    [InlineData("\"bom\\uFEFF\"", "U+FEFF")]
    [InlineData("\"\"", "empty")]
    [InlineData("\"   \"", "empty")]
    public void An_id_that_is_not_single_line_printable_text_is_ill_formed(string id, string shown)
    {
        var diagnostic = IllFormed($"- id: {id}\n  kind: equality\n  lhs: A\n  rhs: A\n", "TV0012");
        Assert.Equal((1, 7), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains(shown, diagnostic.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', diagnostic.ToString());
    }

    [Fact]
    public void Frozen_must_name_the_variable_not_an_expression()
    {
        var d = IllFormed("- id: f\n  kind: derivative\n  of: tr(X*Y)\n  wrt: X\n  frozen: {Y: X*X}\n  claim: Y'\n", "TV0019");
        Assert.Equal(5, d.Location!.Line);
        Assert.Contains("`X`", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frozen_copy_of_the_variable_is_still_fine()
    {
        var (entry, _) = Check("- id: f\n  kind: derivative\n  of: tr(X*Y)\n  wrt: X\n  frozen: {Y: X}\n  claim: Y'\n");
        Assert.Equal(Verdict.Proved, entry.Verdict);
        Assert.DoesNotContain(entry.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Frozen_named_as_the_variable_itself_is_ill_formed()
    {
        IllFormed("- id: f\n  kind: derivative\n  of: tr(X)\n  wrt: X\n  frozen: {X: X}\n  claim: I\n", "TV0019");
    }

    [Fact]
    public void Where_redefining_the_variable_is_ill_formed()
    {
        IllFormed("- id: f\n  kind: derivative\n  of: tr(A*X)\n  wrt: X[j,k]\n  where: {X: B*C}\n  claim: A[k,j]\n", "TV0016");
    }

    [Fact]
    public void One_name_in_where_and_in_frozen_is_ill_formed()
    {
        IllFormed("- id: f\n  kind: derivative\n  of: tr(A*X*Y)\n  wrt: X\n  where: {Y: B}\n  frozen: {Y: X}\n  claim: (Y*A)'\n", "TV0017");
    }

    [Fact]
    public void Frozen_in_an_equality_is_ill_formed()
    {
        IllFormed("- id: f\n  kind: equality\n  frozen: {Y: X}\n  lhs: tr(X*Y)\n  rhs: tr(Y*X)\n", "TV0018");
    }

    [Theory]
    [InlineData("I")]
    [InlineData("ones")]
    [InlineData("tr")]
    [InlineData("diag")]
    [InlineData("log")]
    [InlineData("sum")]
    public void Where_redefining_a_builtin_is_ill_formed(string name)
    {
        IllFormed($"- id: f\n  kind: equality\n  where: {{{name}: A*B}}\n  lhs: tr(A*B)\n  rhs: tr(B*A)\n", "TV0015");
    }

    [Theory]
    [InlineData("I", "A*I", "A")]
    [InlineData("ones", "ones'*A*ones", "sum(i,j; A[i,j])")]
    public void Shapes_declaring_a_builtin_is_ill_formed_rather_than_a_general_symbol(string name, string lhs, string rhs)
    {
        // With the built-in declared, these true identities were refuted: it had become an arbitrary matrix.
        IllFormed($"- id: f\n  kind: equality\n  shapes: {{{name}: 3 x 3, A: 3 x 3}}\n  lhs: {lhs}\n  rhs: {rhs}\n", "TV0015");
    }

    [Theory]
    [InlineData("\"X*X\"")]
    [InlineData("\"2A\"")]
    [InlineData("\"a b\"")]
    [InlineData("\"J\\u200B\"")]
    public void A_where_name_that_is_not_an_identifier_is_ill_formed(string name)
    {
        var d = IllFormed($"- id: f\n  kind: equality\n  where: {{{name}: A*B}}\n  lhs: tr(A*B)\n  rhs: tr(B*A)\n", "TV0014");
        Assert.Equal(3, d.Location!.Line);
    }

    [Fact]
    public void A_derivative_with_an_empty_claim_list_is_ill_formed_not_proved()
    {
        var d = IllFormed("- id: f\n  kind: derivative\n  of: tr(A*X)\n  wrt: X\n  claim: []\n", "TV0020");
        Assert.Equal(5, d.Location!.Line);
    }

    [Fact]
    public void Cyrillic_and_latin_look_alikes_get_a_warning_naming_both_code_points()
    {
        var (entry, _) = Check("- id: f\n  kind: equality\n  lhs: tr(\u0410*B)\n  rhs: tr(B*A)\n");
        var warning = Assert.Single(entry.Diagnostics, d => d.Code == "TV0013");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("U+0410", warning.Message, StringComparison.Ordinal);
        Assert.Contains("`A`", warning.Message, StringComparison.Ordinal);
        Assert.Contains("`\u0410`", warning.Message, StringComparison.Ordinal);
        Assert.Equal(4, warning.Location!.Line);
    }

    [Fact]
    public void A_name_mixing_scripts_is_warned_about_in_lint()
    {
        var file = CatalogLoader.Parse("- id: f\n  kind: equality\n  lhs: tr(X\u0445*B)\n  rhs: tr(B*X\u0445)\n", "c.yaml");
        var warning = Assert.Single(Linter.Lint(file), d => d.Code == "TV0013");
        Assert.Contains("U+0445", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_latin_and_greek_names_without_look_alikes_get_no_warning()
    {
        var (entry, _) = Check("- id: f\n  kind: equality\n  lhs: tr(A*B) + tr(\u03bb*C)\n  rhs: tr(B*A) + tr(C*\u03bb)\n");
        Assert.DoesNotContain(entry.Diagnostics, d => d.Code == "TV0013");
    }

    [Theory]
    [InlineData("plain-id")]
    [InlineData("a: b")]
    [InlineData("x #comment")]
    [InlineData("- dash")]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("\"quoted\" and 'single'")]
    [InlineData("two\nlines\n  kind: injected")]
    [InlineData("back\\slash")]
    [InlineData("nul\0esc\u001bbell\u0007")]
    [InlineData("zero\u200bwidth \u202e bidi")]
    [InlineData("{flow: [x]}")]
    [InlineData("&anchor *alias !tag %directive @at `tick`")]
    public void Any_id_round_trips_through_the_yaml_emitter_and_the_real_loader(string id)
    {
        var text = $"- id: {YamlScalar.QuotedAsNeeded(id)}\n  kind: equality\n  lhs: {YamlScalar.DoubleQuoted("A")}\n  rhs: A\n";
        var file = CatalogLoader.Parse(text, "new.yaml");
        var entry = Assert.Single(file.Entries);
        Assert.Equal(id, entry.Id);
        Assert.DoesNotContain(entry.Diagnostics, d => d.Code is "TV0001" or "TV0006");
    }
}
