namespace TraceVerify.Syntax.Latex;

// A LaTeX formula read: Errors when it does not read as LaTeX at all; otherwise its sides, each mapped to
// the expression language or with the reason it cannot be.
internal sealed record LatexReading(LatexEquation? Equation, IReadOnlyList<SyntaxError> Errors, IReadOnlyList<LatexSide> Sides)
{
    public bool Read => Equation is not null && Errors.Count == 0;

    public bool Continues => Equation?.Continues ?? false;

    // Every diagnostic, reading first, then mapping side by side.
    public IEnumerable<SyntaxError> AllErrors => Errors.Concat(Sides.Select(s => s.Error).OfType<SyntaxError>());
}
