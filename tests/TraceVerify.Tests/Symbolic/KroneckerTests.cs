using TraceVerify.Fuzzing;
using TraceVerify.Proof;
using TraceVerify.Reporting;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Symbolic;

// kron(A, B) and vec(M) in every method: parse and print, product sizes (rigid, ordered, located errors),
// the split index form that proves the textbook rules for every shape, idempotence, derivatives against
// dual numbers, exact fuzzing, Z3 at concrete sizes, MathML and LaTeX.
public sealed class KroneckerTests : IDisposable
{
    private readonly Z3Solver _solver = new(TimeSpan.FromSeconds(10));

    public void Dispose() => _solver.Dispose();

    private static readonly Dictionary<string, string> Rectangular = new()
    {
        ["A"] = "m x n", ["B"] = "p x q", ["C"] = "n x r", ["D"] = "q x s",
    };

    [Theory]
    [InlineData("kron(A, B)")]
    [InlineData("kron(A + B, C)*vec(X)")]
    [InlineData("vec(A*X*B)'")]
    [InlineData("kron(A, kron(B, C))'")]
    [InlineData("tr(kron(A', B))")]
    public void Printed_syntax_parses_back_to_the_same_text(string text)
    {
        var parsed = Parser.Parse(text);
        Assert.True(parsed.Succeeded);
        Assert.Equal(text, SyntaxPrinter.Print(parsed.Node!));
    }

    // The README's rows: each binds, prints in matrix notation and binds back to the same canonical form.
    [Theory]
    [InlineData("kron(A, B)")]
    [InlineData("vec(M)")]
    [InlineData("kron(A, B)'*vec(M)")]
    public void The_language_rows_print_back_to_the_same_form(string text)
    {
        var bound = new Bound();
        var expr = bound.Resolve(bound.Bind(text));
        var again = bound.Resolve(bound.Bind(ExprPrinter.Print(expr)));
        Assert.Equal(text, ExprPrinter.Print(expr));
        var context = bound.Context();
        Assert.Equal(context.Canonical(expr), context.Canonical(again));
    }

    [Theory]
    [InlineData("kron(A)", 6)]
    [InlineData("kron(A, B, C)", 9)]
    public void Kron_takes_exactly_two_arguments_TV0145_at_the_place(string text, int start)
    {
        var error = Assert.Single(Parser.Parse(text).Errors);
        Assert.Equal("TV0145", error.Code);
        Assert.Equal(start, error.Span.Start);
    }

    [Theory]
    [InlineData("kron(A, B)", "m·p×n·q")]
    [InlineData("vec(A)", "n·m×1")]
    [InlineData("vec(A')", "m·n×1")]
    [InlineData("kron(A, B)*kron(C, D)", "m·p×r·s")]
    [InlineData("kron(kron(A, B), C)", "m·p·n×n·q·r")]
    public void Sizes_are_ordered_products(string text, string shape)
    {
        var bound = new Bound(Rectangular);
        Assert.Equal(shape, bound.Binder.Display(Shapes.Of(bound.Bind(text), bound.Binder.Find)).Replace("scalar", "1×1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vector_declared_as_a_product_fits_and_one_declared_with_a_plain_letter_is_TV0235()
    {
        var fits = new Bound(new Dictionary<string, string>(Rectangular) { ["y"] = "n*q" });
        Assert.Equal("m·p×1", fits.Binder.Display(Shapes.Of(fits.Bind("kron(A, B)*y"), fits.Binder.Find)));

        var plain = new Bound(new Dictionary<string, string>(Rectangular) { ["y"] = "k" });
        var parsed = Parser.Parse("kron(A, B)*y");
        Assert.Null(plain.Binder.Bind(parsed.Node!, "claim"));
        var error = Assert.Single(plain.Errors);
        Assert.Equal("TV0235", error.Code);
        Assert.Contains("y is declared k x 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("only if k = n·q", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, error.Span.Start);
    }

    // m·p and p·m are the same number but split differently: kron(A, B) + kron(B, A) needs m = p.
    [Fact]
    public void Products_in_another_order_are_not_equated()
    {
        var bound = new Bound(new Dictionary<string, string> { ["A"] = "m x m", ["B"] = "p x p" });
        Assert.Null(bound.Binder.Bind(Parser.Parse("kron(A, B) + kron(B, A)").Node!, "claim"));
        var error = Assert.Single(bound.Errors);
        Assert.Equal("TV0235", error.Code);
        Assert.Contains("only if m·p = p·m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inferred_sizes_are_products_of_fresh_dimensions()
    {
        var bound = new Bound();
        var shape = Shapes.Of(bound.Bind("kron(A, B)*x"), bound.Binder.Find);
        Assert.IsType<ProductDim>(bound.Binder.Find(shape.Rows));
        Assert.IsType<ProductDim>(bound.Binder.Find(bound.Binder.SymbolShape("x").Rows));
    }

    [Theory]
    [InlineData("vec(A*X*B)", "kron(B', A)*vec(X)", "A: m x n, X: n x p, B: p x q")]
    [InlineData("kron(A, B)*kron(C, D)", "kron(A*C, B*D)", "A: m x n, B: p x q, C: n x r, D: q x s")]
    [InlineData("kron(A, B)'", "kron(A', B')", "A: m x n, B: p x q")]
    [InlineData("tr(kron(A, B))", "tr(A)*tr(B)", "A: n x n, B: p x p")]
    [InlineData("vec(A)'*vec(B)", "tr(A'*B)", "A: m x n, B: m x n")]
    [InlineData("kron(A, B + C)", "kron(A, B) + kron(A, C)", "A: m x n, B: p x q")]
    [InlineData("kron(kron(A, B), C)", "kron(A, kron(B, C))", "A: m x n, B: p x q, C: r x s")]
    [InlineData("kron(2*A, B)", "2*kron(A, B)", "A: m x n, B: p x q")]
    [InlineData("vec(x')", "x", "x: n")]
    [InlineData("vec(x*y')", "kron(y, x)", "x: n, y: m")]
    [InlineData("fro(kron(A, B))^2", "fro(A)^2*fro(B)^2", "A: m x n, B: p x q")]
    [InlineData("inv(kron(A, B))", "kron(inv(A), inv(B))", "A: n x n, B: p x p")]
    [InlineData("det(kron(A, B))", "det(A)^3*det(B)^2", "A: 2 x 2, B: 3 x 3")]
    public void The_split_index_form_proves_the_rules_for_every_shape(string left, string right, string shapes)
    {
        var forms = Bound.Canonical(new Bound(Declared(shapes)), left, right);
        Assert.Equal(forms[0], forms[1]);
    }

    [Theory]
    [InlineData("vec(A*X*B)", "kron(A, B')*vec(X)", "A: n x n, X: n x n, B: n x n")]
    [InlineData("kron(A, B)'", "kron(B', A')", "A: n x n, B: n x n")]
    [InlineData("kron(A, B)", "kron(B, A)", "A: n x n, B: n x n")]
    [InlineData("vec(A)", "vec(A')", "A: n x n")]
    [InlineData("adj(kron(A, B))", "kron(adj(A), adj(B))", "A: n x n, B: n x n")]
    [InlineData("det(kron(A, B))", "det(A)*det(B)", "A: n x n, B: p x p")]
    [InlineData("kron(A, B)*y", "kron(A, B)*vec(Y)", "A: m x n, B: p x q, y: n*q, Y: q x n")]
    public void What_is_false_or_beyond_the_split_is_not_proved(string left, string right, string shapes)
    {
        var bound = new Bound(Declared(shapes));
        var exprs = new[] { bound.Bind(left), bound.Bind(right) };
        var context = bound.Context();
        try
        {
            Assert.NotEqual(context.Canonical(bound.Resolve(exprs[0])), context.Canonical(bound.Resolve(exprs[1])));
        }
        catch (IndexSplitException e)
        {
            // A symbol of a product size, a function of a kron not rewritten, is not split: inconclusive, never a guess.
            Assert.Contains("product size", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("kron(A, B)*kron(C, D)")]
    [InlineData("vec(A*X*B)'*kron(C, D)")]
    [InlineData("tr(kron(A, B)*kron(B', A'))")]
    [InlineData("log(kron(A, B))")]
    public void Canonicalization_is_idempotent(string text)
    {
        var form = Bound.Canonical(text)[0];
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: false));
        Assert.Equal(form, IdempotenceTests.Recanonicalize(form, reverse: true));
    }

    [Theory]
    [InlineData("tr(kron(A, X*B))", "X", "tr(A)*B'")]
    [InlineData("vec(X)'*vec(X)", "X", "2*X")]
    [InlineData("vec(A)'*kron(B, C)*vec(X)", "X", "C'*A*B")]
    [InlineData("vec(X)'*kron(B, A)*vec(X)", "X", "A*X*B' + A'*X*B")]
    public void Derivatives_through_kron_and_vec_are_the_textbook_ones(string of, string wrt, string claim)
    {
        var (derivative, expected) = Bound.Derive(new Bound(), of, wrt, claim);
        Assert.Equal(expected, derivative);
    }

    // Forward-mode dual numbers through the evaluator's own Kronecker product share nothing with the split.
    [Theory]
    [InlineData("tr(kron(A, X*B))", "X", "tr(A)*B'", true)]
    [InlineData("vec(A)'*kron(B, C)*vec(X)", "X", "C'*A*B", true)]
    [InlineData("vec(A)'*kron(B, C)*vec(X)", "X", "C'*A'*B", false)]
    [InlineData("vec(X)'*kron(B, A)*vec(X)", "X", "A*X*B' + A'*X*B", true)]
    [InlineData("vec(X)'*kron(B, A)*vec(X)", "X", "A*X*B + A'*X*B'", false)]
    public void Derivatives_agree_with_dual_numbers(string of, string wrt, string claim, bool holds)
    {
        var evidence = new FuzzMethod(60).Run(Entries.Derivative(of, wrt, claim), 7, CancellationToken.None);
        Assert.Equal(holds ? "confirmed" : "refuted", evidence.Result.Outcome);
    }

    // Exact fuzzing builds the Kronecker product and vec itself (KroneckerAlgebra); Z3 gets the product matrix
    // of polynomials at concrete sizes (here all 2): both confirm the rules and refute the misprints.
    [Theory]
    [InlineData("vec(A*X*B)", "kron(B', A)*vec(X)", true)]
    [InlineData("kron(A, B)*kron(C, D)", "kron(A*C, B*D)", true)]
    [InlineData("tr(kron(A, B))", "tr(A)*tr(B)", true)]
    [InlineData("vec(A*X*B)", "kron(A, B')*vec(X)", false)]
    [InlineData("kron(A, B)'", "kron(B', A')", false)]
    public void Exact_fuzzing_and_Z3_confirm_the_rules_and_refute_the_misprints(string left, string right, bool holds)
    {
        var entry = Entries.Equality(left, right);
        Assert.Equal(holds ? "confirmed" : "refuted", new FuzzMethod(60).Run(entry, 7, CancellationToken.None).Result.Outcome);
        var query = SmtEncoder.Encode(entry, entry.Dimensions.ToDictionary(d => d, _ => 2));
        Assert.Equal(holds ? Z3Status.Unsat : Z3Status.Sat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void The_inverse_of_a_Kronecker_product_is_confirmed_by_exact_elimination()
    {
        var evidence = new FuzzMethod(60).Run(Entries.Equality("inv(kron(A, B))", "kron(inv(A), inv(B))"), 7, CancellationToken.None);
        Assert.Equal("confirmed", evidence.Result.Outcome);
    }

    [Fact]
    public void MathML_writes_the_circled_times_and_vec()
    {
        string Render(string text) => MathMl.Render(Parser.Parse(text).Node!);
        Assert.Equal("<mrow><mi>A</mi><mo>\u2297</mo><mi>B</mi></mrow>", Render("kron(A, B)"));
        Assert.Contains("<mo>\u2297</mo>", Render("kron(A*C, B*D)"), StringComparison.Ordinal);
        Assert.DoesNotContain("<mo>(</mo>", Render("kron(A*C, B*D)"), StringComparison.Ordinal);
        Assert.StartsWith("<mrow><mi>vec</mi>", Render("vec(X)"), StringComparison.Ordinal);
        Assert.Contains("<mo>(</mo><mrow><mi>A</mi><mo>\u2297</mo><mi>B</mi></mrow><mo>)</mo>", Render("kron(A, B)*kron(C, D)"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\mathbf{A} \otimes \mathbf{B}", "kron(A, B)")]
    [InlineData(@"(\mathbf{B}^T \otimes \mathbf{A}) \mathrm{vec}(\mathbf{X})", "kron(B', A)*vec(X)")]
    [InlineData(@"\operatorname{vec}(\mathbf{AXB})", "vec(A*X*B)")]
    [InlineData(@"Tr(X \otimes X)", "tr(kron(X, X))")]
    public void LaTeX_reads_otimes_and_vec(string latex, string expected)
    {
        var side = Assert.Single(LatexReader.Read(latex).Sides);
        Assert.Null(side.Error);
        Assert.Equal(expected, SyntaxPrinter.Print(side.Expression!));
        Assert.Equal(expected, SyntaxPrinter.Print(Assert.Single(LatexReader.Read(LatexPrinter.Print(side.Expression!)).Sides).Expression!));
    }

    private static Dictionary<string, string> Declared(string shapes) =>
        shapes.Split(", ").Select(d => d.Split(": ")).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
