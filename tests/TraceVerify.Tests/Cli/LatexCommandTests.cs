using System.Text.Json;

namespace TraceVerify.Tests.Cli;

// LaTeX through the real binary: `new --latex`, `import --latex`, `equal --latex`, `derive --latex`, and the
// transcription check failing `check`.
public class LatexCommandTests
{
    private const string IssueExample = @"\frac{\partial \operatorname{Tr}(\mathbf{A}\mathbf{X}\mathbf{B})}{\partial \mathbf{X}} = \mathbf{A}^T\mathbf{B}^T";

    [Fact]
    public void New_latex_prints_a_checked_entry_with_the_shapes_written_out_that_checks_when_pasted()
    {
        var created = CliRunner.Invoke(CliRunner.RepositoryRoot, "new", "--latex", IssueExample, "--id", "pasted");
        Assert.True(created.ExitCode == 0, created.Output + created.Error);
        var expected = string.Join('\n',
            "- id: pasted",
            "  eq: \"\"",
            "  kind: derivative",
            "  latex: '" + IssueExample + "'",
            "  shapes:",
            "    A: m x n",
            "    B: p x m",
            "    X: n x p",
            "  of: \"tr(A*X*B)\"",
            "  wrt: \"X\"",
            "  claim: \"A'*B'\"",
            "  # checked: proved (symbolic: proved; fuzz: confirmed; latex: agrees)",
            "");
        Assert.Equal(expected, created.Output);
        var dir = Directory.CreateTempSubdirectory("tv-new-latex-").FullName;
        File.WriteAllText(Path.Combine(dir, "pasted.yaml"), created.Output);
        var check = CliRunner.Invoke(dir, "check", "pasted.yaml", "--format", "json", "--no-z3");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        using var json = JsonDocument.Parse(check.Output);
        var methods = json.RootElement.GetProperty("entries")[0].GetProperty("methods").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("outcome").GetString()!);
        Assert.Equal("agrees", methods["latex"]);
    }

    [Fact]
    public void New_latex_without_a_claim_derives_it_and_writes_it_into_the_latex()
    {
        var created = CliRunner.Invoke(CliRunner.RepositoryRoot, "new", "--latex", @"\frac{\partial tr \left[ \mathbf{A} \mathbf{X}^T \mathbf{B} \right]}{\partial \mathbf{X}}");
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("- id: new-tr-a-x-b", created.Output, StringComparison.Ordinal);
        Assert.Contains(@"{\partial \mathbf{X}} = \mathbf{B} \mathbf{A}'", created.Output, StringComparison.Ordinal);
        Assert.Contains("  claim: \"B*A\"", created.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_latex_refutes_a_wrong_formula_and_exits_1()
    {
        var created = CliRunner.Invoke(CliRunner.RepositoryRoot, "new", "--latex", @"\partial/\partial X Tr(AXBX)=A^TX^TB^T+B^TX^TA");
        Assert.Equal(1, created.ExitCode);
        Assert.Contains("# checked: refuted", created.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_latex_with_what_the_language_cannot_say_yet_is_a_located_error()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "new", "--latex", @"\frac{\partial \|\mathbf{X}\|_2}{\partial \mathbf{X}} = \mathbf{X}");
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("<latex>:1:31: error TV0123: the 2-norm", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n" + new string(' ', 34) + "^", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_latex_reads_a_square_root_and_proves_the_Cookbooks_49()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "new", "--latex", @"\frac{\partial \sqrt{\det(\mathbf{X})}}{\partial \mathbf{X}} = \frac{1}{2} \sqrt{\det(\mathbf{X})} \mathbf{X}^{-T}");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("of: \"sqrt(det(X))\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("# checked: proved (symbolic: proved; fuzz: confirmed; latex: agrees)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_latex_writes_one_checked_entry_per_equation_and_lists_the_lines_it_cannot_read()
    {
        const string Document = """
            % equations from a paper
            \begin{equation}
              \frac{\partial tr(\mathbf{A}\mathbf{X}\mathbf{B})}{\partial \mathbf{X}}
                = \mathbf{A}^T \mathbf{B}^T \label{eq:axb}
            \end{equation}
            \[ \frac{\partial tr(\mathbf{X}^T \mathbf{B} \mathbf{X})}{\partial \mathbf{X}} = \mathbf{B}\mathbf{X} + \mathbf{B}^T\mathbf{X} \tag{108} \]
            \partial \|\mathbf{X}\|_2 / \partial \mathbf{X} = \mathbf{X}   (49)
            tr(\mathbf{A}\mathbf{B}\mathbf{C}) = tr(\mathbf{C}\mathbf{A}\mathbf{B})   (7)
            \langle \mathbf{A} , \mathbf{B} \rangle = \foo(\mathbf{A})
            tr(\mathbf{A}\mathbf{B}) = tr(\mathbf{B}\mathbf{A})   (7)
            """;
        var dir = Directory.CreateTempSubdirectory("tv-import-").FullName;
        File.WriteAllText(Path.Combine(dir, "paper.tex"), Document);
        var run = CliRunner.Invoke(dir, "import", "--latex", "paper.tex", "--output", "paper.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("paper.tex:7:25: error TV0123: the 2-norm", run.Error, StringComparison.Ordinal);
        Assert.Contains("paper.tex:9:43: error TV0120: unsupported LaTeX command `\\foo`", run.Error, StringComparison.Ordinal);
        Assert.Contains("imported 4 of 6 formulas; 0 entries do not hold as written; 2 not read", run.Error, StringComparison.Ordinal);

        var catalog = File.ReadAllText(Path.Combine(dir, "paper.yaml"));
        Assert.Contains("- id: paper-axb\n  eq: \"axb\"\n  kind: derivative", catalog, StringComparison.Ordinal);
        Assert.Contains("- id: paper-108\n  eq: \"108\"", catalog, StringComparison.Ordinal);
        Assert.Contains("- id: paper-7\n  eq: \"7\"\n  kind: equality", catalog, StringComparison.Ordinal);
        Assert.Contains("- id: paper-7-2\n  eq: \"7\"", catalog, StringComparison.Ordinal);
        Assert.Contains("# not imported, (49) at line 7: error TV0123", catalog, StringComparison.Ordinal);
        Assert.Equal(4, catalog.Split("# checked: proved", StringSplitOptions.None).Length - 1);

        var check = CliRunner.Invoke(dir, "check", "paper.yaml", "--format", "json", "--no-z3");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        using var json = JsonDocument.Parse(check.Output);
        Assert.Equal(4, json.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public void Equal_and_derive_read_latex()
    {
        var equal = CliRunner.Invoke(CliRunner.RepositoryRoot, "equal", "--latex", @"tr(\mathbf{ABC})", @"\operatorname{Tr}(CAB)");
        Assert.Equal(0, equal.ExitCode);
        Assert.StartsWith("reads as: tr(A*B*C)  and  tr(C*A*B)\nproved: equal for every shape", equal.Output, StringComparison.Ordinal);

        var derive = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "--latex", @"\frac{\partial tr \left[ \mathbf{A} \mathbf{X} \mathbf{B} \right]}{\partial \mathbf{X}}");
        Assert.Equal(0, derive.ExitCode);
        Assert.Equal(
            "A'*B'\nlatex: \\frac{\\partial \\operatorname{tr}\\left( \\mathbf{A} \\mathbf{X} \\mathbf{B} \\right)}{\\partial \\mathbf{X}} = \\mathbf{A}^T \\mathbf{B}^T\n",
            derive.Output);

        var withWrt = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "--latex", @"\| \mathbf{X} - \mathbf{W}\mathbf{H} \|_F^2", "--wrt", @"\mathbf{W}");
        Assert.Equal(0, withWrt.ExitCode);
        Assert.StartsWith("2*W*H*H' - 2*X*H'", withWrt.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_fails_the_gate_on_a_transcription_mismatch_and_shows_it()
    {
        const string Catalog = """
            - id: nine
              eq: "9"
              kind: derivative
              latex: '\frac{\partial tr \left[\mathbf{A}\mathbf{X}\mathbf{B}\right]}{\partial \mathbf{X}} = \mathbf{A} \mathbf{B}^T'
              of: tr(A*X*B)
              wrt: X
              claim: A'*B'
            """;
        var dir = Directory.CreateTempSubdirectory("tv-transcription-").FullName;
        File.WriteAllText(Path.Combine(dir, "c.yaml"), Catalog);
        var run = CliRunner.Invoke(dir, "check", "c.yaml", "--no-z3");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("c.yaml:4:97: error TV0310: transcription mismatch: the latex has `A*B'` where claim has `A'*B'`", run.Output + run.Error, StringComparison.Ordinal);
    }
}
