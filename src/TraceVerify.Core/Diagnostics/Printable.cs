using System.Globalization;
using System.Text;

namespace TraceVerify.Diagnostics;

// Text from a catalog made safe to print. Every character a reader cannot see, or that a terminal, a CI log
// or a text layout would act on instead of showing, is written as its code point, `U+200B`:
//   control characters (C0, DEL, C1: newline, ESC, BEL, NUL …), format characters (zero-width spaces and
//   joiners, bidi embeddings/overrides/isolates, BOM, soft hyphen), line and paragraph separators, every
//   space other than U+0020, lone surrogates, and the few letters that render as nothing (Hangul fillers).
// Invariant: the result holds none of those characters, so a catalog text can neither start a new line
// (no forged `summary:` line, no `::error::` annotation at line start) nor send a live escape sequence;
// and it is the identity on ordinary printable text.
internal static class Printable
{
    public static bool IsInvisibleOrControl(int codePoint)
    {
        if (codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x034F or 0x2800) return true;
        if (codePoint == ' ') return false;
        if (codePoint is >= 0xD800 and <= 0xDFFF) return true;
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.Surrogate => true,
            _ => false,
        };
    }

    // True when Escape would leave the text unchanged: single-line printable text.
    public static bool IsPrintable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsInvisibleOrControl(CodePointAt(text, i, out var width))) return false;
            i += width - 1;
        }
        return true;
    }

    public static string Escape(string text) => Escape(text, keepLineBreaks: false);

    // For multi-line bodies (a JUnit failure text): `\n` (and `\r\n`) and tabs stay, as the format itself
    // carries them as data; everything else is escaped as in Escape.
    public static string EscapeKeepingLines(string text) => Escape(text, keepLineBreaks: true);

    // `U+0041` for one code point.
    public static string CodePoint(int codePoint) => "U+" + codePoint.ToString(codePoint > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);

    // "А (U+0410)": a name followed by the code points of its non-ASCII characters, for telling look-alikes apart.
    public static string WithCodePoints(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var points = new List<string>();
        for (var i = 0; i < name.Length; i++)
        {
            var c = CodePointAt(name, i, out var width);
            i += width - 1;
            if (c > 0x7E) points.Add(CodePoint(c));
        }
        return points.Count == 0 ? $"`{Escape(name)}`" : $"`{Escape(name)}` ({string.Join(" ", points)})";
    }

    // A long text cut to at most `max` characters, ending in `…` when cut; the result is escaped first.
    public static string Shortened(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var escaped = Escape(text);
        if (escaped.Length <= max) return escaped;
        var cut = max - 1;
        if (char.IsHighSurrogate(escaped[cut - 1])) cut--;
        return escaped[..cut] + "…";
    }

    private static string Escape(string text, bool keepLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsPrintable(text)) return text;
        var b = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = CodePointAt(text, i, out var width);
            if (keepLineBreaks && c is '\n' or '\t') b.Append((char)c);
            else if (keepLineBreaks && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (IsInvisibleOrControl(c)) b.Append(CodePoint(c));
            else b.Append(text, i, width);
            i += width - 1;
        }
        return b.ToString();
    }

    // The code point at i (a lone surrogate is returned as itself) and how many chars it takes.
    private static int CodePointAt(string text, int i, out int width)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(text[i], text[i + 1]);
        }
        width = 1;
        return text[i];
    }
}
