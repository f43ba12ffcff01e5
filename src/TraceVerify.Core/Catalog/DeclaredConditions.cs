using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Catalog;

// The whole condition an entry that breaks its declarations would need. Each TV0211 names the condition of
// one failing operation ("m = n"); binding the entry again with its declarations as mere hints shows all the
// identifications together ("m = n = 1"), which the first TV0211 then states for the whole entry.
internal static class DeclaredConditions
{
    public static BindingResult WithWholeCondition(CatalogEntry entry, BindingResult binding)
    {
        var diagnostics = binding.Diagnostics;
        var first = diagnostics.ToList().FindIndex(d => d.Code == DiagnosticCodes.DeclaredShapeViolated);
        if (first < 0 || entry.Kind is not { } kind) return binding;
        var declared = new Dictionary<string, ShapeDeclaration>(StringComparer.Ordinal);
        foreach (var shape in entry.Shapes)
        {
            if (ShapeDeclaration.TryParse(shape.Value.Text, out var declaration)) declared[shape.Name] = declaration;
        }
        var frozen = entry.Frozen.ToDictionary(f => f.Name, f => f.Value.Text.Trim(), StringComparer.Ordinal);
        if (WholeCondition(entry, kind, declared, frozen) is not { } condition) return binding;
        var diagnostic = diagnostics[first];
        if (diagnostic.Message.EndsWith("only if " + condition, StringComparison.Ordinal) || diagnostic.Message.Contains("only if " + condition + ")", StringComparison.Ordinal))
            return binding;
        var result = diagnostics.ToList();
        result[first] = diagnostic with { Message = $"{diagnostic.Message}; the whole entry type-checks only if {condition}" };
        return binding with { Diagnostics = result };
    }

    private static string? WholeCondition(CatalogEntry entry, EntryKind kind, IReadOnlyDictionary<string, ShapeDeclaration> declared, IReadOnlyDictionary<string, string> frozen)
    {
        var parsed = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var definition in entry.Where)
        {
            if (Parser.Parse(definition.Value.Text) is not { Succeeded: true } result) return null;
            parsed["where." + definition.Name] = result.Node!;
        }
        var definitions = entry.Where.ToDictionary(d => d.Name, d => (parsed["where." + d.Name], "where." + d.Name), StringComparer.Ordinal);
        var relaxed = new Binder(declared, definitions, frozen, rigidDeclarations: false);
        Expr? Bind(SourceText? text, string source)
        {
            if (text is null || Parser.Parse(text.Text) is not { Succeeded: true } result) return null;
            relaxed.CollectScalarHints(result.Node!);
            return relaxed.Bind(result.Node!, source);
        }
        var of = Bind(entry.Of, "of");
        var wrt = Bind(entry.Wrt, "wrt");
        var secondWrt = Bind(entry.SecondWrt, EntryBinder.SecondWrt);
        var sides = entry.Sides.Select((s, k) => Bind(s, EntryBinder.SideName(kind, k, entry.Sides.Count))).ToList();
        if (relaxed.Errors.Count > 0 || sides.Any(s => s is null)) return null;
        Shape? target = kind switch
        {
            EntryKind.Equality when sides.Count > 0 => relaxed.ShapeOf(sides[0]!),
            EntryKind.Derivative when of is not null && wrt is SymbolExpr or EntryExpr => DerivativeTarget.Decide(relaxed, of, new[] { wrt, secondWrt }.OfType<Expr>().ToArray(),
                entry.Layout?.Text.Trim(), entry.Of!.Text, entry.Wrt!.Text, entry.Location, entry.Location).Target,
            _ => null,
        };
        if (target is null) return null;
        foreach (var side in sides)
        {
            if (!relaxed.UnifyShapes(target, relaxed.ShapeOf(side!))) return null;
        }
        return relaxed.DeclaredIdentifications();
    }
}
