using System.Reflection;
using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace TraceVerify.Tests.Catalog;

// schema/catalog.schema.json describes what CatalogLoader reads: the same fields, the same words for kind and
// expect, and every shipped catalog valid under it.
public class CatalogSchemaTests
{
    private static readonly JsonDocument Schema = JsonDocument.Parse(File.ReadAllText(SourceTree.Resolve("schema", "catalog.schema.json")));

    private static JsonElement Entry => Schema.RootElement.GetProperty("$defs").GetProperty("entry");

    private static IEnumerable<string> Words(string property) =>
        Entry.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    public static TheoryData<string> Catalogs() =>
        new([SourceTree.Resolve("identities.yaml"), .. Directory.GetFiles(SourceTree.Resolve("identities"), "*.yaml").Order(StringComparer.Ordinal)]);

    [Fact]
    public void The_schema_is_draft_2020_12_and_closed()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(JsonValueKind.False, Entry.GetProperty("additionalProperties").ValueKind);
        Assert.Equal(["id", "kind"], Entry.GetProperty("required").EnumerateArray().Select(e => e.GetString()!));
        Assert.All(Entry.GetProperty("properties").EnumerateObject(), p => Assert.True(
            p.Value.TryGetProperty("description", out _) || p.Value.TryGetProperty("$ref", out _), $"`{p.Name}` has no description"));
    }

    [Fact]
    public void The_schema_declares_exactly_the_fields_the_loader_knows()
    {
        var field = typeof(CatalogLoader).GetField("KnownFields", BindingFlags.NonPublic | BindingFlags.Static);
        Assert.True(field is not null, "CatalogLoader.KnownFields was renamed; point this test at the loader's field set");
        var known = ((IEnumerable<string>)field.GetValue(null)!).Order(StringComparer.Ordinal);
        Assert.Equal(known, Entry.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_kind_words_are_the_loaders()
    {
        Assert.Equal(Enum.GetValues<EntryKind>().Select(k => k.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal), Words("kind").Order(StringComparer.Ordinal));
        foreach (var kind in Words("kind"))
        {
            var entry = CatalogLoader.Parse($"- id: a\n  kind: {kind}\n", "inline.yaml").Entries[0];
            Assert.Equal(kind, entry.Kind?.ToString().ToLowerInvariant());
        }
    }

    [Fact]
    public void The_expect_words_are_the_loaders()
    {
        Assert.Equal(Enum.GetValues<ExpectedVerdict>().Select(Expectations.Text).Order(StringComparer.Ordinal), Words("expect").Order(StringComparer.Ordinal));
        Assert.All(Words("expect"), word => Assert.True(Expectations.TryParse(word, out _), word));
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Every_shipped_catalog_is_valid_under_the_schema(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var errors = new SchemaSubsetValidator(Schema.RootElement).Validate(SchemaSubsetValidator.FromYaml(yaml.Documents[0].RootNode));
        Assert.Empty(errors);
    }

    // The schema and the loader reject the same structural mistakes.
    [Theory]
    [InlineData("- id: a\n  kind: equality\n  lhs: A\n  rhs: A\n", true)]
    [InlineData("- id: a\n  kind: equality\n  chain: [A, A]\n", true)]
    [InlineData("- id: a\n  kind: derivative\n  of: tr(X)\n  wrt: X\n  claim: [I]\n", true)]
    [InlineData("- id: a\n  kind: definition\n", true)]
    [InlineData("- id: a\n  kind: equality\n  lhs: A\n  rhs: A\n  expec: proved\n", false)]
    [InlineData("- id: a\n  kind: equality\n  lhs: A\n", false)]
    [InlineData("- id: a\n  kind: equality\n  chain: [A]\n", false)]
    [InlineData("- id: a\n  kind: derivative\n  of: tr(X)\n  claim: I\n", false)]
    [InlineData("- id: a\n  kind: lemma\n", false)]
    [InlineData("- kind: definition\n", false)]
    [InlineData("- id: a\n  kind: definition\n  expect: true-ish\n", false)]
    [InlineData("- id: a\n  kind: definition\n  shapes: [X]\n", false)]
    [InlineData("- id: a\n  kind: equality\n  lhs: [A]\n  rhs: A\n", false)]
    public void The_schema_and_the_loader_agree(string yaml, bool valid)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var errors = new SchemaSubsetValidator(Schema.RootElement).Validate(SchemaSubsetValidator.FromYaml(stream.Documents[0].RootNode));
        var loaded = CatalogLoader.Parse(yaml, "inline.yaml").Entries.Single();
        Assert.Equal(valid, errors.Count == 0);
        Assert.Equal(valid, !loaded.Diagnostics.Any(d => d.Severity == Severity.Error));
    }
}
