using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Reporting;
using TraceVerify.Tests.Reporting;

namespace TraceVerify.Tests.Catalog;

public class LinterTests
{
    private static readonly string NotesPath = SourceTree.Resolve("identities.yaml");
    private static readonly CatalogFile Notes = CatalogLoader.Load(NotesPath);
    private static readonly string[] NotesLines = File.ReadAllLines(NotesPath);

    private static IReadOnlyList<Diagnostic> LintNotes(string id) => Linter.Lint(Notes.Entries.Single(e => e.Id == id));

    private static IReadOnlyList<Diagnostic> LintInline(string yaml) => Linter.Lint(CatalogLoader.Parse(yaml, "inline.yaml").Entries.Single());

    // The notes reuse a free index as the index of an inner sum; each reuse is a warning at that inner index.
    [Theory]
    [InlineData("traa-26", new[] { "m", "n" })]
    [InlineData("traa-38", new[] { "m" })]
    [InlineData("traa-43", new[] { "m", "n" })]
    public void A_free_index_bound_again_by_an_inner_sum_is_a_warning_at_the_inner_index(string id, string[] indices)
    {
        var warnings = LintNotes(id).Where(d => d.Code == DiagnosticCodes.IndexReusedAsBound).ToList();
        Assert.Equal(indices, warnings.Select(w => w.Message.Split('`')[1]));
        foreach (var warning in warnings)
        {
            Assert.Equal(Severity.Warning, warning.Severity);
            var name = warning.Message.Split('`')[1];
            Assert.Equal($"index `{name}` is free here and also bound by an inner sum", warning.Message);
            var line = NotesLines[warning.Location!.Line - 1];
            Assert.Equal(name, line.Substring(warning.Location.Column - 1, 1));
            // The marked index is one of the inner sum's own: `sum(m,n;` or `sum(m;`.
            var before = line[..(warning.Location.Column - 1)];
            Assert.Matches(@"sum\(([a-z],)*$", before);
            Assert.Contains(" / sum(", before, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(LintNotes(id), d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("traa-4")]
    [InlineData("traa-9")]
    public void A_clean_entry_has_nothing_to_say(string id)
    {
        Assert.Empty(LintNotes(id));
    }

    [Fact]
    public void The_shipped_catalogs_lint_without_errors()
    {
        var files = new[] { NotesPath }.Concat(Directory.GetFiles(SourceTree.Resolve("identities"), "*.yaml")).Select(CatalogLoader.Load);
        Assert.All(files.SelectMany(Linter.Lint), d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void An_index_three_times_in_one_product_is_a_warning_at_its_third_use()
    {
        var warning = Assert.Single(LintInline("- id: a\n  kind: equality\n  lhs: tr(A*diag(x)*B)\n  rhs: sum(i,j; A[i,j]*x[j]*B[j,i])\n"));
        Assert.Equal((DiagnosticCodes.IndexUsedThrice, "index `j` appears three times in one product"), (warning.Code, warning.Message));
        Assert.Equal(new SourceLocation("inline.yaml", 4, 31, 1), warning.Location);
    }

    [Theory]
    [InlineData("A[i,j]*B[j,k] + C[i,j]*D[j,k]")]
    [InlineData("A[i,j]*sum(j; B[j,k]*C[j,k])")]
    [InlineData("sum(j; A[i,j]*B[j,k])")]
    public void Sums_and_rebinding_are_not_counted_as_one_product(string text)
    {
        Assert.DoesNotContain(LintInline($"- id: a\n  kind: definition\n  expr: {text}\n"), d => d.Code == DiagnosticCodes.IndexUsedThrice);
    }

    [Fact]
    public void An_index_bound_twice_by_nested_binders_is_a_warning()
    {
        var warning = Assert.Single(LintInline("- id: a\n  kind: definition\n  expr: sum(k; B[k,k]*rows(k; C[k,:])[k,k])\n"), d => d.Code == DiagnosticCodes.IndexReusedAsBound);
        Assert.Equal("index `k` is bound by an outer sum and again by an inner rows", warning.Message);
        Assert.Equal(new SourceLocation("inline.yaml", 3, 28, 1), warning.Location);
    }

    [Fact]
    public void Sides_with_different_free_indices_are_a_warning_at_the_second_side()
    {
        var warning = Assert.Single(LintInline("- id: a\n  kind: equality\n  lhs: x[i]*y[k]\n  rhs: x[i]\n"));
        Assert.Equal((DiagnosticCodes.FreeIndexMismatch, "free indices differ between the sides: lhs has {i,k}, rhs has {i}"), (warning.Code, warning.Message));
        Assert.Equal((4, 8), (warning.Location!.Line, warning.Location.Column));
    }

    [Fact]
    public void A_claim_must_range_over_the_indices_of_the_variable_entry()
    {
        var warning = Assert.Single(LintInline("- id: a\n  kind: derivative\n  of: tr(A*X)\n  wrt: X[j,k]\n  claim:\n    - A[k,j]\n    - A[k,i]\n"),
            d => d.Code == DiagnosticCodes.FreeIndexMismatch);
        Assert.Equal("free indices differ between the sides: of/wrt has {j,k}, claim[2] has {i,k}", warning.Message);
        Assert.Equal((7, 7), (warning.Location!.Line, warning.Location.Column));
    }

    [Fact]
    public void A_free_index_of_a_where_definition_counts_where_it_is_used()
    {
        var diagnostics = LintInline("- id: a\n  kind: equality\n  where:\n    D: A[i,k]\n  lhs: D\n  rhs: (A*I)[i,k]\n");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.FreeIndexMismatch);
    }

    // The binder stops before parsing when reading the entry failed; lint still reports the parse error, the
    // same one the binder gives once the entry reads.
    [Fact]
    public void Parse_errors_are_reported_even_when_reading_the_entry_already_failed()
    {
        const string entry = "- id: a\n  kind: equality\n  lhs: A*(B\n  rhs: A\n";
        var diagnostics = LintInline(entry + "  expec: holds\n");
        Assert.Equal([DiagnosticCodes.UnknownField, DiagnosticCodes.UnbalancedParenthesis], diagnostics.Select(d => d.Code));
        Assert.Equal(EntryBinder.Bind(CatalogLoader.Parse(entry, "inline.yaml").Entries.Single()).Diagnostics.Single(), diagnostics[1]);
        Assert.Equal(3, diagnostics[1].Location!.Line);
    }

    [Fact]
    public void The_lint_report_shows_each_diagnostic_under_its_source_line()
    {
        const string yaml = "- id: notes-26\n  kind: derivative\n  of: tr(V'*log(A*X*B))\n  wrt: X[m,n]\n  claim: sum(i,j; (V[i,j] / sum(m,n; A[i,m]*X[m,n]*B[n,j])) * A[i,m]*B[n,j])\n"
            + "- id: mismatch\n  kind: equality\n  lhs: (A*B)[i,k]\n  rhs: sum(j; A[i,j]*B[j,i])\n";
        var file = CatalogLoader.Parse(yaml, "inline.yaml");
        Golden.Verify("lint.txt", LintReport.Render(Linter.Lint(file), new Dictionary<string, string> { ["inline.yaml"] = yaml }));
    }
}
