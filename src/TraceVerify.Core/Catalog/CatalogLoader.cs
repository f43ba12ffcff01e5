using System.Diagnostics;
using TraceVerify.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TraceVerify.Catalog;

// Reads a YAML catalog into entries with file positions. Only a regular file is read, and at most
// RegularFile.MaxBytes of it. Every YAML document of the file is read (a second document after `---` is as
// much a part of the catalog as the first); each must be a list of entries.
//
// A YAML syntax error does not lose the whole file: the file is re-read one top-level list item at a time
// (an item starts at a line beginning with `-`), so every item that parses is still checked and the broken
// one becomes an ill-formed entry pointing at the error. Each item is parsed on its own text alone and its
// positions are shifted by its first line afterwards, so recovery costs one pass over the file, not one
// pass per item.
internal static class CatalogLoader
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "id", "eq", "title", "latex", "note", "kind", "lhs", "rhs", "chain", "of", "wrt", "claim", "expr",
        "where", "shapes", "frozen", "expect", "latex-check", "layout", "structured-derivative",
    };

    public static CatalogFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (RegularFile.TryRead(path, out var problem) is not { } text)
            return new CatalogFile(path, [], [Diagnostic.Error(DiagnosticCodes.FileUnreadable, $"cannot read the catalog: {problem}", new SourceLocation(path, 1, 1))]);
        return Parse(text, path);
    }

    public static CatalogFile Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var roots = ReadRoots(text);
            if (roots.Count == 0) return new CatalogFile(path, [], [Diagnostic.Error(DiagnosticCodes.NotAList, "the catalog is empty: expected a list of entries", new SourceLocation(path, 1, 1))]);
            var entries = new List<CatalogEntry>();
            foreach (var (root, document) in roots.Select((r, k) => (r, k)))
            {
                if (root is not YamlSequenceNode list)
                {
                    var which = roots.Count == 1 ? "" : $" (in YAML document {document + 1} of {roots.Count})";
                    return new CatalogFile(path, [], [Diagnostic.Error(DiagnosticCodes.NotAList, $"expected a list of entries (`- id: …`) at the top level{which}", Location(path, root.Start))]);
                }
                entries.AddRange(list.Children.Select(node => ReadEntry(node, path)));
            }
            return new CatalogFile(path, MarkDuplicates(entries), []);
        }
        catch (Exception e) when (IsYamlFailure(e))
        {
            return Recover(text, path);
        }
    }

    // The root of every document that has content; a document that is only `---` (or only comments) has none.
    private static List<YamlNode> ReadRoots(string text)
    {
        CheckNesting(text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).Where(r => !IsEmptyDocument(r)).ToList();
    }

    // Lists and mappings nested inside one another at most this deep (a catalog needs four): YamlDotNet builds
    // its node tree recursively (a line of 4 million `- ` overflowed even the 256 MiB stack and killed the
    // process) and scans flow collections in time quadratic in their depth (100,000 `[` took 27 s).
    public const int MaxNesting = 64;

    // One pass of YamlDotNet's scanner, stopped at the first collection nested deeper than MaxNesting: so each
    // token costs at most MaxNesting steps. Throws a YamlException there, which every reader turns into a
    // located TV0001 (and recovery into an ill-formed entry, the file's other entries still checked).
    private static void CheckNesting(string text)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var depth = 0;
        while (scanner.MoveNext())
        {
            switch (scanner.Current)
            {
                case YamlDotNet.Core.Tokens.BlockSequenceStart or YamlDotNet.Core.Tokens.BlockMappingStart
                    or YamlDotNet.Core.Tokens.FlowSequenceStart or YamlDotNet.Core.Tokens.FlowMappingStart:
                    if (++depth > MaxNesting)
                    {
                        throw new YamlException(scanner.Current.Start, scanner.Current.End,
                            $"lists and mappings nested more than {MaxNesting} levels deep; a catalog entry needs a few");
                    }
                    break;
                case YamlDotNet.Core.Tokens.BlockEnd or YamlDotNet.Core.Tokens.FlowSequenceEnd or YamlDotNet.Core.Tokens.FlowMappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private static bool IsEmptyDocument(YamlNode root) =>
        root is YamlScalarNode { Value: null or "" } scalar && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;

    private static CatalogFile Recover(string text, string path)
    {
        var lines = text.Split('\n');
        var starts = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith('-')).ToList();
        if (starts.Count == 0)
        {
            var error = FirstYamlError(text, path, 0);
            return new CatalogFile(path, [], [error]);
        }
        var entries = new List<CatalogEntry>();
        if (starts[0] > 0 && lines[..starts[0]].Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
        {
            // Text before the first item that is not a comment: if it is broken, say so rather than drop it.
            var head = string.Join('\n', lines[..starts[0]]);
            if (!ParsesAsYaml(head)) entries.Add(Broken($"{Path.GetFileName(path)}:1", path, 1, 1, FirstYamlError(head, path, 0)));
        }
        for (var k = 0; k < starts.Count; k++)
        {
            var from = starts[k];
            var to = k + 1 < starts.Count ? starts[k + 1] : lines.Length;
            var chunk = string.Join('\n', lines[from..to]);
            try
            {
                foreach (var root in ReadRoots(chunk))
                {
                    if (root is YamlSequenceNode item) entries.AddRange(item.Children.Select(c => Shifted(ReadEntry(c, path), from)));
                }
            }
            catch (Exception e) when (IsYamlFailure(e))
            {
                var error = FirstYamlError(chunk, path, from);
                var id = lines[from..to].Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("- id:", StringComparison.Ordinal) || l.StartsWith("id:", StringComparison.Ordinal));
                var name = id is null ? $"{Path.GetFileName(path)}:{from + 1}" : id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('"', '\'');
                entries.Add(Broken(name, path, from + 1, 1, error));
            }
        }
        return new CatalogFile(path, MarkDuplicates(entries), []);
    }

    private static bool ParsesAsYaml(string text)
    {
        try
        {
            ReadRoots(text);
            return true;
        }
        catch (Exception e) when (IsYamlFailure(e))
        {
            return false;
        }
    }

    // An entry read from a text that starts `lines` lines into the file, moved to its place in the file.
    private static CatalogEntry Shifted(CatalogEntry entry, int lines)
    {
        SourceText Move(SourceText t) => t with { Line = t.Line + lines };
        NamedText MoveNamed(NamedText n) => n with { Value = Move(n.Value) };
        return entry with
        {
            Line = entry.Line + lines,
            Sides = entry.Sides.Select(Move).ToArray(),
            Of = entry.Of is null ? null : Move(entry.Of),
            Wrt = entry.Wrt is null ? null : Move(entry.Wrt),
            SecondWrt = entry.SecondWrt is null ? null : Move(entry.SecondWrt),
            Layout = entry.Layout is null ? null : Move(entry.Layout),
            Where = entry.Where.Select(MoveNamed).ToArray(),
            Shapes = entry.Shapes.Select(MoveNamed).ToArray(),
            Frozen = entry.Frozen.Select(MoveNamed).ToArray(),
            Diagnostics = entry.Diagnostics.Select(d => d.Location is { } at ? d with { Location = at with { Line = at.Line + lines } } : d).ToArray(),
        };
    }

    // YamlDotNet reports some malformed flow collections as InvalidOperationException from its parser state.
    private static bool IsYamlFailure(Exception e) => e is YamlException or InvalidOperationException;

    private static Diagnostic FirstYamlError(string text, string path, int lineOffset)
    {
        try
        {
            ReadRoots(text);
            return Diagnostic.Error(DiagnosticCodes.YamlSyntax, "invalid YAML", new SourceLocation(path, 1 + lineOffset, 1));
        }
        catch (InvalidOperationException)
        {
            return Diagnostic.Error(DiagnosticCodes.YamlSyntax, "invalid YAML: an unterminated flow collection (`[` or `{` without its closing bracket)", UnclosedBracket(text, path, lineOffset));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            var location = new SourceLocation(path, (int)e.Start.Line + lineOffset, (int)e.Start.Column);
            return Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"invalid YAML: {Clean(message)}{FlowListHint(text, (int)e.Start.Line)}", location);
        }
    }

    // `wrt: [X[i,j], X[k,l]]` is not YAML (a `[` inside a flow list opens another list): say how to write it.
    private static string FlowListHint(string text, int line)
    {
        var lines = text.Split('\n');
        var at = line >= 1 && line <= lines.Length ? lines[line - 1].TrimStart(' ', '-') : "";
        return at.StartsWith("wrt:", StringComparison.Ordinal) && at.Count(c => c == '[') > 1
            ? " (quote each entry in a list: `wrt: ['X[i,j]', 'X[k,l]']`)"
            : "";
    }

    // YamlDotNet prefixes messages with its own "(Line: …)" position, which the diagnostic already gives.
    private static string Clean(string message)
    {
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    private static SourceLocation UnclosedBracket(string text, string path, int lineOffset)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0) continue;
            var value = lines[i][(colon + 2)..].TrimStart();
            if ((value.StartsWith('[') && !value.Contains(']', StringComparison.Ordinal)) || (value.StartsWith('{') && !value.Contains('}', StringComparison.Ordinal)))
                return new SourceLocation(path, i + 1 + lineOffset, lines[i].Length - value.Length + 1);
        }
        return new SourceLocation(path, 1 + lineOffset, 1);
    }

    private static CatalogEntry Broken(string id, string path, int line, int column, Diagnostic error) =>
        new(id, "", path, line, column, null, ExpectedVerdict.Holds, null, null, null, [], null, null, [], [], [], [error]);

    private static SourceLocation Location(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);

    private static List<CatalogEntry> MarkDuplicates(List<CatalogEntry> entries)
    {
        var seen = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        for (var k = 0; k < entries.Count; k++)
        {
            var entry = entries[k];
            if (string.IsNullOrEmpty(entry.Id)) continue;
            if (seen.TryGetValue(entry.Id, out var first))
            {
                var error = Diagnostic.Error(DiagnosticCodes.DuplicateId, $"duplicate id `{entry.Id}` (first used at line {first.Line})", entry.Location);
                entries[k] = entry with { Diagnostics = [.. entry.Diagnostics, error] };
            }
            else seen[entry.Id] = entry;
        }
        return entries;
    }

    private static CatalogEntry ReadEntry(YamlNode node, string path)
    {
        var diagnostics = new List<Diagnostic>();
        var at = Location(path, node.Start);
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EntryNotAMapping, "expected an entry mapping (`id: …`, `kind: …`)", at));
            return Broken($"{Path.GetFileName(path)}:{at.Line}", path, at.Line, at.Column, diagnostics[0]);
        }
        var fields = new Dictionary<string, (YamlScalarNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongFieldType, "a field name must be a plain word", Location(path, keyNode.Start)));
                continue;
            }
            if (!KnownFields.Contains(key))
            {
                var suggestion = KnownFields.OrderBy(f => EditDistance(f, key)).First();
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownField, $"unknown field `{key}` (did you mean `{suggestion}`?)", Location(path, keyNode.Start)));
                continue;
            }
            fields[key] = (scalarKey, value);
        }

        string? Scalar(string name, bool required = false)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                if (required) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingField, $"missing field `{name}`", at));
                return null;
            }
            if (field.Value is YamlScalarNode s) return s.Value ?? "";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongFieldType, $"field `{name}` must be a single value, found a {Describe(field.Value)}", Location(path, field.Value.Start)));
            return null;
        }

        SourceText? Text(string name, bool required)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                if (required) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingField, $"missing field `{name}`", at));
                return null;
            }
            return ToText(field.Value, name, path, diagnostics);
        }

        List<SourceText> Texts(string name, bool required)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                if (required) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingField, $"missing field `{name}`", at));
                return [];
            }
            if (field.Value is YamlSequenceNode seq)
                return seq.Children.Select(c => ToText(c, name, path, diagnostics)).OfType<SourceText>().ToList();
            return ToText(field.Value, name, path, diagnostics) is { } single ? [single] : [];
        }

        List<NamedText> Mapping(string name)
        {
            if (!fields.TryGetValue(name, out var field)) return [];
            if (field.Value is not YamlMappingNode m)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongFieldType, $"field `{name}` must be a mapping (`name: value`), found a {Describe(field.Value)}", Location(path, field.Value.Start)));
                return [];
            }
            var result = new List<NamedText>();
            foreach (var (k, v) in m.Children)
            {
                if (k is YamlScalarNode { Value: { } key } && ToText(v, $"{name}.{key}", path, diagnostics) is { } value) result.Add(new NamedText(key, value));
                else if (k is not YamlScalarNode) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongFieldType, $"names in `{name}` must be plain words", Location(path, k.Start)));
            }
            return result;
        }

        // `wrt: X`, or `wrt: [x, x]` (also `[X[i,j], X[k,l]]`) for a second derivative by one variable.
        (SourceText?, SourceText?) Variables()
        {
            if (!fields.TryGetValue("wrt", out var field) || field.Value is not YamlSequenceNode list) return (Text("wrt", required: true), null);
            var items = Texts("wrt", required: true);
            if (items.Count != list.Children.Count) return (null, null);
            if (items.Count is 1 or 2) return (items[0], items.Count == 2 ? items[1] : null);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadWrtList,
                $"`wrt` lists {items.Count} variables: write one (`wrt: x`) or two for a second derivative (`wrt: [x, x]`, `wrt: [X[i,j], X[k,l]]`)", Location(path, field.Value.Start)));
            return (null, null);
        }

        var id = Scalar("id", required: true) ?? $"{Path.GetFileName(path)}:{at.Line}";
        var eq = Scalar("eq") ?? "";
        var kindText = Scalar("kind", required: true);
        EntryKind? kind = kindText switch
        {
            null => null,
            "definition" => EntryKind.Definition,
            "equality" => EntryKind.Equality,
            "derivative" => EntryKind.Derivative,
            _ => null,
        };
        if (kindText is not null && kind is null)
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadKind, $"unknown kind `{kindText}`, expected definition, equality or derivative", Location(path, fields["kind"].Value.Start)));

        var expected = kind == EntryKind.Definition ? ExpectedVerdict.Definition : ExpectedVerdict.Holds;
        if (Scalar("expect") is { } expectText)
        {
            if (Expectations.TryParse(expectText, out var parsed)) expected = parsed;
            else diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadExpect, $"unknown expectation `{expectText}`, expected holds, proved, refuted, ill-formed or definition", Location(path, fields["expect"].Value.Start)));
        }

        var sides = new List<SourceText>();
        SourceText? of = null, wrt = null, secondWrt = null;
        switch (kind)
        {
            case EntryKind.Equality:
                if (fields.ContainsKey("chain"))
                {
                    sides = Texts("chain", required: true);
                    if (sides.Count < 2) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongFieldType, "`chain` needs at least two expressions", Location(path, fields["chain"].Value.Start)));
                }
                else
                {
                    var lhs = Text("lhs", required: true);
                    var rhs = Text("rhs", required: true);
                    if (lhs is not null && rhs is not null) sides = [lhs, rhs];
                }
                break;
            case EntryKind.Derivative:
                of = Text("of", required: true);
                (wrt, secondWrt) = Variables();
                sides = Texts("claim", required: true);
                break;
            case EntryKind.Definition:
                if (Text("expr", required: false) is { } expr) sides = [expr];
                break;
        }

        var entry = new CatalogEntry(id, eq, path, at.Line, at.Column, kind, expected, Scalar("title"), Scalar("latex"), Scalar("note"),
            sides, of, wrt, Mapping("where"), Mapping("shapes"), Mapping("frozen"), diagnostics)
        {
            LatexText = fields.TryGetValue("latex", out var latex) && latex.Value is YamlScalarNode ? ToText(latex.Value, "latex", path, diagnostics) : null,
            LatexCheck = fields.TryGetValue("latex-check", out var check) ? ToText(check.Value, "latex-check", path, diagnostics) : null,
            SecondWrt = secondWrt,
            Layout = fields.TryGetValue("layout", out var layout) ? ToText(layout.Value, "layout", path, diagnostics) : null,
            StructuredDerivative = fields.TryGetValue("structured-derivative", out var convention) ? ToText(convention.Value, "structured-derivative", path, diagnostics) : null,
        };
        var idAt = fields.TryGetValue("id", out var idField) ? Location(path, idField.Value.Start) : at;
        var claimAt = kind == EntryKind.Derivative && fields.TryGetValue("claim", out var claimField) ? Location(path, claimField.Value.Start) : null;
        diagnostics.AddRange(EntryFieldRules.Check(entry, idAt, claimAt));
        diagnostics.AddRange(ConfusableNames.Check(entry));
        return entry with { Diagnostics = diagnostics.ToArray() };
    }

    private static SourceText? ToText(YamlNode node, string name, string path, List<Diagnostic> diagnostics)
    {
        if (node is not YamlScalarNode scalar)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongFieldType, $"`{name}` must be an expression text, found a {Describe(node)}", Location(path, node.Start)));
            return null;
        }
        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;
        switch (scalar.Style)
        {
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted: column++; break;
            case ScalarStyle.Literal or ScalarStyle.Folded: line++; column = 1; break;
        }
        return new SourceText(scalar.Value ?? "", path, line, column);
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        YamlScalarNode => "value",
        _ => throw new UnreachableException($"no description for {node.GetType().Name}"),
    };

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        }
        return d[a.Length, b.Length];
    }
}
