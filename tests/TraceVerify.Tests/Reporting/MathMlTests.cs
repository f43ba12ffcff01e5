using System.Xml.Linq;
using TraceVerify.Catalog;
using TraceVerify.Reporting;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Reporting;

public class MathMlTests
{
    private static string Render(string text)
    {
        var parsed = Parser.Parse(text);
        Assert.True(parsed.Succeeded, text);
        return MathMl.Render(parsed.Node!);
    }

    [Theory]
    [InlineData("A'", "<msup><mi>A</mi><mi mathvariant=\"normal\">T</mi></msup>")]
    [InlineData("A*B", "<mrow><mi>A</mi><mo>&#x2062;</mo><mi>B</mi></mrow>")]
    [InlineData("A*(B*C)", "<mrow><mi>A</mi><mo>&#x2062;</mo><mi>B</mi><mo>&#x2062;</mo><mi>C</mi></mrow>")]
    [InlineData("A*2", "<mrow><mi>A</mi><mo>⋅</mo><mn>2</mn></mrow>")]
    [InlineData("(A*B)'", "<msup><mrow><mo>(</mo><mrow><mi>A</mi><mo>&#x2062;</mo><mi>B</mi></mrow><mo>)</mo></mrow><mi mathvariant=\"normal\">T</mi></msup>")]
    [InlineData("tr(A)", "<mrow><mi>tr</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>A</mi><mo>)</mo></mrow></mrow>")]
    [InlineData("A .* B", "<mrow><mi>A</mi><mo>⊙</mo><mi>B</mi></mrow>")]
    [InlineData("A'*ones .* B*ones", "<mrow><mrow><mo>(</mo><mrow><msup><mi>A</mi><mi mathvariant=\"normal\">T</mi></msup><mo>&#x2062;</mo><mn>𝟏</mn></mrow><mo>)</mo></mrow><mo>⊙</mo><mrow><mo>(</mo><mrow><mi>B</mi><mo>&#x2062;</mo><mn>𝟏</mn></mrow><mo>)</mo></mrow></mrow>")]
    [InlineData("V ./ (A*X)", "<mfrac><mi>V</mi><mrow><mi>A</mi><mo>&#x2062;</mo><mi>X</mi></mrow></mfrac>")]
    [InlineData("1/2*A", "<mrow><mfrac><mn>1</mn><mn>2</mn></mfrac><mo>&#x2062;</mo><mi>A</mi></mrow>")]
    [InlineData("fro(X)^2", "<msubsup><mrow><mo>‖</mo><mi>X</mi><mo>‖</mo></mrow><mi>F</mi><mn>2</mn></msubsup>")]
    [InlineData("fro(X)", "<msub><mrow><mo>‖</mo><mi>X</mi><mo>‖</mo></mrow><mi>F</mi></msub>")]
    [InlineData("s^-1", "<msup><mi>s</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>")]
    [InlineData("inv(X)", "<msup><mi>X</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>")]
    [InlineData("X^-1", "<msup><mi>X</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>")]
    [InlineData("inv(A*B)", "<msup><mrow><mo>(</mo><mrow><mi>A</mi><mo>&#x2062;</mo><mi>B</mi></mrow><mo>)</mo></mrow><mrow><mo>−</mo><mn>1</mn></mrow></msup>")]
    [InlineData("inv(X)'", "<msup><mrow><mo>(</mo><msup><mi>X</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup><mo>)</mo></mrow><mi mathvariant=\"normal\">T</mi></msup>")]
    [InlineData("adj(X)", "<mrow><mi>adj</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>X</mi><mo>)</mo></mrow></mrow>")]
    [InlineData("X^-2", "<msup><mi>X</mi><mrow><mo>−</mo><mn>2</mn></mrow></msup>")]
    [InlineData("det(X)", "<mrow><mi>det</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>X</mi><mo>)</mo></mrow></mrow>")]
    [InlineData("A[i,j]", "<msub><mi>A</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow></msub>")]
    [InlineData("x[j]", "<msub><mi>x</mi><mi>j</mi></msub>")]
    [InlineData("B[k,:]", "<msub><mi>B</mi><mrow><mi>k</mi><mo>,</mo><mo>:</mo></mrow></msub>")]
    [InlineData("(A*B)[i,k]", "<msub><mrow><mo>[</mo><mrow><mi>A</mi><mo>&#x2062;</mo><mi>B</mi></mrow><mo>]</mo></mrow><mrow><mi>i</mi><mo>,</mo><mi>k</mi></mrow></msub>")]
    [InlineData("sum(i,j; x[i])", "<mrow><munder><mo>∑</mo><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow></munder><msub><mi>x</mi><mi>i</mi></msub></mrow>")]
    [InlineData("matrix(i,j; A[j,i])", "<msub><mrow><mo>[</mo><msub><mi>A</mi><mrow><mi>j</mi><mo>,</mo><mi>i</mi></mrow></msub><mo>]</mo></mrow><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow></msub>")]
    [InlineData("I", "<mi mathvariant=\"normal\">I</mi>")]
    [InlineData("-(A - B)", "<mrow><mo>−</mo><mrow><mo>(</mo><mrow><mi>A</mi><mo>−</mo><mi>B</mi></mrow><mo>)</mo></mrow></mrow>")]
    [InlineData("A - (B + C)", "<mrow><mi>A</mi><mo>−</mo><mrow><mo>(</mo><mrow><mi>B</mi><mo>+</mo><mi>C</mi></mrow><mo>)</mo></mrow></mrow>")]
    [InlineData("A + (B + C)", "<mrow><mi>A</mi><mo>+</mo><mrow><mi>B</mi><mo>+</mo><mi>C</mi></mrow></mrow>")]
    [InlineData("A*(-B)", "<mrow><mi>A</mi><mo>&#x2062;</mo><mrow><mo>(</mo><mrow><mo>−</mo><mi>B</mi></mrow><mo>)</mo></mrow></mrow>")]
    [InlineData("(A + B)*C", "<mrow><mrow><mo>(</mo><mrow><mi>A</mi><mo>+</mo><mi>B</mi></mrow><mo>)</mo></mrow><mo>&#x2062;</mo><mi>C</mi></mrow>")]
    [InlineData("log(x) .* exp(y)", "<mrow><mrow><mi>log</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow></mrow><mo>⊙</mo><mrow><mi>exp</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>y</mi><mo>)</mo></mrow></mrow></mrow>")]
    public void Expressions_are_typeset_as_the_notes_print_them(string text, string mathMl)
    {
        Assert.Equal(mathMl, Render(text));
    }

    // (Σᵢ aᵢ)(Σₖ bₖ) must not read Σᵢ (aᵢ Σₖ bₖ): a Σ before another factor keeps its parentheses.
    [Fact]
    public void A_sum_followed_by_another_factor_is_parenthesized()
    {
        var product = Render("sum(i; A[i,j])*sum(k; B[j,k])");
        Assert.StartsWith("<mrow><mrow><mo>(</mo><mrow><munder><mo>∑</mo>", product, StringComparison.Ordinal);
        Assert.EndsWith("<mo>&#x2062;</mo><mrow><munder><mo>∑</mo><mi>k</mi></munder><msub><mi>B</mi><mrow><mi>j</mi><mo>,</mo><mi>k</mi></mrow></msub></mrow></mrow>", product, StringComparison.Ordinal);
        Assert.StartsWith("<mrow><mrow><mo>(</mo><mrow><munder>", Render("sum(i; x[i]) + y"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stacked_rows_builder_is_a_table_with_its_index()
    {
        var rows = Render("rows(k; B[k,:])");
        Assert.Equal("<msub><mrow class=\"matrix\"><mo>[</mo><mtable><mtr><mtd><mo>⋮</mo></mtd></mtr><mtr><mtd><msub><mi>B</mi><mrow><mi>k</mi><mo>,</mo><mo>:</mo></mrow></msub></mtd></mtr><mtr><mtd><mo>⋮</mo></mtd></mtr></mtable><mo>]</mo></mrow><mi>k</mi></msub>", rows);
    }

    [Theory]
    [InlineData("3", "<mn>3</mn>")]
    [InlineData("0.25", "<mn>0.25</mn>")]
    [InlineData("-1/2", "<mrow><mo>−</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow>")]
    [InlineData("1e-3", "<mtext>1e-3</mtext>")]
    [InlineData("<b>", "<mtext>&lt;b&gt;</mtext>")]
    public void Values_are_numbers_fractions_or_escaped_text(string value, string mathMl)
    {
        Assert.Equal(mathMl, MathMl.Number(value));
    }

    [Fact]
    public void A_matrix_is_a_bracketed_table()
    {
        Assert.Equal("<mrow class=\"matrix\"><mo>[</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mrow><mo>−</mo><mn>2</mn></mrow></mtd><mtd><mn>3</mn></mtd></mtr></mtable><mo>]</mo></mrow>",
            MathMl.Matrix([["1", "0"], ["-2", "3"]]));
    }

    // Render is one switch over the syntax nodes; this corpus reaches every node type.
    [Fact]
    public void Every_syntax_node_type_is_rendered()
    {
        string[] corpus = ["2*x", "tr(A)", "A + B", "-A", "A'", "s^2", "s^(1/2)", "A[i,j]", "sum(i; x[i])", "I(5)", "[a, b; c, d]"];
        var seen = new HashSet<Type>();
        void Collect(object node)
        {
            seen.Add(node.GetType());
            foreach (var property in node.GetType().GetProperties())
            {
                if (property.GetValue(node) is SyntaxNode child) Collect(child);
            }
        }
        foreach (var text in corpus)
        {
            Collect(Parser.Parse(text).Node!);
            Assert.NotEmpty(Render(text));
        }
        var all = typeof(SyntaxNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SyntaxNode)) && !t.IsAbstract).ToHashSet();
        Assert.Subset(seen, all);
        Assert.Empty(all.Except(seen).Select(t => t.Name));
    }

    // Every text of the shipped catalogs becomes well-formed MathML: one element, in the MathML namespace.
    [Fact]
    public void Every_text_of_the_shipped_catalogs_is_well_formed_mathml()
    {
        var files = new[] { SourceTree.Resolve("identities.yaml") }.Concat(Directory.GetFiles(SourceTree.Resolve("identities"), "*.yaml"));
        var texts = files.Select(CatalogLoader.Load).SelectMany(f => f.Entries)
            .SelectMany(e => e.Sides.Concat(e.Where.Select(w => w.Value)).Concat(new[] { e.Of, e.Wrt }.OfType<SourceText>())).Select(t => t.Text).ToList();
        Assert.True(texts.Count > 100, $"only {texts.Count} texts");
        foreach (var text in texts)
        {
            var math = XElement.Parse(MathMl.Math(Render(text)));
            Assert.Equal(XNamespace.Get(MathMl.Namespace) + "math", math.Name);
            Assert.Single(math.Elements());
        }
    }
}
