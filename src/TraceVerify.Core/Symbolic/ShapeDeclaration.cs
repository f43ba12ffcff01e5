using System.Globalization;

namespace TraceVerify.Symbolic;

// A declared shape: each side a dimension name or a size; `x: n` declares a column vector n×1. A side may be
// an ordered product `n*q` (the length of kron(A, B)*x for A ·×n and B ·×q, an index over it the pair (j, l)
// with j major — see Dim.Product); the same letters plainly (`x: k`) never equal such a product.
// A literal size is read by value, not by spelling: `00` and `0` are both zero and rejected, `007` is 7, and a
// size beyond int's range is rejected rather than mistaken for a dimension name. Sizes are kept in their
// normal spelling, so the binder reads `007` and `7` as the same size.
internal sealed record ShapeDeclaration(string Rows, string Columns)
{
    public static bool TryParse(string text, out ShapeDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        declaration = new ShapeDeclaration("1", "1");
        if (t is "scalar") return true;
        var parts = t.Split(['x', '×', 'X'], StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && Dimension(parts[0]) is { } length) { declaration = new ShapeDeclaration(length, "1"); return true; }
        if (parts.Length == 2 && Dimension(parts[0]) is { } rows && Dimension(parts[1]) is { } columns) { declaration = new ShapeDeclaration(rows, columns); return true; }
        return false;
    }

    private static string? Dimension(string text)
    {
        if (text.Contains('*', StringComparison.Ordinal))
        {
            var factors = text.Split('*', StringSplitOptions.TrimEntries).Select(Single).ToArray();
            return factors.All(f => f is not null) ? string.Join("*", factors) : null;
        }
        return Single(text);
    }

    private static string? Single(string text)
    {
        if (text.Length == 0) return null;
        if (text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1
                ? size.ToString(CultureInfo.InvariantCulture)
                : null;
        }
        return char.IsLetter(text[0]) && text.All(char.IsLetterOrDigit) ? text : null;
    }
}
