using System.Text;
using TraceVerify.Diagnostics;

namespace TraceVerify.Reporting;

// `lint` output, like a compiler's: each diagnostic, the source line it points into (without its indentation)
// and carets under the span, then the counts.
//   identities.yaml:263:43: warning TV0301: index `m` is free here and also bound by an inner sum
//       - sum(i,j; (V[i,j] / sum(m,n; A[i,m]*X[m,n]*B[n,j])) * A[i,m]*B[n,j])
//                                ^
internal static class LintReport
{
    // sources maps a diagnostic's file to its text; a file not in it is shown without an excerpt.
    public static string Render(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string> sources)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(sources);
        var lines = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var b = new StringBuilder();
        foreach (var d in diagnostics)
        {
            b.Append(d).Append('\n');
            if (d.Location is not { } at || !sources.TryGetValue(at.File, out var source)) continue;
            if (!lines.TryGetValue(at.File, out var fileLines)) lines[at.File] = fileLines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            if (at.Line < 1 || at.Line > fileLines.Length) continue;
            var line = fileLines[at.Line - 1].Replace('\t', ' ');
            var indent = line.Length - line.TrimStart(' ').Length;
            var column = Math.Clamp(at.Column - 1, 0, line.Length);
            var trimmed = line.TrimEnd();
            var start = Math.Min(Math.Min(indent, column), trimmed.Length);
            // The excerpt is escaped like every catalog text (Printable); the caret moves with the escapes before it.
            var shown = Printable.Escape(trimmed[start..]);
            var offset = Printable.Escape(trimmed[start..Math.Min(column, trimmed.Length)]).Length + Math.Max(0, column - trimmed.Length);
            var width = Math.Max(1, Math.Min(at.Length, Math.Max(1, shown.Length - offset)));
            b.Append("    ").Append(shown).Append('\n');
            b.Append("    ").Append(' ', offset).Append('^', width).Append('\n');
        }
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        b.Append($"lint: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}\n");
        return b.ToString();
    }
}
