using TraceVerify.Catalog;
using TraceVerify.Fuzzing;

namespace TraceVerify.Tests.Fuzzing;

// Fuzzing the shipped catalogs end to end (CatalogLoader → EntryBinder → Fuzzer) agrees with what each
// entry expects: the entries expected to be refuted are refuted, every other derivative and equality is
// confirmed, definitions have nothing to fuzz.
public class CatalogFuzzTests
{
    public static TheoryData<string> Catalogs() => ["identities.yaml", "identities/language-tour.yaml"];

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EveryEntry_GetsTheOutcomeItExpects(string catalog)
    {
        var file = CatalogLoader.Load(Path.Combine(RepositoryRoot(), catalog));
        Assert.Empty(file.FatalErrors);
        var checkedEntries = 0;
        foreach (var entry in file.Entries)
        {
            if (EntryBinder.Bind(entry).Entry is not { } bound) continue;
            var outcome = new Fuzzer(new FuzzOptions(Verifier.EntrySeed(1, entry.Id), Cases: 12)).Run(bound);
            var expected = (bound.Kind, entry.Expected) switch
            {
                (EntryKind.Definition, _) => "inconclusive",
                (_, ExpectedVerdict.Refuted) => "refuted",
                _ => "confirmed",
            };
            Assert.True(expected == outcome.Outcome, $"{entry.Id}: expected {expected}, got {outcome.Outcome}: {outcome.Detail}");
            checkedEntries++;
        }

        Assert.True(checkedEntries >= 20, $"only {checkedEntries} entries bound");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "identities.yaml"))) return directory.FullName;
        }

        throw new DirectoryNotFoundException($"no identities.yaml above {AppContext.BaseDirectory}");
    }
}
