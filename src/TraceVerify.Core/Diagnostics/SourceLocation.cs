namespace TraceVerify.Diagnostics;

// 1-based line and column in the file a diagnostic points into; Length counts characters to underline.
internal sealed record SourceLocation(string File, int Line, int Column, int Length = 1)
{
    public override string ToString() => $"{Printable.Escape(File)}:{Line}:{Column}";
}
