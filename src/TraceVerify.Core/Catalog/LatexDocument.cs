using System.Text;
using System.Text.RegularExpressions;

namespace TraceVerify.Catalog;

// The display formulas of a LaTeX file, each with its label and where it stands, for `import --latex`:
//   \begin{equation}…\end{equation} (also equation*, across lines), \[ … \] and $$ … $$ on one line, else
//   one formula per non-blank line. The label is \label{…} or \tag{…} inside it, or `(12)` at its end; a
//   formula without one is numbered by its position. `%` comments and a final `.` or `,` are dropped.
internal static partial class LatexDocument
{
    public sealed record Formula(string Text, string Label, IReadOnlyList<(int Offset, int Line, int Column)> Segments)
    {
        public int Line => Segments[0].Line;

        // 1-based line and column in the file of an offset into Text.
        public (int Line, int Column) Locate(int offset)
        {
            var segment = Segments.Last(s => s.Offset <= offset);
            return (segment.Line, segment.Column + offset - segment.Offset);
        }
    }

    public static IReadOnlyList<Formula> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var formulas = new List<Formula>();
        var inside = false;
        var buffer = new StringBuilder();
        var segments = new List<(int, int, int)>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = StripComment(lines[n]);
            var trimmed = line.Trim();
            if (!inside && Begin().Match(line) is { Success: true } begin)
            {
                inside = true;
                buffer.Clear();
                segments.Clear();
                line = line[(begin.Index + begin.Length)..];
                Append(line, n, begin.Index + begin.Length);
            }
            else if (inside) Append(line, n, 0);
            if (inside)
            {
                var all = buffer.ToString();
                if (End().Match(all) is { Success: true } end)
                {
                    inside = false;
                    formulas.Add(Make(all[..end.Index], [.. segments], formulas.Count));
                }
                continue;
            }
            if (trimmed.Length == 0) continue;
            var start = line.IndexOf(trimmed, StringComparison.Ordinal);
            foreach (var (open, close) in new[] { (@"\[", @"\]"), ("$$", "$$") })
            {
                if (trimmed.StartsWith(open, StringComparison.Ordinal) && trimmed.EndsWith(close, StringComparison.Ordinal) && trimmed.Length >= open.Length + close.Length)
                {
                    start += open.Length;
                    trimmed = trimmed[open.Length..^close.Length];
                    break;
                }
            }
            formulas.Add(Make(trimmed, [(0, n + 1, start + 1)], formulas.Count));
        }
        return formulas;

        void Append(string part, int lineIndex, int column)
        {
            segments.Add((buffer.Length, lineIndex + 1, column + 1));
            buffer.Append(part).Append(' ');
        }
    }

    private static Formula Make(string raw, IReadOnlyList<(int, int, int)> segments, int index)
    {
        string? label = null;
        var text = raw;
        foreach (var command in new[] { LabelCommand(), TagCommand() })
        {
            if (command.Match(text) is { Success: true } m)
            {
                label ??= m.Groups[1].Value.Trim();
                text = text.Remove(m.Index, m.Length).Insert(m.Index, new string(' ', m.Length));
            }
        }
        if (label is null && TrailingNumber().Match(text) is { Success: true } number)
        {
            label = number.Groups[1].Value;
            text = text[..number.Index];
        }
        text = text.TrimEnd().TrimEnd('.', ',').TrimEnd();
        // Leading spaces stay: offsets into Text are offsets into the file's line.
        return new Formula(text, label is null ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Slug(label), segments);
    }

    private static string Slug(string label)
    {
        var slug = new string(label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (slug.StartsWith("eq-", StringComparison.Ordinal)) slug = slug[3..];
        return slug.Length == 0 ? label : slug;
    }

    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '%' && (i == 0 || line[i - 1] != '\\')) return line[..i];
        }
        return line;
    }

    [GeneratedRegex(@"\\begin\{equation\*?\}")]
    private static partial Regex Begin();

    [GeneratedRegex(@"\\end\{equation\*?\}")]
    private static partial Regex End();

    [GeneratedRegex(@"\\label\{([^}]*)\}")]
    private static partial Regex LabelCommand();

    [GeneratedRegex(@"\\tag\{([^}]*)\}")]
    private static partial Regex TagCommand();

    [GeneratedRegex(@"\s\(\s*([0-9]+[a-z]?)\s*\)\s*[.,]?\s*$")]
    private static partial Regex TrailingNumber();
}
