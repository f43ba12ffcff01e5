using System.Diagnostics;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Tests.Catalog;

// What the loader accepts as a catalog: only regular files, at most RegularFile.MaxBytes, every YAML document,
// and a syntax error recovered from in one pass over the file.
public class CatalogInputTests
{
    private const string Good = "- id: cyclic\n  kind: equality\n  lhs: tr(A*B*C)\n  rhs: tr(C*A*B)\n";

    private static Diagnostic Fatal(CatalogFile file)
    {
        Assert.True(file.Unreadable);
        Assert.Empty(file.Entries);
        var error = Assert.Single(file.FatalErrors);
        Assert.Equal("TV0011", error.Code);
        return error;
    }

    [Fact]
    public void Dev_zero_is_refused_as_not_a_regular_file_without_reading_it()
    {
        var clock = Stopwatch.StartNew();
        var error = Fatal(CatalogLoader.Load("/dev/zero"));
        Assert.Contains("character device, not a regular file", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_fifo_and_a_symlink_to_a_fifo_are_refused_without_opening_them()
    {
        var dir = Directory.CreateTempSubdirectory("tv-fifo-").FullName;
        var fifo = Path.Combine(dir, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var link = Path.Combine(dir, "link.yaml");
        File.CreateSymbolicLink(link, fifo);

        // Opening a FIFO for reading would block until a writer comes: a hang here fails the test by timeout.
        var (direct, linked) = await Task.Run(() => (CatalogLoader.Load(fifo), CatalogLoader.Load(link))).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("FIFO", Fatal(direct).Message, StringComparison.Ordinal);
        Assert.Contains("FIFO", Fatal(linked).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_to_dev_zero_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("tv-link-").FullName;
        var link = Path.Combine(dir, "zero.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");
        Assert.Contains("not a regular file", Fatal(CatalogLoader.Load(link)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_to_a_regular_catalog_is_read()
    {
        var dir = Directory.CreateTempSubdirectory("tv-link-").FullName;
        File.WriteAllText(Path.Combine(dir, "real.yaml"), Good);
        File.CreateSymbolicLink(Path.Combine(dir, "link.yaml"), Path.Combine(dir, "real.yaml"));
        Assert.Equal("cyclic", Assert.Single(CatalogLoader.Load(Path.Combine(dir, "link.yaml")).Entries).Id);
    }

    [Fact]
    public void A_directory_is_a_directory_not_access_denied()
    {
        var dir = Directory.CreateTempSubdirectory("tv-dir-").FullName;
        var error = Fatal(CatalogLoader.Load(dir));
        Assert.EndsWith("is a directory", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_file_above_the_size_cap_is_refused_and_one_at_the_cap_is_read()
    {
        var dir = Directory.CreateTempSubdirectory("tv-big-").FullName;
        var big = Path.Combine(dir, "big.yaml");
        var padding = new string('#', RegularFile.MaxBytes - Good.Length - 1) + "\n";
        File.WriteAllText(big, Good + padding);
        Assert.Equal(RegularFile.MaxBytes, new FileInfo(big).Length);
        Assert.Single(CatalogLoader.Load(big).Entries);

        File.AppendAllText(big, "#");
        Assert.Contains("16 MiB", Fatal(CatalogLoader.Load(big)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_yaml_document_is_read_so_a_false_identity_after_three_dashes_is_checked()
    {
        var file = CatalogLoader.Parse(Good + "---\n- id: false-one\n  kind: equality\n  lhs: A*B\n  rhs: B*A\n", "two.yaml");
        Assert.False(file.Unreadable);
        Assert.Equal(["cyclic", "false-one"], file.Entries.Select(e => e.Id));
        Assert.Equal(6, file.Entries[1].Line);
    }

    [Fact]
    public void A_later_document_that_is_not_a_list_makes_the_file_unreadable_with_its_position()
    {
        var file = CatalogLoader.Parse(Good + "---\nid: loose\n", "two.yaml");
        Assert.True(file.Unreadable);
        var error = Assert.Single(file.FatalErrors);
        Assert.Equal("TV0002", error.Code);
        Assert.Equal(6, error.Location!.Line);
        Assert.Contains("document 2 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_a_second_document_keeps_the_entries_of_both()
    {
        var text = Good + "---\n- id: broken\n  kind: equality\n  lhs: [A\n  rhs: A\n- id: after\n  kind: equality\n  lhs: A\n  rhs: A\n";
        var file = CatalogLoader.Parse(text, "two.yaml");
        Assert.Equal(["cyclic", "broken", "after"], file.Entries.Select(e => e.Id));
        Assert.Equal("TV0001", Assert.Single(file.Entries[1].Diagnostics).Code);
        Assert.Equal(10, file.Entries[2].Line);
    }

    [Fact]
    public void A_trailing_empty_document_is_harmless()
    {
        Assert.Single(CatalogLoader.Parse(Good + "---\n", "c.yaml").Entries);
    }

    [Fact]
    public void After_recovery_positions_inside_a_later_entry_are_its_own_lines()
    {
        var text = "- id: broken\n  kind: equality\n  lhs: [A\n  rhs: A\n- id: later\n  kind: equality\n  lhs: A*\n  rhs: A\n";
        var file = CatalogLoader.Parse(text, "c.yaml");
        var later = file.Entries.Single(e => e.Id == "later");
        Assert.Equal((5, 3), (later.Line, later.Column));
        var error = Assert.Single(EntryBinder.Bind(later).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(7, error.Location!.Line);
    }
}
