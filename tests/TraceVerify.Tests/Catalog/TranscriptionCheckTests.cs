using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Tests.Syntax.Latex;

namespace TraceVerify.Tests.Catalog;

// The `latex:` of an entry must state the entry's claim: all of the notes' fields agree (one skipped with
// its reason), and corrupted copies — a dropped transpose, a swapped factor, a changed sign, a wrong
// variable or function — are transcription mismatches that fail the gate.
public class TranscriptionCheckTests
{
    private static CatalogEntry Notes(string id) => LatexSources.NotesEntries.Single(e => e.Id == id);

    private static CatalogEntry WithLatex(string id, string latex)
    {
        var entry = Notes(id);
        return entry with { LatexText = entry.LatexText! with { Text = latex } };
    }

    private static Diagnostic Mismatch(CatalogEntry entry)
    {
        var outcome = TranscriptionCheck.Run(entry);
        Assert.Equal("mismatch", outcome.Method!.Outcome);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.True(TranscriptionCheck.FailsGate(diagnostic));
        return diagnostic;
    }

    [Theory]
    [MemberData(nameof(LatexSources.NotesIds), MemberType = typeof(LatexSources))]
    public void Every_latex_field_of_the_notes_agrees_with_its_entry(string id)
    {
        var outcome = TranscriptionCheck.Run(Notes(id));
        Assert.Empty(outcome.Diagnostics);
        var expected = id switch
        {
            "traa-1" or "traa-2" or "traa-3" => "reads",
            "traa-45" => "skipped",
            _ => "agrees",
        };
        Assert.Equal(expected, outcome.Method!.Outcome);
    }

    [Fact]
    public void The_misprinted_21_agrees_with_its_equally_misprinted_claim_and_stays_refuted()
    {
        var entry = Notes("traa-21");
        Assert.Equal("agrees", TranscriptionCheck.Run(entry).Method!.Outcome);
        var result = new Verifier(new VerifierOptions(1, FuzzCases: 30, UseZ3: false), [new TraceVerify.Fuzzing.FuzzMethod(30)]).Check(entry);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.True(result.MatchesExpected);
        Assert.Contains(result.Methods, m => m.Name == "latex" && m.Outcome == "agrees");
    }

    [Fact]
    public void The_skipped_45_says_why()
    {
        var method = TranscriptionCheck.Run(Notes("traa-45")).Method!;
        Assert.Equal("skipped", method.Outcome);
        Assert.StartsWith("the notes index the row vector", method.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{A} \mathbf{B}^T", "`A*B'`")]
    [InlineData("traa-17", @"\frac{\partial tr \left[ \mathbf{A} \mathbf{X} \mathbf{B} \mathbf{X} \mathbf{C}^{T} \right]}{\partial \mathbf{X}} = \mathbf{A}^{T} \mathbf{C} \mathbf{X} \mathbf{B}^{T} + \mathbf{B}^{T} \mathbf{X}^{T} \mathbf{A}^{T} \mathbf{C}", "`A'*C*X*B' + B'*X'*A'*C`")]
    [InlineData("traa-5", @"\left[\mathbf{ABC}\right]_{il} = \sum_{j} A_{ij} \left[\mathbf{BC}^{T}\right]_{jl} = \sum_{j} A_{ij} \sum_{k} B_{jk} C_{lk} = \sum_{j} \sum_{k} A_{ij} B_{jk} C_{lk}", "`(A*B*C)[i,l]`")]
    public void A_dropped_transpose_is_a_mismatch(string id, string latex, string reads)
    {
        var diagnostic = Mismatch(WithLatex(id, latex));
        Assert.Equal(DiagnosticCodes.TranscriptionMismatch, diagnostic.Code);
        Assert.Contains($"the latex has {reads}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{B}^T \mathbf{A}^T")]
    [InlineData("traa-12", @"\frac{\partial tr \left[ \mathbf{A} \mathbf{X}^T \mathbf{B} \right]}{\partial \mathbf{X}} = \mathbf{A} \mathbf{B}")]
    [InlineData("traa-8", @"\frac{\partial f}{\partial X_{jk}} = \sum_{i} A_{ij} B_{ki} = [\mathbf{AB}]_{kj}")]
    [InlineData("traa-27", @"\frac{\partial tr \left[ \mathbf{V}^T \log \left( \mathbf{A} \mathbf{X} \mathbf{B} \right) \right]}{\partial \mathbf{X}} = \mathbf{A}^T \left( \frac{\mathbf{V}}{\mathbf{A} \mathbf{B} \mathbf{X}} \right) \mathbf{B}^T")]
    public void A_swapped_factor_is_a_mismatch(string id, string latex)
    {
        Assert.Equal(DiagnosticCodes.TranscriptionMismatch, Mismatch(WithLatex(id, latex)).Code);
    }

    [Theory]
    [InlineData("traa-24", @"\frac{\partial tr\left[\left(\mathbf{X} - \mathbf{WH}\right)\left(\mathbf{X} - \mathbf{WH}\right)^{T}\right]}{\partial \mathbf{W}} = 2\mathbf{XH}^{T} + 2\mathbf{WHH}^{T}")]
    [InlineData("traa-23", @"f = tr \left[ \mathbf{X}\mathbf{X}^{T} \right] - tr \left[ \mathbf{X}\mathbf{H}^{T}\mathbf{W}^{T} \right] + tr \left[ \mathbf{W}\mathbf{H}\mathbf{X}^{T} \right] + tr \left[ \mathbf{W}\mathbf{H}\mathbf{H}^{T}\mathbf{W}^{T} \right]")]
    [InlineData("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = -\mathbf{A}^T \mathbf{B}^T")]
    public void A_changed_sign_is_a_mismatch(string id, string latex)
    {
        Assert.Equal(DiagnosticCodes.TranscriptionMismatch, Mismatch(WithLatex(id, latex)).Code);
    }

    [Fact]
    public void A_wrong_variable_is_a_mismatch()
    {
        var entry = WithLatex("traa-8", @"\frac{\partial f}{\partial X_{kj}} = \sum_{i} A_{ij} B_{ki} = [\mathbf{BA}]_{kj}");
        var diagnostic = Mismatch(entry);
        Assert.Equal(DiagnosticCodes.TranscriptionVariable, diagnostic.Code);
        Assert.Contains("with respect to `X[k,j]` where the entry has `X[j,k]`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.TranscriptionVariable, Mismatch(WithLatex("traa-31",
            @"\frac{\partial tr \left[ \mathbf{A} \, diag \left( \mathbf{x} \right) \mathbf{B} \right]}{\partial \mathbf{A}} = \left( \mathbf{A}^T \odot \mathbf{B} \right) \mathbf{1}")).Code);
    }

    [Fact]
    public void A_wrong_function_is_a_mismatch()
    {
        var diagnostic = Mismatch(WithLatex("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}^T\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{A}^T \mathbf{B}^T"));
        Assert.Equal(DiagnosticCodes.TranscriptionFunction, diagnostic.Code);
        Assert.Contains("the latex differentiates `tr(A*X'*B)` where the entry has `tr(A*X*B)`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mismatch_is_located_in_the_latex_field()
    {
        var entry = WithLatex("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{A} \mathbf{B}^T");
        var location = Mismatch(entry).Location!;
        Assert.Equal(entry.LatexText!.Line, location.Line);
        Assert.Equal(entry.LatexText.Column + entry.LatexText.Text.IndexOf(@"= \mathbf{A} \mathbf{B}", StringComparison.Ordinal) + 2, location.Column);
    }

    [Fact]
    public void More_forms_in_the_latex_than_in_the_entry_is_a_mismatch()
    {
        var diagnostic = Mismatch(WithLatex("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{A}^T \mathbf{B}^T = (\mathbf{B}\mathbf{A})^T"));
        Assert.Equal(DiagnosticCodes.TranscriptionSideCount, diagnostic.Code);
    }

    [Fact]
    public void A_latex_that_cannot_be_compared_fails_the_gate_with_the_reason()
    {
        var outcome = TranscriptionCheck.Run(WithLatex("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \|\mathbf{A}\|_2 \mathbf{A}^T \mathbf{B}^T"));
        Assert.Equal("unchecked", outcome.Method!.Outcome);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(DiagnosticCodes.TranscriptionUnreadable, diagnostic.Code);
        Assert.Contains("is not yet in the expression language (TV0123)", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(TranscriptionCheck.FailsGate(diagnostic));
    }

    [Fact]
    public void Latex_check_skip_needs_a_reason()
    {
        const string Yaml = """
            - id: skipped
              kind: derivative
              latex: '\frac{\partial tr(\mathbf{A}\mathbf{X})}{\partial \mathbf{X}} = \mathbf{A}'
              latex-check: "skip: the source prints the erratum; the claim is the correction"
              of: tr(A*X)
              wrt: X
              claim: A'
            - id: bare
              kind: derivative
              latex: '\frac{\partial tr(\mathbf{A}\mathbf{X})}{\partial \mathbf{X}} = \mathbf{A}'
              latex-check: skip
              of: tr(A*X)
              wrt: X
              claim: A'
            - id: caught
              kind: derivative
              latex: '\frac{\partial tr(\mathbf{A}\mathbf{X})}{\partial \mathbf{X}} = \mathbf{A}'
              of: tr(A*X)
              wrt: X
              claim: A'
            """;
        var entries = CatalogLoader.Parse(Yaml, "skip.yaml").Entries;
        var skipped = TranscriptionCheck.Run(entries[0]);
        Assert.Empty(skipped.Diagnostics);
        Assert.Equal(("skipped", "the source prints the erratum; the claim is the correction"), (skipped.Method!.Outcome, skipped.Method.Detail));
        Assert.Equal(DiagnosticCodes.TranscriptionBadSkip, Assert.Single(TranscriptionCheck.Run(entries[1]).Diagnostics).Code);
        var caught = TranscriptionCheck.Run(entries[2]);
        Assert.Equal(DiagnosticCodes.TranscriptionMismatch, Assert.Single(caught.Diagnostics).Code);
        Assert.Equal(17, Assert.Single(caught.Diagnostics).Location!.Line);
    }

    [Fact]
    public void Where_canonical_forms_differ_the_numeric_methods_decide()
    {
        const string Yaml = """
            - id: equal-values
              kind: equality
              latex: '\exp(\mathbf{X}) \odot \exp(\mathbf{Y}) = \exp(\mathbf{X} + \mathbf{Y})'
              lhs: exp(X + Y)
              rhs: exp(X + Y)
            - id: different-values
              kind: equality
              latex: '\exp(\mathbf{X}) \odot \exp(\mathbf{X}) = \exp(\mathbf{X} + \mathbf{Y})'
              lhs: exp(X + Y)
              rhs: exp(X + Y)
            """;
        var entries = CatalogLoader.Parse(Yaml, "numeric.yaml").Entries;
        ICheckMethod[] fuzz = [new TraceVerify.Fuzzing.FuzzMethod(40)];

        var agrees = TranscriptionCheck.Run(entries[0], fuzz, 7);
        Assert.Empty(agrees.Diagnostics);
        Assert.Equal("agrees", agrees.Method!.Outcome);
        Assert.Contains("numerically (fuzz: confirmed)", agrees.Method.Detail, StringComparison.Ordinal);

        var differs = TranscriptionCheck.Run(entries[1], fuzz, 7);
        Assert.Equal(DiagnosticCodes.TranscriptionMismatch, Assert.Single(differs.Diagnostics).Code);
        Assert.Contains("(fuzz: side 2 differs from side 1", differs.Diagnostics[0].Message, StringComparison.Ordinal);

        var withoutNumeric = TranscriptionCheck.Run(entries[0]);
        Assert.Contains("(their canonical forms differ)", Assert.Single(withoutNumeric.Diagnostics).Message, StringComparison.Ordinal);
    }

    // ∇ₓf = ∂f/∂x, the Cookbook's (69) ∂xᵀa/∂x = ∂aᵀx/∂x = a and (120) ∂/∂X Tr(X⊗X) = ∂/∂X Tr(X)Tr(X) = …:
    // one derivative must be the entry's; another function's must have the same derivative; one the language
    // cannot state is listed as not compared.
    [Fact]
    public void Several_derivatives_side_by_side_are_each_compared()
    {
        const string Yaml = """
            - id: nabla
              kind: derivative
              latex: '\nabla_x f=\partial f/\partial x=(A+A^T)x+b'
              shapes: {x: n, A: n x n, b: n}
              of: x'*A*x + b'*x
              wrt: x
              claim: (A + A')*x + b
            - id: second-is-own
              kind: derivative
              latex: '\partial x^Ta/\partial x=\partial a^Tx/\partial x=a'
              shapes: {x: n, a: n}
              of: a'*x
              wrt: x
              claim: a
            - id: other-function
              kind: derivative
              latex: '\partial/\partial x (x^TAx)=\partial/\partial x (x^TAx+c)=(A+A^T)x'
              shapes: {x: n, A: n x n}
              of: x'*A*x
              wrt: x
              claim: (A + A')*x
            - id: wrong-function
              kind: derivative
              latex: '\partial/\partial x (x^TAx)=\partial/\partial x (x^TAAx)=(A+A^T)x'
              shapes: {x: n, A: n x n}
              of: x'*A*x
              wrt: x
              claim: (A + A')*x
            - id: unstatable
              kind: derivative
              latex: '\partial/\partial X Tr(X\otimes X)=\partial/\partial X Tr(X)Tr(X)=2Tr(X)I'
              shapes: {X: n x n}
              of: tr(X)*tr(X)
              wrt: X
              claim: 2*tr(X)*I
            - id: none-is-own
              kind: derivative
              latex: '\partial/\partial X Tr(X\otimes X)=\partial/\partial X Tr(XX)=2Tr(X)I'
              shapes: {X: n x n}
              of: tr(X)*tr(X)
              wrt: X
              claim: 2*tr(X)*I
            - id: other-variable
              kind: derivative
              latex: '\partial x^Ta/\partial x=\partial a^Tx/\partial a=a'
              shapes: {x: n, a: n}
              of: x'*a
              wrt: x
              claim: a
            """;
        var entries = CatalogLoader.Parse(Yaml, "heads.yaml").Entries;
        ICheckMethod[] fuzz = [new TraceVerify.Fuzzing.FuzzMethod(40)];
        TranscriptionCheck.Outcome Run(int k) => TranscriptionCheck.Run(entries[k], fuzz, 7);

        foreach (var k in new[] { 0, 1, 2, 4 })
        {
            Assert.Empty(Run(k).Diagnostics);
            Assert.Equal("agrees", Run(k).Method!.Outcome);
        }
        Assert.Contains("`f` names the function", Run(0).Method!.Detail, StringComparison.Ordinal);
        Assert.Contains("∂(x'*A*x + c)/∂x the same derivative", Run(2).Method!.Detail, StringComparison.Ordinal);
        // Tr(X ⊗ X) is in the language (issue 11): its derivative is compared too.
        Assert.DoesNotContain("not compared", Run(4).Method!.Detail, StringComparison.Ordinal);

        var wrong = Assert.Single(Run(3).Diagnostics);
        Assert.Equal(DiagnosticCodes.TranscriptionFunction, wrong.Code);
        Assert.Contains("the latex states ∂(x'*A*A*x)/∂x = ∂(x'*A*x)/∂x, which does not hold", wrong.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.TranscriptionFunction, Assert.Single(Run(5).Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.TranscriptionVariable, Assert.Single(Run(6).Diagnostics).Code);
    }

    [Fact]
    public void A_mismatch_is_shown_in_every_report_format()
    {
        var entry = WithLatex("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{A} \mathbf{B}^T");
        var result = new Verifier(new VerifierOptions(1, UseZ3: false), []).Check(entry);
        var report = new Report("traceverify", "0.0.0", 1, ["identities.yaml"], [result], null);
        Func<Report, string>[] formats =
        [
            TraceVerify.Reporting.TextReport.Render, TraceVerify.Reporting.JsonReport.Render, TraceVerify.Reporting.JUnitReport.Render,
            TraceVerify.Reporting.SarifReport.Render, TraceVerify.Reporting.MarkdownReport.Render, TraceVerify.Reporting.HtmlReport.Render,
        ];
        Assert.All(formats, render => Assert.Contains("TV0310", render(report), StringComparison.Ordinal));
    }

    [Fact]
    public void A_mismatch_fails_the_gate_even_when_the_verdict_is_the_expected_one()
    {
        var entry = WithLatex("traa-9", @"\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{A} \mathbf{B}^T");
        var result = new Verifier(new VerifierOptions(1, UseZ3: false), []).Check(entry);
        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.False(result.MatchesExpected);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranscriptionMismatch);
        Assert.Contains(result.Methods, m => m.Name == "latex" && m.Outcome == "mismatch");
    }

    // Every transpose of every compared latex field, dropped one at a time, is caught (or makes the latex
    // uncomparable) — except the one inside (18)'s intermediate sum of derivatives, a form the language cannot
    // state, which the check reports as "not compared".
    [Fact]
    public void Every_single_dropped_transpose_in_the_notes_is_caught()
    {
        var survivors = new List<string>();
        var tried = 0;
        foreach (var entry in LatexSources.NotesEntries.Where(e => e.Id is not ("traa-1" or "traa-2" or "traa-3" or "traa-45")))
        {
            var latex = entry.LatexText!.Text;
            foreach (var mark in new[] { "^{T}", "^T" })
            {
                for (var at = latex.IndexOf(mark, StringComparison.Ordinal); at >= 0; at = latex.IndexOf(mark, at + 1, StringComparison.Ordinal))
                {
                    tried++;
                    var corrupted = entry with { LatexText = entry.LatexText with { Text = latex.Remove(at, mark.Length) } };
                    if (TranscriptionCheck.Run(corrupted).Diagnostics.Count == 0) survivors.Add($"{entry.Id} at {at}");
                }
            }
        }
        Assert.True(tried > 50, $"only {tried} transposes tried");
        var intermediate = Notes("traa-18").LatexText!.Text;
        const string Middle = @"\mathbf{E} \mathbf{X} \mathbf{C}";
        Assert.Equal([$"traa-18 at {intermediate.IndexOf(Middle + "^T", StringComparison.Ordinal) + Middle.Length}"], survivors);
        Assert.Contains("not compared: an intermediate form", TranscriptionCheck.Run(Notes("traa-18")).Method!.Detail, StringComparison.Ordinal);
    }
}
