using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Tests.Catalog;

// Which entry a LaTeX formula drafts, and why some draft none.
public class LatexDraftTests
{
    [Theory]
    [InlineData(@"\frac{\partial tr(\mathbf{AXB})}{\partial \mathbf{X}} = \mathbf{A}^T\mathbf{B}^T", "derivative", "A'*B'")]
    [InlineData(@"\frac{\partial tr(\mathbf{AXB})}{\partial \mathbf{X}}", "derivative", "")]
    [InlineData(@"tr(\mathbf{AB}) = tr(\mathbf{BA})", "equality", "tr(A*B) | tr(B*A)")]
    [InlineData(@"f = tr(\mathbf{AB}) = tr(\mathbf{BA})", "equality", "tr(A*B) | tr(B*A)")]
    [InlineData(@"f = tr(\mathbf{AXB})", "definition", "tr(A*X*B)")]
    public void A_formula_drafts_an_entry(string latex, string kind, string sides)
    {
        var draft = LatexDraft.Read(latex);
        Assert.Null(draft.Error);
        Assert.Equal(kind, draft.Kind.ToString().ToLowerInvariant());
        Assert.Equal(sides, string.Join(" | ", draft.Sides));
    }

    [Theory]
    [InlineData(@"\frac{\partial f}{\partial \mathbf{X}} = \mathbf{A}", "the function is only named (`f`)")]
    [InlineData(@"= \mathbf{A}^T", "the formula starts with `=`")]
    [InlineData(@"\mathbf{A}^T", "one expression without `=` states no identity")]
    public void A_formula_that_states_no_entry_says_why(string latex, string message)
    {
        var error = LatexDraft.Read(latex).Error;
        Assert.NotNull(error);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Code, new[] { DiagnosticCodes.LatexNotExpressible, DiagnosticCodes.LatexNotYetInLanguage });
    }
}
