using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Tests.Catalog;

// The catalogs of one run: each file once whatever its spelling, ids unique across files.
public class CatalogSetTests
{
    private static string Entry(string id) => $"- id: {id}\n  kind: equality\n  lhs: tr(A*B)\n  rhs: tr(B*A)\n";

    [Fact]
    public void The_same_file_under_different_spellings_is_read_once()
    {
        var dir = Directory.CreateTempSubdirectory("tv-set-").FullName;
        var path = Path.Combine(dir, "c.yaml");
        File.WriteAllText(path, Entry("one"));
        File.CreateSymbolicLink(Path.Combine(dir, "link.yaml"), path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        var spelled = Path.Combine(dir, ".", "sub", "..", "c.yaml");

        var files = CatalogSet.Load([path, relative, spelled, Path.Combine(dir, "link.yaml"), path]);

        var file = Assert.Single(files);
        Assert.Equal(path, file.Path);
        Assert.DoesNotContain(file.Entries[0].Diagnostics, d => d.Code == "TV0007");
    }

    [Fact]
    public void A_duplicate_id_across_files_is_flagged_at_the_later_entry_naming_the_first()
    {
        var dir = Directory.CreateTempSubdirectory("tv-set-").FullName;
        File.WriteAllText(Path.Combine(dir, "a.yaml"), Entry("shared") + Entry("only-a"));
        File.WriteAllText(Path.Combine(dir, "b.yaml"), Entry("only-b") + Entry("shared"));

        var files = CatalogSet.Load([Path.Combine(dir, "a.yaml"), Path.Combine(dir, "b.yaml")]);

        Assert.All(files[0].Entries, e => Assert.Empty(e.Diagnostics));
        var duplicate = Assert.Single(files[1].Entries.SelectMany(e => e.Diagnostics));
        Assert.Equal("TV0007", duplicate.Code);
        Assert.Equal(5, duplicate.Location!.Line);
        Assert.Contains("a.yaml:1:3", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.IllFormed, new Verifier(new VerifierOptions(1), []).Check(files[1].Entries[1]).Verdict);
    }

    [Fact]
    public void An_id_that_only_looks_like_an_earlier_one_gets_a_warning_with_code_points()
    {
        var dir = Directory.CreateTempSubdirectory("tv-set-").FullName;
        File.WriteAllText(Path.Combine(dir, "a.yaml"), Entry("traa-9") + Entry("tr\u0430a-9"));

        var file = Assert.Single(CatalogSet.Load([Path.Combine(dir, "a.yaml")]));

        Assert.Empty(file.Entries[0].Diagnostics);
        var warning = Assert.Single(file.Entries[1].Diagnostics);
        Assert.Equal(("TV0013", Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("U+0430", warning.Message, StringComparison.Ordinal);
        Assert.Contains("`traa-9`", warning.Message, StringComparison.Ordinal);
    }
}
