namespace TraceVerify.Syntax.Latex;

// One LaTeX token. Letters are one token each; Adjacent says no space separates a letter from the letter
// before it, so the parser can see a plain run such as `tr` or `AXB`. Bold letters come from \mathbf{…}.
internal sealed record LatexToken(LatexTokenKind Kind, string Text, TextSpan Span, bool Bold = false, bool Adjacent = false)
{
    public string Describe() => Kind switch
    {
        LatexTokenKind.End => "end of formula",
        LatexTokenKind.Command or LatexTokenKind.Greek => $"`\\{Text}`",
        LatexTokenKind.Function => $"`{Text}`",
        LatexTokenKind.RowBreak => "`\\\\`",
        LatexTokenKind.BeginMatrix => "`\\begin{" + Text + "}`",
        LatexTokenKind.EndMatrix => "`\\end{" + Text + "}`",
        LatexTokenKind.Ones => "`\\mathbf{1}`",
        _ => $"`{Text}`",
    };
}
