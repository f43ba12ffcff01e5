using TraceVerify.Catalog;

namespace TraceVerify.Tests.Catalog;

// Every catalog field is read into the entry, with the position of its text.
public class CatalogFieldTests
{
    private const string Text = """
        - id: all-fields
          eq: "22a"
          title: A title
          latex: 'f = tr[AXB]'
          note: a note
          kind: derivative
          of: tr(A*D) + tr(A*Y*B) - tr(A*Y*B)
          wrt: X
          claim:
            - A'*B'
            - "(B*A)'"
          where:
            D: X*B
          shapes:
            X: m x n
            s: scalar
          frozen:
            Y: X
          expect: proved
        - id: chain
          kind: equality
          chain: [A, A, A]
        - id: definition
          kind: definition
          expr: tr(A)
        """;

    [Fact]
    public void Every_field_is_read()
    {
        var catalog = CatalogLoader.Parse(Text, "fields.yaml");
        var entry = catalog.Entries[0];
        Assert.Empty(entry.Diagnostics);
        Assert.Equal(("all-fields", "22a", "A title", "f = tr[AXB]", "a note"), (entry.Id, entry.Eq, entry.Title, entry.Latex, entry.Note));
        Assert.Equal(EntryKind.Derivative, entry.Kind);
        Assert.Equal(ExpectedVerdict.Proved, entry.Expected);
        Assert.Equal("tr(A*D) + tr(A*Y*B) - tr(A*Y*B)", entry.Of!.Text);
        Assert.Equal("X", entry.Wrt!.Text);
        Assert.Equal(["A'*B'", "(B*A)'"], entry.Sides.Select(s => s.Text));
        Assert.Equal((10, 7), (entry.Sides[0].Line, entry.Sides[0].Column));
        Assert.Equal((11, 8), (entry.Sides[1].Line, entry.Sides[1].Column));
        Assert.Equal(["D"], entry.Where.Select(w => w.Name));
        Assert.Equal(["X", "s"], entry.Shapes.Select(s => s.Name));
        Assert.Equal(["Y"], entry.Frozen.Select(f => f.Name));
        Assert.Equal(3, catalog.Entries[1].Sides.Count);
        Assert.Equal(ExpectedVerdict.Definition, catalog.Entries[2].Expected);
        Assert.Equal("tr(A)", Assert.Single(catalog.Entries[2].Sides).Text);
    }

    [Fact]
    public void The_fields_bind_into_one_entry()
    {
        var catalog = CatalogLoader.Parse(Text, "fields.yaml");
        var verifier = new Verifier(new VerifierOptions(1), []);
        Assert.Equal(Verdict.Proved, verifier.Check(catalog.Entries[0]).Verdict);
        Assert.Equal(Verdict.Proved, verifier.Check(catalog.Entries[1]).Verdict);
        Assert.Equal(Verdict.Definition, verifier.Check(catalog.Entries[2]).Verdict);
        var bound = EntryBinder.Bind(catalog.Entries[0]).Entry!;
        Assert.Equal("X", bound.Frozen["Y"]);
        Assert.Equal("m", bound.Symbols["X"].Rows.ToString());
    }

    [Theory]
    [InlineData("holds", "confirmed", true)]
    [InlineData("holds", "proved", true)]
    [InlineData("proved", "confirmed", false)]
    [InlineData("refuted", "refuted", true)]
    [InlineData("refuted", "proved", false)]
    [InlineData("ill-formed", "illformed", true)]
    [InlineData("definition", "definition", true)]
    public void Expectations_match_verdicts(string expect, string verdictName, bool matches)
    {
        Assert.True(Expectations.TryParse(expect, out var expected));
        var verdict = Enum.Parse<Verdict>(verdictName, ignoreCase: true);
        Assert.Equal(matches, Expectations.Matches(expected, verdict));
    }
}
