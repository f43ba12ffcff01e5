using TraceVerify.Catalog;

namespace TraceVerify.Tests.Soundness;

// A large catalog for throughput benchmarks: COUNT mutants of the notes (identities.yaml), one catalog file,
// the same text for the same seed on any machine. bench/mutant-catalog.sh writes it by running this test with
// TV_MUTANT_CATALOG=PATH (and TV_MUTANT_SEED, TV_MUTANT_COUNT); without the variable the test writes a small
// one to a temporary file, so the writer is tested either way.
public class MutantCatalogTests
{
    [Fact]
    public void MutantCatalogOfTheNotes_IsDeterministicAndLoadsEntryForEntry()
    {
        var path = Environment.GetEnvironmentVariable("TV_MUTANT_CATALOG");
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TV_MUTANT_SEED"), out var s) ? s : 1;
        var count = int.TryParse(Environment.GetEnvironmentVariable("TV_MUTANT_COUNT"), out var c) ? c : (path is null ? 50 : 1000);
        var notes = Catalogs.Load("identities.yaml");

        var text = Write(notes, seed, count);
        Assert.Equal(text, Write(notes, seed, count));

        var target = string.IsNullOrEmpty(path) ? Path.Combine(Path.GetTempPath(), $"tv-mutants-{Environment.ProcessId}.yaml") : path;
        File.WriteAllText(target, text);
        try
        {
            var loaded = CatalogLoader.Load(target);
            Assert.Equal(count, loaded.Entries.Count);
            Assert.All(loaded.Entries, entry => Assert.Empty(entry.Diagnostics));
        }
        finally
        {
            if (string.IsNullOrEmpty(path)) File.Delete(target);
        }
    }

    private static string Write(IReadOnlyList<CatalogEntry> notes, int seed, int count) =>
        $"# {count} mutants of identities.yaml, seed {seed} (tests/TraceVerify.Tests/Soundness/MutantCatalogTests.cs)\n" +
        string.Concat(Mutator.Generate(notes, seed, count).Select(m => m.Yaml));
}
