using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

// `--shape "x: n"` (repeatable): one line of a catalog entry's `shapes:`, name then declaration. The
// declaration is read by the catalog's own parser (ShapeDeclaration, through EntryBinder or Declarations), so
// whatever a `shapes:` line accepts, `--shape` accepts. Null after printing why when a value has no `name:`.
internal static class CommandLineShapes
{
    public static IReadOnlyList<NamedText>? Read(IReadOnlyList<string> values)
    {
        var result = new List<NamedText>();
        foreach (var value in values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? "" : value[..colon].Trim();
            if (!EntryFieldRules.IsIdentifier(name))
            {
                Console.Error.WriteLine($"traceverify: error {DiagnosticCodes.BadCommandLineShape}: `--shape {Printable.Escape(value)}`: write a symbol, a colon and its shape, as a `shapes:` line (`x: n`, `X: m x n`, `s: scalar`)");
                return null;
            }
            if (result.Any(r => r.Name == name))
            {
                Console.Error.WriteLine($"traceverify: error {DiagnosticCodes.BadCommandLineShape}: `--shape` declares `{name}` twice");
                return null;
            }
            result.Add(new NamedText(name, new SourceText(value[(colon + 1)..].Trim(), "<shape>", 1, colon + 2)));
        }
        return result;
    }

    // The declarations for a binder of their own (`equal`); null after printing a declaration that does not read.
    public static Dictionary<string, ShapeDeclaration>? Declarations(IReadOnlyList<string> values)
    {
        if (Read(values) is not { } named) return null;
        var declared = new Dictionary<string, ShapeDeclaration>(StringComparer.Ordinal);
        foreach (var shape in named)
        {
            if (ShapeDeclaration.Read(shape.Value.Text, out var code, out var message) is not { } declaration)
            {
                // An unknown, incompatible or square-only attribute has its own code and reason (TV0250–TV0252).
                var why = code is null || code == DiagnosticCodes.BadShapeDeclaration && message!.StartsWith("write", StringComparison.Ordinal) ? "write `m x n`, `n` (a column vector) or `scalar`" : message;
                Console.Error.WriteLine($"traceverify: error {code ?? DiagnosticCodes.BadShapeDeclaration}: cannot read the shape `{Printable.Escape(shape.Value.Text)}` of `{shape.Name}`: {why}");
                return null;
            }
            declared[shape.Name] = declaration;
        }
        return declared;
    }
}
