using TraceVerify.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// Rules on an entry's fields that the YAML shape alone does not enforce, each broken rule a located error
// (the entry is then ill-formed; nothing is silently reinterpreted):
//   an id is non-empty single-line printable text (no control, bidi or invisible characters — see Printable);
//   a name under `where:`, `frozen:` or `shapes:` is an identifier, as the expression language reads one;
//   `where:`, `frozen:` and `shapes:` do not redefine a built-in (`I`, `ones`, or a function name such as `tr`):
//   a declared `I` would silently become a general matrix, and a true identity about I could be refuted;
//   `where:` does not redefine the differentiated variable, and no name is both in `where:` and in `frozen:`;
//   `frozen:` belongs to derivatives only, names a new symbol, and its value is exactly the variable's name
//   (`Y: X` — a held-constant copy of X; `Y: X*X` would otherwise become a symbol literally named "X*X");
//   a derivative claims something: `claim: []` claims nothing and is never "proved".
internal static class EntryFieldRules
{
    private static readonly IReadOnlySet<string> Builtins = new HashSet<string>(Parser.Functions.Append("I").Append("ones"), StringComparer.Ordinal);

    public static IEnumerable<Diagnostic> Check(CatalogEntry entry, SourceLocation idLocation, SourceLocation? claimLocation)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(idLocation);
        if (entry.Id.Trim().Length == 0)
            yield return Diagnostic.Error(DiagnosticCodes.IdNotPrintable, "the id is empty: give the entry a readable id (e.g. `traa-9`)", idLocation);
        else if (!Printable.IsPrintable(entry.Id))
            yield return Diagnostic.Error(DiagnosticCodes.IdNotPrintable,
                $"the id `{Printable.Shortened(entry.Id, 80)}` is not single-line printable text: write it without control, line-break, bidi or invisible characters", idLocation);

        foreach (var (field, names) in new[] { ("where", entry.Where), ("frozen", entry.Frozen), ("shapes", entry.Shapes) })
        {
            foreach (var named in names)
            {
                if (!IsIdentifier(named.Name))
                    yield return Diagnostic.Error(DiagnosticCodes.BadDefinitionName,
                        $"`{field}:` name {Printable.WithCodePoints(named.Name)} is not a symbol name (a letter or `_`, then letters, digits or `_`)", named.Value.Start);
                else if (Builtins.Contains(named.Name))
                    yield return Diagnostic.Error(DiagnosticCodes.BuiltinRedefined, field == "shapes"
                        ? $"`shapes:` declares the built-in `{named.Name}`, which would make it a general symbol; its size is inferred from its use"
                        : $"`{field}:` redefines the built-in `{named.Name}`; choose another name", named.Value.Start);
            }
        }

        var variable = VariableName(entry);
        foreach (var definition in entry.Where)
        {
            if (variable is not null && definition.Name == variable)
                yield return Diagnostic.Error(DiagnosticCodes.VariableRedefined,
                    $"`where:` redefines `{variable}`, the variable this entry differentiates with respect to", definition.Value.Start);
            if (entry.Frozen.Any(f => f.Name == definition.Name))
                yield return Diagnostic.Error(DiagnosticCodes.NameInWhereAndFrozen,
                    $"`{Printable.Escape(definition.Name)}` is defined both in `where:` and in `frozen:`", definition.Value.Start);
        }

        foreach (var frozen in entry.Frozen)
        {
            if (entry.Kind is { } kind && kind != EntryKind.Derivative)
            {
                yield return Diagnostic.Error(DiagnosticCodes.FrozenOutsideDerivative,
                    $"`frozen:` holds the differentiated variable constant, so it belongs to derivatives only, not to a {kind.ToString().ToLowerInvariant()}", frozen.Value.Start);
                continue;
            }
            if (variable is null) continue;
            if (frozen.Name == variable)
                yield return Diagnostic.Error(DiagnosticCodes.BadFrozen,
                    $"`frozen:` name `{variable}` is the variable itself; a held-constant copy needs a new name (`{variable}0: {variable}`)", frozen.Value.Start);
            else if (frozen.Value.Text.Trim() != variable)
                yield return Diagnostic.Error(DiagnosticCodes.BadFrozen,
                    $"`frozen: {Printable.Escape(frozen.Name)}: {Printable.Shortened(frozen.Value.Text.Trim(), 60)}` — the value must be the name of the differentiated variable, `{variable}`", frozen.Value.Start);
        }

        // `layout: numerator | denominator`, for derivatives only.
        if (entry.Layout is { } layout && entry.Kind is { } entryKind && entryKind != EntryKind.Derivative)
            yield return Diagnostic.Error(DiagnosticCodes.LayoutOutsideDerivative,
                $"`layout:` orders the axes of a Jacobian, so it belongs to derivatives only, not to a {entryKind.ToString().ToLowerInvariant()}", layout.Start);
        else if (entry.Layout is { } word && word.Text.Trim() is not ("numerator" or "denominator"))
            yield return Diagnostic.Error(DiagnosticCodes.BadLayout,
                $"unknown layout `{Printable.Shortened(word.Text.Trim(), 40)}`, expected numerator (rows follow `of`) or denominator (rows follow `wrt`)", word.Start);

        if (entry.Kind == EntryKind.Derivative && claimLocation is not null && entry.Sides.Count == 0)
            yield return Diagnostic.Error(DiagnosticCodes.EmptyClaim, "`claim` is an empty list: a derivative entry must claim at least one expression", claimLocation);
    }

    // The same rule as the lexer's identifiers.
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    // `X` for `wrt: X` and for `wrt: X[j,k]`; null when there is no such leading name.
    private static string? VariableName(CatalogEntry entry)
    {
        if (entry.Kind != EntryKind.Derivative || entry.Wrt is not { } wrt) return null;
        var text = wrt.Text.Trim();
        var end = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        var name = text[..end];
        return IsIdentifier(name) ? name : null;
    }
}
