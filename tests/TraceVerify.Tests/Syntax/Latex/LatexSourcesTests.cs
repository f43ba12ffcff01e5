using TraceVerify.Diagnostics;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Tests.Syntax.Latex;

// Every formula of the two sources reads: the notes' 46 `latex:` fields, and the Cookbook's section 2 except
// the prose rows. Which Cookbook formulas map wholly into the language today is pinned, so issue 11's new
// syntax shows up here as formulas moving from "not yet" to "maps".
public class LatexSourcesTests
{
    [Theory]
    [MemberData(nameof(LatexSources.NotesIds), MemberType = typeof(LatexSources))]
    public void Every_latex_field_of_the_notes_reads(string id)
    {
        var reading = LatexReader.Read(LatexSources.Notes(id));
        Assert.True(reading.Read, string.Join("; ", reading.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void The_notes_have_46_latex_fields()
    {
        Assert.Equal(46, LatexSources.NotesEntries.Count);
    }

    [Fact]
    public void Only_the_two_prose_rows_of_the_Cookbook_do_not_read_and_no_formula_uses_an_unsupported_command()
    {
        var rows = LatexSources.Cookbook();
        Assert.True(rows.Count >= 100, $"found only {rows.Count} Cookbook rows");
        var unread = rows.Where(r => !LatexReader.Read(r.Formula).Read).ToArray();
        Assert.Equal(["93(inst) (number inferred from its neighbours)", "(unnumbered)"], unread.Select(r => r.Eq));
        Assert.StartsWith("(instance of 93", unread[0].Formula, StringComparison.Ordinal);
        Assert.Contains("(f = scalar derivative of F)", unread[1].Formula, StringComparison.Ordinal);
        Assert.DoesNotContain(rows.SelectMany(r => LatexReader.Read(r.Formula).AllErrors), e => e.Code == DiagnosticCodes.LatexUnsupportedCommand);
    }

    [Fact]
    public void The_Cookbook_formulas_that_map_wholly_into_the_language_today()
    {
        var mapped = LatexSources.Cookbook()
            .Where(r => LatexReader.Read(r.Formula) is { Read: true } reading && reading.Sides.All(s => s.Mapped))
            .Select(r => r.Eq.Split(' ')[0])
            .ToArray();
        Assert.Equal(
            ["49", "51", "52", "53", "54", "57", "60", "61", "62", "63", "64",
             "69", "70", "71", "72", "76", "77", "78", "79", "81", "82", "83", "84", "85", "86", "87", "88", "94-95", "(unnumbered)",
             "99", "100", "101", "102", "103", "104", "105", "106", "107", "108", "109", "110", "111", "112", "113", "114", "115", "115", "116", "117", "118", "119", "120", "123",
             "124", "125", "126", "127"],
            mapped);
    }

    [Fact]
    public void Every_Cookbook_formula_that_does_not_map_says_why_with_a_not_yet_or_not_expressible_code()
    {
        foreach (var (eq, formula) in LatexSources.Cookbook())
        {
            var reading = LatexReader.Read(formula);
            if (!reading.Read) continue;
            Assert.All(reading.Sides.Where(s => !s.Mapped), s => Assert.Contains(s.Error!.Code, new[] { DiagnosticCodes.LatexNotYetInLanguage, DiagnosticCodes.LatexNotExpressible }));
            _ = eq;
        }
    }
}
