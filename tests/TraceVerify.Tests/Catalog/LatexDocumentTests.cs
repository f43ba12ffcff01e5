using TraceVerify.Catalog;

namespace TraceVerify.Tests.Catalog;

// How `import --latex` finds the display formulas of a file, their labels and their positions.
public class LatexDocumentTests
{
    [Fact]
    public void Finds_environments_brackets_and_lines_with_their_labels()
    {
        const string Text = """
            % a comment line
            \begin{equation}
              a = b \label{eq:first}
            \end{equation}

            \[ c = d \tag{2b} \]
            $$ e = f $$
            g = h   (12).
            i = j, % trailing comment
            """;
        var formulas = LatexDocument.Split(Text);
        Assert.Equal(["first", "2b", "3", "12", "5"], formulas.Select(f => f.Label));
        Assert.Equal(["a = b", "c = d", "e = f", "g = h", "i = j"], formulas.Select(f => f.Text.Trim()));
        Assert.Equal([2, 6, 7, 8, 9], formulas.Select(f => f.Line));
    }

    [Fact]
    public void Maps_an_offset_back_to_the_line_and_column_of_a_multi_line_equation()
    {
        const string Text = "\\begin{equation}\n  x =\n    \\foo\n\\end{equation}\n";
        var formula = Assert.Single(LatexDocument.Split(Text));
        Assert.Equal((3, 5), formula.Locate(formula.Text.IndexOf("\\foo", StringComparison.Ordinal)));
        Assert.Equal((2, 3), formula.Locate(formula.Text.IndexOf('x', StringComparison.Ordinal)));
    }

    [Fact]
    public void A_parenthesised_group_at_the_end_is_not_taken_for_a_label_without_a_space_before_it()
    {
        var formula = Assert.Single(LatexDocument.Split("y = x(2)"));
        Assert.Equal("1", formula.Label);
        Assert.Equal("y = x(2)", formula.Text);
    }
}
