namespace TraceVerify.Symbolic;

// A declared shape: each side a dimension name or a size; `x: n` declares a column vector n×1.
internal sealed record ShapeDeclaration(string Rows, string Columns)
{
    public static bool TryParse(string text, out ShapeDeclaration declaration)
    {
        var t = text.Trim();
        declaration = new ShapeDeclaration("1", "1");
        if (t is "scalar" or "1") return true;
        var parts = t.Split(['x', '×', 'X'], StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && IsDimension(parts[0])) { declaration = new ShapeDeclaration(parts[0], "1"); return true; }
        if (parts.Length == 2 && IsDimension(parts[0]) && IsDimension(parts[1])) { declaration = new ShapeDeclaration(parts[0], parts[1]); return true; }
        return false;
    }

    private static bool IsDimension(string text) =>
        text.Length > 0 && (text.All(char.IsAsciiDigit) && text != "0" || (char.IsLetter(text[0]) && text.All(char.IsLetterOrDigit)));
}
