using TraceVerify.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// An expression text taken from a YAML scalar, and where its first character stands in the file, so a
// span inside the text maps to the file's line and column.
internal sealed record SourceText(string Text, string File, int Line, int Column)
{
    public SourceLocation Locate(TextSpan span)
    {
        var line = Line;
        var column = Column;
        for (var i = 0; i < span.Start && i < Text.Length; i++)
        {
            if (Text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new SourceLocation(File, line, column, Math.Max(1, span.Length));
    }

    public SourceLocation Start => new(File, Line, Column, Math.Max(1, Text.Length));
}
