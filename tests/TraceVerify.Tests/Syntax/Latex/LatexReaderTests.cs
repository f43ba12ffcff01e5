using TraceVerify.Diagnostics;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Tests.Syntax.Latex;

// What each construct of the matrix-calculus texts reads as, in the expression language.
public class LatexReaderTests
{
    private static string Expression(string latex)
    {
        var reading = LatexReader.Read(latex);
        Assert.Empty(reading.Errors);
        var side = Assert.Single(reading.Sides);
        Assert.Null(side.Error);
        return SyntaxPrinter.Print(side.Expression!);
    }

    private static SyntaxError MappingError(string latex)
    {
        var reading = LatexReader.Read(latex);
        Assert.Empty(reading.Errors);
        return reading.Sides.Select(s => s.Error).OfType<SyntaxError>().First();
    }

    private static SyntaxError ReadingError(string latex)
    {
        var reading = LatexReader.Read(latex);
        Assert.False(reading.Read);
        return reading.Errors[0];
    }

    [Theory]
    [InlineData(@"\mathbf{X}", "X")]
    [InlineData(@"\boldsymbol{x}", "x")]
    [InlineData(@"\bm{x}", "x")]
    [InlineData(@"X^T", "X'")]
    [InlineData(@"X^{T}", "X'")]
    [InlineData(@"X^\top", "X'")]
    [InlineData(@"\mathbf{X}^{\intercal}", "X'")]
    [InlineData(@"\operatorname{Tr}(\mathbf{X})", "tr(X)")]
    [InlineData(@"\mathrm{tr}\left[ \mathbf{X} \right]", "tr(X)")]
    [InlineData(@"Tr(X)", "tr(X)")]
    [InlineData(@"\text{tr}(X)", "tr(X)")]
    [InlineData(@"tr \left[ \mathbf{AXB} \right]", "tr(A*X*B)")]
    [InlineData(@"\ln(\mathbf{X})", "log(X)")]
    [InlineData(@"\log\left(\mathbf{A}\mathbf{X}\right)", "log(A*X)")]
    [InlineData(@"\exp(\mathbf{X})", "exp(X)")]
    [InlineData(@"\mathbf{A} \circ \mathbf{B}", "A .* B")]
    [InlineData(@"\mathbf{A} \odot \mathbf{B}", "A .* B")]
    [InlineData(@"\mathbf{A} \oslash \mathbf{B}", "A ./ B")]
    [InlineData(@"\mathrm{diag}(\mathbf{x})", "diag(x)")]
    [InlineData(@"\mathbf{A} \, diag \, (\mathbf{x}) \mathbf{B}", "A*diag(x)*B")]
    [InlineData(@"\mathbf{1}^T \mathbf{A} \mathbf{1}", "ones'*A*ones")]
    [InlineData(@"\mathbf{I} \mathbf{A}", "I*A")]
    [InlineData(@"X_{ij}", "X[i,j]")]
    [InlineData(@"X_{i,j}", "X[i,j]")]
    [InlineData(@"x_j", "x[j]")]
    [InlineData(@"\mathbf{B}_{k:}", "B[k,:]")]
    [InlineData(@"[\mathbf{AB}]_{ik}", "(A*B)[i,k]")]
    [InlineData(@"\sum_{k} A_{ik} B_{kj}", "sum(k; A[i,k]*B[k,j])")]
    [InlineData(@"\sum_{k=1}^{n} x_k", "sum(k; x[k])")]
    [InlineData(@"\sum_{i,j} X_{ij}", "sum(i,j; X[i,j])")]
    [InlineData(@"\sum_j A_{ij} \sum_k B_{jk} C_{lk}", "sum(j; A[i,j]*sum(k; B[j,k]*C[l,k]))")]
    [InlineData(@"\frac{1}{2} \mathbf{X}", "1/2*X")]
    [InlineData(@"\frac{V_{ij}}{\sum_m A_{im} x_m}", "V[i,j]/sum(m; A[i,m]*x[m])")]
    [InlineData(@"\frac{\mathbf{V}}{\mathbf{A}\mathbf{X}}", "V ./ (A*X)")]
    [InlineData(@"\left( \mathbf{A} + \mathbf{B} \right) \cdot \mathbf{C}", "(A + B)*C")]
    [InlineData(@"\mathbf{A}^T \mathbf{1} \odot \mathbf{B} \mathbf{1}", "(A'*ones) .* (B*ones)")]
    [InlineData(@"\mathbf{AXX}^T", "A*X*X'")]
    [InlineData(@"AXX^T", "A*X*X'")]
    [InlineData(@"-2\mathbf{XH}^{T} + 2\mathbf{WHH}^{T}", "-2*X*H' + 2*W*H*H'")]
    [InlineData(@"\| \mathbf{X} - \mathbf{W} \mathbf{H} \|_F^2", "fro(X - W*H)^2")]
    [InlineData(@"\vert\vert \mathbf{X} \vert\vert_F", "fro(X)")]
    [InlineData(@"\left( X_{ik} - W_{ik} \right)^2", "(X[i,k] - W[i,k])^2")]
    [InlineData(@"\delta_{ij} A_{jk}", "I[i,j]*A[j,k]")]
    [InlineData(@"\langle \mathbf{A}, \mathbf{B} \rangle_F", "tr(A'*B)")]
    [InlineData(@"\mathbf{W}_2^T \mathbf{W}_2", "W2'*W2")]
    [InlineData(@"\left[ A_{ji} \right]_{ij}", "matrix(i,j; A[j,i])")]
    [InlineData(@"\mathbf{X}^{-1}", "X^-1")]
    [InlineData(@"\mathbf{I}^{-1}\mathbf{A}", "I^-1*A")]
    [InlineData(@"(c\mathbf{A})^{-1}", "(c*A)^-1")]
    [InlineData(@"\mathbf{X}^{-2}", "X^-2")]
    [InlineData(@"\det(\mathbf{X})", "det(X)")]
    [InlineData(@"adj(X)", "adj(X)")]
    [InlineData(@"\mathbf{X}^{-T}", "X^-1'")]
    [InlineData(@"\mathbf{A}\mathbf{X}^{-2}\mathbf{B}", "A*X^-2*B")]
    [InlineData(@"(\mathbf{X} + \mathbf{A})^{-3}", "(X + A)^-3")]
    [InlineData(@"\det(\mathbf{X})^{-2}", "det(X)^-2")]
    [InlineData(@"\mathbf{B}^T \begin{bmatrix} \mathbf{B}_{1:} \mathbf{X} \\ \vdots \\ \mathbf{B}_{K:} \mathbf{X} \end{bmatrix}", "B'*rows(k; B[k,:]*X)")]
    [InlineData(@"\sin(x_{i})", "sin(x[i])")]
    [InlineData(@"\cos X_{ij}", "cos(X[i,j])")]
    [InlineData(@"\tan(x_{i} + 1)", "tan(x[i] + 1)")]
    [InlineData(@"\sqrt{\sum_{k} x_{k} x_{k}}", "sqrt(sum(k; x[k]*x[k]))")]
    [InlineData(@"[\sin(X_{ij})]_{ij}", "matrix(i,j; sin(X[i,j]))")]
    [InlineData(@"|x_{i}|", "abs(x[i])")]
    [InlineData(@"x_{i}^{3/2}", "(x[i])^(3/2)")]
    [InlineData(@"x_{i}^{-\frac{1}{2}}", "(x[i])^(-1/2)")]
    [InlineData(@"\sqrt[3]{x_{i} + 1}", "(x[i] + 1)^(1/3)")]
    [InlineData(@"\sqrt[5]{x_{i}} x_{i}", "(x[i])^(1/5)*x[i]")]
    [InlineData(@"\sqrt[2]{x_{i}}", "sqrt(x[i])")]
    public void A_construct_reads_as_the_expression(string latex, string expected)
    {
        Assert.Equal(expected, Expression(latex));
    }

    [Theory]
    [InlineData(@"\frac{\partial f}{\partial \mathbf{X}}", "f", "X")]
    [InlineData(@"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}}", "tr(A*X*B)", "X")]
    [InlineData(@"\partial f/\partial X_{jk}", "f", "X[j,k]")]
    [InlineData(@"\partial a^TXb/\partial X", "a'*X*b", "X")]
    [InlineData(@"\partial/\partial X Tr(AXB)", "tr(A*X*B)", "X")]
    [InlineData(@"\nabla_x f", "f", "x")]
    [InlineData(@"\frac{d s^2}{d s}", "s^2", "s")]
    [InlineData(@"\frac{\mathrm{d} y}{\mathrm{d} x}", "y", "x")]
    public void A_derivative_reads_as_of_and_wrt(string latex, string of, string wrt)
    {
        var side = Assert.Single(LatexReader.Read(latex, new HashSet<string> { "s" }).Sides);
        Assert.True(side.IsDerivative);
        Assert.Null(side.Error);
        Assert.Equal(of, SyntaxPrinter.Print(side.Of!));
        Assert.Equal(wrt, SyntaxPrinter.Print(side.Wrt!));
    }

    [Fact]
    public void An_equation_reads_as_its_sides_and_a_leading_equals_continues_the_formula_before()
    {
        var chain = LatexReader.Read(@"\mathbf{A} = \mathbf{B} = \mathbf{C}");
        Assert.Equal(["A", "B", "C"], chain.Sides.Select(s => SyntaxPrinter.Print(s.Expression!)));
        Assert.False(chain.Continues);
        var continued = LatexReader.Read(@"= \mathbf{A}^T");
        Assert.True(continued.Continues);
        Assert.Equal("A'", SyntaxPrinter.Print(Assert.Single(continued.Sides).Expression!));
    }

    [Fact]
    public void Trailing_definitions_and_an_evaluation_bar_are_kept_with_the_equation()
    {
        var reading = LatexReader.Read(@"\frac{\partial\, tr(\mathbf{x}^T \mathbf{A} \mathbf{y})}{\partial \mathbf{x}}\Big|_{\mathbf{y}=\mathbf{x}} = \mathbf{A}\mathbf{x}, \quad \mathbf{G} = \mathbf{W}^T");
        Assert.Equal("y", Assert.Single(reading.Equation!.EvaluatedAt).Name.Name);
        Assert.Equal("G", Assert.Single(reading.Equation.Definitions).Name.Name);
        Assert.Equal(2, reading.Sides.Count);
    }

    [Theory]
    [InlineData(@"\sin(\mathbf{X})", "`\\sin` of what is not visibly a scalar (the matrix function; the elementwise one is written entry by entry, `[\\sin(X_{ij})]_{ij}`)", 1)]
    [InlineData(@"\sqrt{\mathbf{X}}", "`\\sqrt` of what is not visibly a scalar (the matrix function; the elementwise one is written entry by entry, `[\\sqrt(X_{ij})]_{ij}`)", 1)]
    public void What_issue_11_adds_is_not_yet_in_the_language_at_its_column(string latex, string what, int column)
    {
        var error = MappingError(latex);
        Assert.Equal(DiagnosticCodes.LatexNotYetInLanguage, error.Code);
        Assert.Equal($"{what} is not yet in the expression language", error.Message);
        Assert.Equal(column, error.Span.Start + 1);
    }

    [Theory]
    [InlineData(@"\partial X", "a differential")]
    [InlineData(@"X_{11}", "a numbered entry")]
    [InlineData(@"?", "`?` asks a question")]
    [InlineData(@"X^H", "`^H` (the conjugate transpose)")]
    [InlineData(@"X^+", "`^+` (the pseudo-inverse)")]
    [InlineData(@"\prod_i x_i", "`\\prod`")]
    [InlineData(@"\sum_{r=0}^{n} x_r", "a sum that does not start at 1")]
    [InlineData(@"\begin{bmatrix} a & b \\ c & d \end{bmatrix}", "a matrix written out entry by entry")]
    [InlineData(@"J^{ij}", "a superscript other than T")]
    [InlineData(@"X^{-n}", "a superscript other than T")]
    [InlineData(@"|X|", "`|…|`")]
    public void What_the_language_does_not_express_is_its_own_diagnostic(string latex, string message)
    {
        var error = MappingError(latex);
        Assert.Equal(DiagnosticCodes.LatexNotExpressible, error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_command_is_reported_at_its_column()
    {
        var error = ReadingError(@"\mathbf{A} + \foo{B}");
        Assert.Equal(DiagnosticCodes.LatexUnsupportedCommand, error.Code);
        Assert.Equal("unsupported LaTeX command `\\foo`", error.Message);
        Assert.Equal(14, error.Span.Start + 1);
        Assert.Equal(4, error.Span.Length);
    }

    [Theory]
    [InlineData(@"\mathbf{A} + ", "unexpected end of formula, expected an expression", 14)]
    [InlineData(@"tr \left[ \mathbf{A}", "this `[` is never closed (expected `]`)", 9)]
    [InlineData(@"X'", "a prime `'` is not read", 2)]
    [InlineData(@"x^23", "`^23` raises to the first digit only in LaTeX", 3)]
    [InlineData(@"\begin{cases} a \end{cases}", "unsupported LaTeX environment", 1)]
    public void A_formula_that_does_not_read_gets_a_located_diagnostic(string latex, string message, int column)
    {
        var error = ReadingError(latex);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Span.Start + 1);
    }

    [Fact]
    public void A_letter_run_containing_an_operator_name_is_ambiguous_not_guessed()
    {
        var error = ReadingError(@"XTr(A)");
        Assert.Equal(DiagnosticCodes.LatexAmbiguousRun, error.Code);
        Assert.Contains("`XTr`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_power_of_a_symbol_declared_scalar_is_a_scalar_power()
    {
        var side = Assert.Single(LatexReader.Read(@"s^2", new HashSet<string> { "s" }).Sides);
        Assert.Equal("s^2", SyntaxPrinter.Print(side.Expression!));
    }

    // With the entry's declared vectors (`x: n`), a row times a column is 1×1, a scalar, and the 2-norm of a
    // vector is its Euclidean norm, fro — the Cookbook's (94)–(95) and 2.6; without them, nothing is guessed.
    [Theory]
    [InlineData(@"\|x-a\|_2", "fro(x - a)")]
    [InlineData(@"\vert \vert x-a\vert \vert _2^3", "fro(x - a)^3")]
    [InlineData(@"\|x\|_2^2", "fro(x)^2")]
    [InlineData(@"\|x^T\|_2", "fro(x')")]
    [InlineData(@"\|Ax+b\|_2", "fro(A*x + b)")]
    [InlineData(@"\|x^Tx\|_2", "fro(x'*x)")]
    [InlineData(@"(x^TB^TBx)^2", "(x'*B'*B*x)^2")]
    [InlineData(@"(x^Ta)^3", "(x'*a)^3")]
    [InlineData(@"\frac{A^TAx}{x^TBBx}", "A'*A*x/(x'*B*B*x)")]
    [InlineData(@"\frac{A}{s}", "A/s")]
    public void Declared_vectors_make_a_row_times_a_column_a_scalar_and_read_the_2_norm_of_a_vector(string latex, string expected)
    {
        var reading = LatexReader.Read(latex, new HashSet<string> { "s" }, new HashSet<string> { "x", "a", "b" });
        var side = Assert.Single(reading.Sides);
        Assert.Null(side.Error);
        Assert.Equal(expected, SyntaxPrinter.Print(side.Expression!));
    }

    [Theory]
    [InlineData(@"\|x-a\|_2", "the 2-norm")]
    public void Without_declared_vectors_the_2_norm_and_a_power_of_a_product_are_not_read(string latex, string what)
    {
        var error = MappingError(latex);
        Assert.Equal(DiagnosticCodes.LatexNotYetInLanguage, error.Code);
        Assert.StartsWith(what, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\|X\|_2", "the 2-norm")]
    [InlineData(@"\|Xx^T\|_2", "the 2-norm")]
    public void A_matrix_stays_a_matrix_with_declared_vectors(string latex, string what)
    {
        var reading = LatexReader.Read(latex, null, new HashSet<string> { "x" });
        var error = reading.Sides.Select(s => s.Error).OfType<SyntaxError>().First();
        Assert.Equal(DiagnosticCodes.LatexNotYetInLanguage, error.Code);
        Assert.StartsWith(what, error.Message, StringComparison.Ordinal);
    }

    // A power reads as the language's ^n whatever its base: the binder makes it a scalar power or a matrix
    // power of a square base (and rejects (Bx)^2, whose base is a column, with TV0220).
    [Theory]
    [InlineData(@"Tr(X^2)", "tr(X^2)")]
    [InlineData(@"(x^TB)^2", "(x'*B)^2")]
    [InlineData(@"(xx^T)^2", "(x*x')^2")]
    [InlineData(@"(\mathbf{A}^T)^3", "(A')^3")]
    public void A_power_of_a_matrix_reads_as_a_matrix_power(string latex, string expected)
    {
        var side = Assert.Single(LatexReader.Read(latex, null, new HashSet<string> { "x" }).Sides);
        Assert.Null(side.Error);
        Assert.Equal(expected, SyntaxPrinter.Print(side.Expression!));
    }

    [Fact]
    public void Every_side_keeps_its_position_in_the_latex()
    {
        var reading = LatexReader.Read(@"\mathbf{A}^T \mathbf{B}");
        var node = Assert.Single(reading.Sides).Expression!;
        Assert.Equal(0, node.Span.Start);
        Assert.Equal(@"\mathbf{A}^T \mathbf{B}".Length, node.Span.Length);
    }
}
