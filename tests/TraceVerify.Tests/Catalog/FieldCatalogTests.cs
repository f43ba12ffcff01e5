using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Catalog;

// Catalogs/field-identities.yaml: identities from the field, true and deliberately mistyped, each with the
// `expect:` a reviewer reasoned from the mathematics. Each is checked as `check` checks it (fuzzing, the symbolic
// engine, Z3 where it gave no proof) and its verdict must be its expectation. The catalog is a test fixture, not
// part of the default `check`.
public class FieldCatalogTests
{
    private static readonly CatalogFile Catalog = CatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "Catalogs", "field-identities.yaml"));

    public static TheoryData<string> Ids() => new(Catalog.Entries.Select(e => e.Id));

    [Fact]
    public void The_catalog_reads_with_forty_entries_each_stating_its_expectation()
    {
        Assert.Empty(Catalog.FatalErrors);
        Assert.Equal(40, Catalog.Entries.Count);
        Assert.All(Catalog.Entries, e => Assert.DoesNotContain(e.Diagnostics, d => d.Severity == TraceVerify.Diagnostics.Severity.Error));
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogs", "field-identities.yaml"));
        Assert.Equal(40, text.Split('\n').Count(l => l.StartsWith("  expect: ", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_verdict_is_the_reasoned_expectation(string id)
    {
        var entry = Catalog.Entries.Single(e => e.Id == id);
        var verifier = new Verifier(new VerifierOptions(20261121) { HypothesisSearch = false }, [new FuzzMethod(100)], [new Z3Method(maxDimension: 3)]);
        var result = verifier.Check(entry);
        Assert.True(result.MatchesExpected,
            $"{id}: {Expectations.Text(result.Verdict)}, expected {Expectations.Text(entry.Expected)}; {string.Join("; ", result.Methods.Select(m => $"{m.Name}: {m.Outcome} ({m.Detail})"))}; {string.Join("; ", result.Diagnostics)}");
    }
}
