using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Tests.Catalog;

// Each broken catalog gives a located diagnostic for the broken entry while the valid entries in the same
// file are still checked and proved.
public class BrokenCatalogTests
{
    private static readonly Verifier Symbolic = new(new VerifierOptions(1), []);

    private static IReadOnlyList<EntryResult> Check(string file)
    {
        var catalog = CatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "Catalogs", file));
        Assert.False(catalog.Unreadable);
        return catalog.Entries.Select(Symbolic.Check).ToArray();
    }

    [Theory]
    [InlineData("bad-yaml.yaml", "broken", "TV0001", 7, 8)]
    [InlineData("unknown-function.yaml", "unknown-function", "TV0102", 7, 8)]
    [InlineData("unbalanced.yaml", "unbalanced", "TV0103", 3, 10)]
    [InlineData("shape-mismatch.yaml", "shape-mismatch", "TV0201", 10, 9)]
    [InlineData("missing-field.yaml", "missing-field", "TV0004", 5, 3)]
    [InlineData("duplicate-id.yaml", "same", "TV0007", 5, 3)]
    [InlineData("wrong-type.yaml", "wrong-type", "TV0005", 8, 5)]
    public void A_broken_entry_is_ill_formed_at_its_position_and_the_others_are_still_checked(string file, string id, string code, int line, int column)
    {
        var results = Check(file);
        var broken = results.Last(r => r.Id == id);
        Assert.Equal(Verdict.IllFormed, broken.Verdict);
        var diagnostic = Assert.Single(broken.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal((line, column), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.EndsWith(file, diagnostic.Location.File, StringComparison.Ordinal);
        Assert.All(results.Where(r => r != broken), r => Assert.Equal(Verdict.Proved, r.Verdict));
        Assert.Contains(results, r => r != broken);
    }

    [Fact]
    public void A_file_that_is_not_a_list_cannot_be_read()
    {
        var catalog = CatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "Catalogs", "not-a-list.yaml"));
        Assert.True(catalog.Unreadable);
        Assert.Equal("TV0002", catalog.FatalErrors[0].Code);
    }

    [Fact]
    public void A_missing_file_cannot_be_read()
    {
        var catalog = CatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "Catalogs", "no-such-file.yaml"));
        Assert.True(catalog.Unreadable);
        Assert.Equal("TV0011", catalog.FatalErrors[0].Code);
    }

    [Fact]
    public void An_unknown_field_is_an_error_with_a_suggestion()
    {
        var catalog = CatalogLoader.Parse("- id: a\n  kind: equality\n  lhs: A\n  rhs: A\n  expec: proved\n", "inline.yaml");
        var diagnostic = Assert.Single(catalog.Entries[0].Diagnostics);
        Assert.Equal("TV0006", diagnostic.Code);
        Assert.Contains("did you mean `expect`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(5, diagnostic.Location!.Line);
    }
}
