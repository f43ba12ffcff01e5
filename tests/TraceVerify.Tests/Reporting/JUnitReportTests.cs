using System.Xml.Linq;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Reporting;

namespace TraceVerify.Tests.Reporting;

public class JUnitReportTests
{
    private static XDocument Render(Report report) => XDocument.Parse(JUnitReport.Render(report));

    [Fact]
    public void There_is_one_suite_per_catalog_file_and_one_case_per_entry()
    {
        var xml = Render(SampleReport.Create());
        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal([SampleReport.MainFile, SampleReport.OtherFile], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal(["traa-9 (eq 9)", "traa-21 (eq 21)", "bad-shape"], suites[0].Elements("testcase").Select(c => (string)c.Attribute("name")!));
        Assert.All(suites[0].Elements("testcase"), c => Assert.Equal(SampleReport.MainFile, (string)c.Attribute("classname")!));
        Assert.Equal("4", (string)xml.Root.Attribute("tests")!);
        Assert.Equal("2", (string)xml.Root.Attribute("failures")!);
        Assert.Equal("0.000", (string)xml.Root.Attribute("time")!);
    }

    [Fact]
    public void A_refuted_entry_that_should_hold_fails_with_its_counterexample_as_matrices_and_the_suggestion()
    {
        var failure = Render(SampleReport.Create()).Descendants("testcase").Single(c => (string)c.Attribute("name")! == "traa-21 (eq 21)").Element("failure")!;
        Assert.Equal("refuted", (string)failure.Attribute("type")!);
        var message = (string)failure.Attribute("message")!;
        Assert.StartsWith("verdict refuted, expected holds; counterexample: at n = 2", message, StringComparison.Ordinal);
        Assert.Contains("suggestion: the first term should read A'*C'*X'*X*C'*B'*X", message, StringComparison.Ordinal);
        var text = failure.Value;
        Assert.Contains("  A =\n    [    0  1 ]\n    [ -1/2  2 ]\n", text, StringComparison.Ordinal);
        Assert.Contains("suggestion: the first term should read", text, StringComparison.Ordinal);
        Assert.Contains("corrected: A'*C'*X'*X*C'*B'*X + ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ill_formed_entry_fails_with_its_located_diagnostics()
    {
        var failure = Render(SampleReport.Create()).Descendants("testcase").Single(c => (string)c.Attribute("name")! == "bad-shape").Element("failure")!;
        Assert.Equal("ill-formed", (string)failure.Attribute("type")!);
        Assert.Contains("TV0201: shape mismatch in `A*B`", (string)failure.Attribute("message")!, StringComparison.Ordinal);
        Assert.Contains("identities.yaml:235:12: error TV0201: shape mismatch", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_entry_has_no_failure_and_an_internal_disagreement_is_an_error()
    {
        var disagreement = SampleReport.Proved() with
        {
            Verdict = Verdict.Undecided,
            Diagnostics = [Diagnostic.Error(DiagnosticCodes.MethodsDisagree, "INTERNAL DISAGREEMENT", new SourceLocation(SampleReport.MainFile, 81, 3))],
        };
        var xml = Render(SampleReport.Create() with { Entries = [SampleReport.Proved(), disagreement] });
        var cases = xml.Descendants("testcase").ToList();
        Assert.Empty(cases[0].Elements());
        Assert.Equal("TV0901", (string)cases[1].Element("error")!.Attribute("type")!);
        Assert.Equal(("0", "1"), ((string)xml.Root!.Attribute("failures")!, (string)xml.Root.Attribute("errors")!));
    }

    [Fact]
    public void Control_characters_from_a_catalog_do_not_break_the_xml()
    {
        var entry = SampleReport.IllFormed() with { Id = "bell\u0007id", Diagnostics = [Diagnostic.Error("TV0101", "unexpected \u0001 <&>")] };
        var xml = Render(SampleReport.Create() with { Entries = [entry] });
        Assert.Equal("bellU+0007id", (string)xml.Descendants("testcase").Single().Attribute("name")!);
        Assert.Contains("unexpected U+0001 <&>", xml.Descendants("failure").Single().Value, StringComparison.Ordinal);
    }
}
