using TraceVerify.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// Names that look alike but are different symbols: Cyrillic `А` (U+0410) beside Latin `A`, Greek `Χ` beside
// `X`, fullwidth `Ａ` beside `A`. Each name is reduced to a skeleton — every look-alike letter replaced by the
// Latin letter it imitates (a small table of the Cyrillic, Greek and fullwidth letters that render as Latin
// ones). Two different names with one skeleton in one entry get a warning naming both with their code
// points; so does one name that mixes Latin with Cyrillic or Greek letters. The entry is still checked
// (the names are legal), but the reader is told that `A` and `А` are two symbols.
internal static class ConfusableNames
{
    private static readonly IReadOnlyDictionary<char, char> LatinLookAlike = new Dictionary<char, char>
    {
        // Cyrillic
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P',
        ['С'] = 'C', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['Ѕ'] = 'S', ['І'] = 'I', ['Ј'] = 'J',
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ј'] = 'j', ['ԁ'] = 'd',
        ['ԛ'] = 'q', ['ԝ'] = 'w',
        // Greek
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M',
        ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X', ['ο'] = 'o', ['ν'] = 'v',
        ['ι'] = 'i', ['κ'] = 'k', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x',
    };

    public static IEnumerable<Diagnostic> Check(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (name, at) in Names(entry))
            first.TryAdd(name, at);

        foreach (var (name, at) in first.Where(p => IsMixedScript(p.Key)))
            yield return Diagnostic.Warning(DiagnosticCodes.ConfusableName,
                $"the name {Printable.WithCodePoints(name)} mixes Latin with Cyrillic or Greek letters that look like Latin ones", at);

        foreach (var group in first.GroupBy(p => Skeleton(p.Key), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = group.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            var at = names.Select(p => p.Value).OrderBy(l => l.Line).ThenBy(l => l.Column).Last();
            yield return Diagnostic.Warning(DiagnosticCodes.ConfusableName,
                $"the names {string.Join(" and ", names.Select(p => Printable.WithCodePoints(p.Key)))} look alike but are different symbols", at);
        }
    }

    // Every symbol name the entry uses or defines, where it is first seen. Each text is located in one pass
    // (locating every token from the text's start took time quadratic in its length: a side of 200,000 names
    // took 17 s to load), and a text too long to parse (TV0106) is not read.
    private static IEnumerable<(string Name, SourceLocation At)> Names(CatalogEntry entry)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var named in entry.Where.Concat(entry.Frozen).Concat(entry.Shapes))
        {
            if (seen.Add(named.Name)) yield return (named.Name, named.Value.Start);
        }
        var texts = entry.Where.Select(w => w.Value).Concat(entry.Frozen.Select(f => f.Value));
        if (entry.Of is { } of) texts = texts.Append(of);
        if (entry.Wrt is { } wrt) texts = texts.Append(wrt);
        if (entry.SecondWrt is { } second) texts = texts.Append(second);
        foreach (var text in texts.Concat(entry.Sides).Where(t => t.Text.Length <= Parser.MaxLength))
        {
            var (position, line, column) = (0, text.Line, text.Column);
            foreach (var token in Lexer.Tokenize(text.Text).Tokens.Where(t => t.Kind == TokenKind.Identifier))
            {
                if (!seen.Add(token.Text)) continue;
                for (; position < token.Span.Start && position < text.Text.Length; position++)
                {
                    if (text.Text[position] == '\n') { line++; column = 1; }
                    else column++;
                }
                yield return (token.Text, new SourceLocation(text.File, line, column, Math.Max(1, token.Span.Length)));
            }
        }
    }

    // The name with every look-alike letter replaced by the Latin one it imitates, and invisible characters dropped.
    public static string Skeleton(string name) => new(name.Where(c => !Printable.IsInvisibleOrControl(c)).Select(Latin).ToArray());

    private static char Latin(char c) => c switch
    {
        >= '\uFF21' and <= '\uFF3A' => (char)(c - '\uFF21' + 'A'),
        >= '\uFF41' and <= '\uFF5A' => (char)(c - '\uFF41' + 'a'),
        >= '\uFF10' and <= '\uFF19' => (char)(c - '\uFF10' + '0'),
        _ => LatinLookAlike.TryGetValue(c, out var latin) ? latin : c,
    };

    private static bool IsMixedScript(string name) =>
        name.Any(char.IsAsciiLetter) && name.Any(c => c > '\u007F' && Latin(c) != c);
}
