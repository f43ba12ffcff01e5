using System.Text.Json;
using TraceVerify.Catalog;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

public class SarifReportTests
{
    private static JsonElement Run(Report report, string? root = null) =>
        JsonDocument.Parse(SarifReport.Render(report, root)).RootElement.GetProperty("runs")[0];

    private static (int Line, int Column) Region(JsonElement result)
    {
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        return (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
    }

    private static IEnumerable<JsonElement> Results(JsonElement run) => run.GetProperty("results").EnumerateArray();

    [Fact]
    public void The_log_names_its_schema_version_tool_and_a_rule_for_every_code_it_uses()
    {
        var document = JsonDocument.Parse(SarifReport.Render(SampleReport.Create())).RootElement;
        Assert.Equal("2.1.0", document.GetProperty("version").GetString());
        Assert.Equal(SarifReport.SchemaUri, document.GetProperty("$schema").GetString());
        var driver = document.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal(("traceverify", "0.1.0"), (driver.GetProperty("name").GetString(), driver.GetProperty("version").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("name").GetString())).ToList();
        Assert.Equal([("TV1000", "refuted-identity"), ("TV0201", "shape-mismatch"), ("TV0207", "claim-restricts-shapes")], rules);
        Assert.All(Results(document.GetProperty("runs")[0]), r =>
            Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()].Item1));
    }

    [Fact]
    public void A_refuted_derivative_points_at_its_claim_line_known_from_a_diagnostic()
    {
        var refuted = Assert.Single(Results(Run(SampleReport.Create())), r => r.GetProperty("ruleId").GetString() == "TV1000");
        Assert.Equal((221, 10), Region(refuted));
        Assert.Equal("error", refuted.GetProperty("level").GetString());
        var message = refuted.GetProperty("message").GetProperty("text").GetString()!;
        Assert.Contains("A = [0 1; -1/2 2]", message, StringComparison.Ordinal);
        Assert.Contains("suggestion: the first term should read A'*C'*X'*X*C'*B'*X", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_located_diagnostic_a_refuted_entry_points_at_the_entry_line()
    {
        var entry = SampleReport.Refuted() with { Diagnostics = [] };
        var refuted = Assert.Single(Results(Run(SampleReport.Create() with { Entries = [entry] })));
        Assert.Equal((208, 3), Region(refuted));
    }

    [Fact]
    public void An_error_diagnostic_is_a_result_at_its_own_span_with_a_relative_uri()
    {
        var result = Assert.Single(Results(Run(SampleReport.Create())), r => r.GetProperty("ruleId").GetString() == "TV0201");
        Assert.Equal((235, 12), Region(result));
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(15, region.GetProperty("endColumn").GetInt32());
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal(("identities.yaml", "SRCROOT"), (artifact.GetProperty("uri").GetString(), artifact.GetProperty("uriBaseId").GetString()));
    }

    [Fact]
    public void An_entry_matching_its_expectation_is_a_note_not_an_alert()
    {
        var erratum = SampleReport.Refuted() with { Expected = ExpectedVerdict.Refuted };
        var result = Assert.Single(Results(Run(SampleReport.Create() with { Entries = [erratum, SampleReport.Proved()] })));
        Assert.Equal("note", result.GetProperty("level").GetString());
    }

    [Fact]
    public void An_undecided_entry_expected_to_hold_still_shows_up()
    {
        var undecided = SampleReport.Proved() with { Verdict = Verdict.Undecided };
        var result = Assert.Single(Results(Run(SampleReport.Create() with { Entries = [undecided] })));
        Assert.Equal(SarifReport.UnmetExpectation, result.GetProperty("ruleId").GetString());
        Assert.Equal((81, 3), Region(result));
    }

    [Theory]
    [InlineData("identities.yaml", "identities.yaml", true)]
    [InlineData("./identities/language-tour.yaml", "identities/language-tour.yaml", true)]
    [InlineData("identities\\my catalog.yaml", "identities/my%20catalog.yaml", true)]
    [InlineData("/repo/identities/a.yaml", "identities/a.yaml", true)]
    [InlineData("/elsewhere/a.yaml", "file:///elsewhere/a.yaml", false)]
    public void Paths_become_relative_uris_under_the_source_root(string path, string uri, bool relative)
    {
        Assert.Equal((uri, relative), SarifReport.ArtifactUri(path, "/repo"));
    }

    [Fact]
    public void A_source_root_is_declared_as_the_base_of_relative_uris()
    {
        var root = Run(SampleReport.Create(), "/repo").GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString();
        Assert.Equal("file:///repo/", root);
    }

    // The notes' (21) as the real checker sees it: its result sits on the line of the YAML file that holds the claim.
    [Fact]
    public void A_result_for_the_notes_catalog_points_at_the_claim_line_in_the_yaml_file()
    {
        var path = SourceTree.Resolve("identities.yaml");
        var file = CatalogLoader.Load(path);
        var verifier = new Verifier(new VerifierOptions(1), []);
        var entry = file.Entries.Single(e => e.Id == "traa-21");
        var report = new Report("traceverify", "0.1.0", 1, [path], [verifier.Check(entry)], null);
        var result = Results(Run(report, SourceTree.Root)).First();
        var (line, column) = Region(result);
        var yaml = File.ReadAllLines(path);
        Assert.StartsWith("claim:", yaml[line - 1].Trim(), StringComparison.Ordinal);
        Assert.Equal("A*C'*X'*X*C'*B'*X", yaml[line - 1][(column - 1)..].Split(' ')[0]);
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("identities.yaml", artifact.GetProperty("uri").GetString());
    }
}
