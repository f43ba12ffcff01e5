using TraceVerify.Diagnostics;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Catalog;

// A catalog entry drafted from one LaTeX formula, before shapes are inferred and it is checked:
//   ∂of/∂wrt = c₁ = c₂ …  → a derivative with claims c₁, c₂ … (none: the claim is to be derived);
//   a = b = c …           → an equality chain;  f = a (f a lone symbol used nowhere else) → a definition of a;
//   f = a = b …           → the equality a = b … (f only names the subject).
// Error says why a formula gives no entry (it does not read, a side has no expression-language form, the
// function is only named, or it continues the formula before it).
internal sealed record LatexDraft(EntryKind Kind, string? Of, string? Wrt, IReadOnlyList<string> Sides, SyntaxError? Error)
{
    public static LatexDraft Read(string latex, IReadOnlySet<string>? scalars = null)
    {
        ArgumentNullException.ThrowIfNull(latex);
        var reading = LatexReader.Read(latex, scalars);
        if (!reading.Read) return Failed(reading.Errors[0]);
        if (reading.Sides.FirstOrDefault(s => !s.Mapped) is { } unmapped) return Failed(unmapped.Error!);
        if (reading.Continues)
            return Failed(new SyntaxError(DiagnosticCodes.LatexNotExpressible, "the formula starts with `=`: it continues the formula before it, which it needs as its left side", new TextSpan(0, 1)));
        if (reading.Equation!.Definitions.Count > 0 || reading.Equation.EvaluatedAt.Count > 0)
            return Failed(new SyntaxError(DiagnosticCodes.LatexNotExpressible, "local definitions (`, G = …`) and evaluation bars (`|_{y=x}`) are not drafted; write them as `where:`/`frozen:`", reading.Equation.Span));
        var sides = reading.Sides;
        var texts = sides.Where(s => !s.IsDerivative).Select(s => SyntaxPrinter.Print(s.Expression!)).ToList();
        if (sides[0].IsDerivative)
        {
            if (sides.Skip(1).FirstOrDefault(s => s.IsDerivative) is { } another)
                return Failed(new SyntaxError(DiagnosticCodes.LatexNotExpressible, "a second derivative side: an entry states one derivative", another.Source.Span));
            var names = texts.SelectMany(t => SyntaxNames.Of(Parser.Parse(t).Node!)).ToHashSet(StringComparer.Ordinal);
            if (sides[0].Of is NameSyntax named && !names.Contains(named.Name))
                return Failed(new SyntaxError(DiagnosticCodes.LatexNotExpressible, $"the function is only named (`{named.Name}`): write what is differentiated", named.Span));
            return new LatexDraft(EntryKind.Derivative, SyntaxPrinter.Print(sides[0].Of!), SyntaxPrinter.Print(sides[0].Wrt!), texts, null);
        }
        if (sides.FirstOrDefault(s => s.IsDerivative) is { } inner)
            return Failed(new SyntaxError(DiagnosticCodes.LatexNotExpressible, "a derivative that is not the first side", inner.Source.Span));
        if (sides[0].Expression is NameSyntax subject && !texts.Skip(1).SelectMany(t => SyntaxNames.Of(Parser.Parse(t).Node!)).Contains(subject.Name))
        {
            return texts.Count switch
            {
                1 => Failed(new SyntaxError(DiagnosticCodes.LatexNotExpressible, "a lone symbol states nothing", subject.Span)),
                2 => new LatexDraft(EntryKind.Definition, null, null, [texts[1]], null),
                _ => new LatexDraft(EntryKind.Equality, null, null, texts.Skip(1).ToArray(), null),
            };
        }
        if (texts.Count < 2)
            return Failed(new SyntaxError(DiagnosticCodes.LatexNotExpressible, "one expression without `=` states no identity", reading.Equation.Span));
        return new LatexDraft(EntryKind.Equality, null, null, texts, null);
    }

    private static LatexDraft Failed(SyntaxError error) => new(EntryKind.Definition, null, null, [], error);
}
