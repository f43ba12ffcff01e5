using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// One entry as written in a catalog, with positions. Problems found while reading it (missing fields,
// wrong types) are in Diagnostics; an entry with an error there is reported ill-formed.
internal sealed record CatalogEntry(
    string Id,
    string Eq,
    string File,
    int Line,
    int Column,
    EntryKind? Kind,
    ExpectedVerdict Expected,
    string? Title,
    string? Latex,
    string? Note,
    IReadOnlyList<SourceText> Sides,
    SourceText? Of,
    SourceText? Wrt,
    IReadOnlyList<NamedText> Where,
    IReadOnlyList<NamedText> Shapes,
    IReadOnlyList<NamedText> Frozen,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public SourceLocation Location => new(File, Line, Column);

    // `latex:` with its position, for diagnostics that point into the formula.
    public SourceText? LatexText { get; init; }

    // The second item of `wrt: [x, x]` (a second derivative); Wrt is the first.
    public SourceText? SecondWrt { get; init; }

    // `layout: numerator | denominator`: a Jacobian's rows follow `of` or `wrt`.
    public SourceText? Layout { get; init; }

    // `latex-check: "skip: <reason>"` turns the transcription check off for this entry, saying why.
    public SourceText? LatexCheck { get; init; }

    // `structured-derivative: unconstrained | symmetric`: the convention for a derivative with respect to a
    // matrix with attributes (see StructuredDerivative); without it such a derivative is rejected (TV0253).
    public SourceText? StructuredDerivative { get; init; }
}

internal sealed record NamedText(string Name, SourceText Value);
