using TraceVerify.Catalog;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// The mutator is deterministic from its seed, covers every category, and writes entries the catalog loader
// reads back; the printer it relies on round-trips every expression of the shipped catalogs.
public class MutatorTests
{
    private static IReadOnlyList<CatalogEntry> Entries() => Catalogs.All().SelectMany(Catalogs.Load).ToList();

    [Fact]
    public void SameSeed_SameMutants_OtherSeed_OtherMutants()
    {
        var first = Mutator.Generate(Entries(), 42, 200).Select(m => m.Yaml).ToList();
        Assert.Equal(first, Mutator.Generate(Entries(), 42, 200).Select(m => m.Yaml).ToList());
        Assert.NotEqual(first, Mutator.Generate(Entries(), 43, 200).Select(m => m.Yaml).ToList());
    }

    [Fact]
    public void EveryCategory_ProducesMutantsThatLoadAsOneEntryEach()
    {
        var mutants = Mutator.Generate(Entries(), 7, 600);
        Assert.Equal(600, mutants.Count);
        Assert.Equal(Enum.GetValues<MutationCategory>().Order(), mutants.Select(m => m.Category).Distinct().Order());
        foreach (var mutant in mutants)
        {
            var file = CatalogLoader.Parse(mutant.Yaml, "mutant.yaml");
            var entry = Assert.Single(file.Entries);
            Assert.True(entry.Diagnostics.Count == 0, mutant.Yaml);
            Assert.Equal(mutant.Id, entry.Id);
            Assert.All(entry.Sides, side => Assert.True(Parser.Parse(side.Text).Succeeded, mutant.Yaml));
        }
    }

    [Fact]
    public void Printer_RoundTripsEveryCatalogExpression()
    {
        var texts = Entries().SelectMany(e => e.Sides.Select(s => s.Text).Concat(e.Where.Select(w => w.Value.Text)).Append(e.Of?.Text)).OfType<string>().ToList();
        Assert.True(texts.Count > 100);
        foreach (var text in texts)
        {
            var printed = SyntaxPrinter.Print(Parser.Parse(text).Node!);
            var reparsed = Parser.Parse(printed);
            Assert.True(reparsed.Succeeded, $"`{text}` printed as `{printed}` does not parse");
            Assert.Equal(printed, SyntaxPrinter.Print(reparsed.Node!));
        }
    }

    [Theory]
    [InlineData(MutationCategory.SwapFactors, "A*B", "B*A")]
    [InlineData(MutationCategory.ReverseFactors, "A*B*C", "C*B*A")]
    [InlineData(MutationCategory.TransposeTraceArgument, "tr(A*B)", "tr((A*B)')")]
    [InlineData(MutationCategory.HadamardForProduct, "A*B", "A .* B")]
    [InlineData(MutationCategory.DropTerm, "A + B", null)]
    [InlineData(MutationCategory.SwapSymbols, "A*B'", "B*A'")]
    public void Mutation_MakesItsEdit(MutationCategory category, string text, string? expected)
    {
        var mutated = SyntaxPrinter.Print(Mutator.Apply(category, Parser.Parse(text).Node!, new Random(1))!);
        if (expected is null) Assert.True(mutated is "A" or "B", mutated);
        else Assert.Equal(expected, mutated);
    }
}
