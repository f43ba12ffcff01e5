using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TraceVerify.Catalog;

// A text written as one YAML scalar by YamlDotNet's own emitter, so whatever the text holds (quotes, `: `,
// `#`, newlines, control characters, a leading `-` or `&`) it reads back as exactly that text and can never
// end the scalar early or add a field. Never folded: one line, however long.
internal static class YamlScalar
{
    public static string DoubleQuoted(string text) => Write(text, ScalarStyle.DoubleQuoted);

    // Plain for a simple word that no YAML schema reads as anything but a string (`traa-9`, `tour_1.b`);
    // double-quoted otherwise (`a: b`, `yes`, `null`, `1.5`, `- x`, a newline, an empty text).
    public static string QuotedAsNeeded(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var simple = text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            && !ReservedWords.Contains(text);
        return simple ? text : DoubleQuoted(text);
    }

    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf",
    };

    private static string Write(string text, ScalarStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var yaml = writer.ToString().TrimEnd('\r', '\n');
        if (yaml.EndsWith("\n...", StringComparison.Ordinal)) yaml = yaml[..^4].TrimEnd('\r', '\n');
        // The emitter marks a document whose only content is an empty scalar with an explicit `---`.
        return yaml.StartsWith("--- ", StringComparison.Ordinal) ? yaml[4..] : yaml;
    }
}
