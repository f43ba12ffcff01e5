using System.Globalization;
using TraceVerify.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// A declared shape: each side a dimension name or a size; `x: n` declares a column vector n×1. A side may be
// an ordered product `n*q` (the length of kron(A, B)*x for A ·×n and B ·×q, an index over it the pair (j, l)
// with j major — see Dim.Product); the same letters plainly (`x: k`) never equal such a product.
// A literal size is read by value, not by spelling: `00` and `0` are both zero and rejected, `007` is 7, and a
// size beyond int's range is rejected rather than mistaken for a dimension name. Sizes are kept in their
// normal spelling, so the binder reads `007` and `7` as the same size.
// Attributes follow the size (`W: k x k symmetric`, `D: n x n diagonal positive-definite`), or stand alone
// (`W: symmetric`: a square matrix of inferred size, SizeInferred); an attribute name is never a dimension name.
// Attributes keep what was written; MatrixAttributeNames.Closure gives what they imply.
internal sealed record ShapeDeclaration(string Rows, string Columns)
{
    public MatrixAttributes Attributes { get; init; }

    // No size was written: only the attributes (which make the matrix square) constrain its shape.
    public bool SizeInferred { get; init; }

    public bool IsSquare => SizeInferred || string.Equals(Rows, Columns, StringComparison.Ordinal);

    public static bool TryParse(string text, out ShapeDeclaration declaration)
    {
        var read = Read(text, out _, out _);
        declaration = read ?? new ShapeDeclaration("1", "1");
        return read is not null;
    }

    // The declaration, or null with the diagnostic code and message that say why it cannot be read: TV0010 an
    // unreadable size, TV0250 an unknown attribute, TV0251 incompatible attributes, TV0252 a square-only
    // attribute on a size that is not square.
    public static ShapeDeclaration? Read(string text, out string? code, out string? message)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        (code, message) = (null, null);
        // The longest leading run of words that reads as a size; the words after it are attributes.
        for (var count = words.Length; count >= 0; count--)
        {
            ShapeDeclaration? size = count == 0 ? null : Size(string.Join(' ', words[..count]));
            if (count > 0 && size is null) continue;
            if (count == 0 && (words.Length == 0 || MatrixAttributeNames.Parse(words[0]) is null))
            {
                (code, message) = (DiagnosticCodes.BadShapeDeclaration, Unreadable(words));
                return null;
            }
            var attributes = MatrixAttributes.None;
            foreach (var word in words[count..])
            {
                if (MatrixAttributeNames.Parse(word) is { } attribute)
                {
                    attributes |= attribute;
                    continue;
                }
                (code, message) = LooksLikeAttribute(word)
                    ? (DiagnosticCodes.UnknownAttribute, $"unknown attribute `{word}`; the attributes are {string.Join(", ", MatrixAttributeNames.All.Select(p => p.Name))}")
                    : (DiagnosticCodes.BadShapeDeclaration, Unreadable(words));
                return null;
            }
            var declaration = (size ?? new ShapeDeclaration("", "") { SizeInferred = true }) with { Attributes = attributes };
            if (MatrixAttributeNames.Conflict(attributes) is var (first, second, why))
            {
                (code, message) = (DiagnosticCodes.IncompatibleAttributes, $"`{first}` and `{second}` cannot be combined: {why}");
                return null;
            }
            if (attributes != MatrixAttributes.None && !declaration.IsSquare)
            {
                (code, message) = (DiagnosticCodes.AttributeNeedsSquare,
                    $"`{MatrixAttributeNames.Text(attributes)}` needs a square matrix, but the size is {declaration.Rows} x {declaration.Columns}");
                return null;
            }
            return declaration;
        }
        return null;
    }

    // The declaration as written back: "k x k symmetric", "symmetric", "scalar".
    public string Text()
    {
        var size = SizeInferred ? "" : Rows == "1" && Columns == "1" ? "scalar" : Columns == "1" ? Rows : $"{Rows} x {Columns}";
        var attributes = MatrixAttributeNames.Text(Attributes);
        return attributes.Length == 0 ? size : size.Length == 0 ? attributes : $"{size} {attributes}";
    }

    // The first number written as a size that is no size (0, or beyond int's range): `100000000000 x 3` is
    // well written, only too large, and says so rather than how to write a shape.
    private static string Unreadable(string[] words) => OutOfRangeSize(words) is { } number
        ? $"size `{number}` must be a whole number from 1 to {int.MaxValue}, or a dimension letter"
        : "write `m x n`, `n` (a column vector) or `scalar`, optionally followed by attributes";

    private static string? OutOfRangeSize(string[] words) =>
        words.SelectMany(w => w.Split(['x', '×', 'X', '*'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(p => p.All(char.IsAsciiDigit) && Single(p) is null);

    // A word that is no part of a size: a misspelt attribute rather than a broken size (`m x`, `2 x 0`).
    private static bool LooksLikeAttribute(string word) =>
        word.Length > 1 && char.IsLetter(word[0]) && word.All(c => char.IsLetter(c) || c == '-');

    private static ShapeDeclaration? Size(string t)
    {
        if (t is "scalar") return new ShapeDeclaration("1", "1");
        var parts = t.Split(['x', '×', 'X'], StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && Dimension(parts[0]) is { } length) return new ShapeDeclaration(length, "1");
        if (parts.Length == 2 && Dimension(parts[0]) is { } rows && Dimension(parts[1]) is { } columns) return new ShapeDeclaration(rows, columns);
        return null;
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
        if (MatrixAttributeNames.Parse(text) is not null) return null;
        return char.IsLetter(text[0]) && text.All(char.IsLetterOrDigit) ? text : null;
    }
}
