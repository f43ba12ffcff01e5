using TraceVerify.Diagnostics;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// The binder's rules for hypotheses (`shapes:` attributes) beyond reading one declaration:
//   attributes belong to the entry's symbols, not to `where:` or `frozen:` names (a definition's value is fixed
//   by its text, a frozen copy takes its variable's attributes) — TV0254;
//   `structured-derivative:` is `unconstrained` or `symmetric` (TV0030), and only means something for a
//   derivative with respect to a structured variable (otherwise a warning, TV0031);
//   a derivative with respect to a matrix constrained to a proper subspace or manifold (every attribute but
//   `square` and the open condition `invertible`) states which convention it means, or is rejected (TV0253).
internal static class Hypotheses
{
    private const MatrixAttributes OpenConditions = MatrixAttributes.Square | MatrixAttributes.Invertible;

    public static IEnumerable<Diagnostic> CheckPlacement(CatalogEntry entry, IReadOnlyDictionary<string, ShapeDeclaration> declared)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var shape in entry.Shapes)
        {
            if (!declared.TryGetValue(shape.Name, out var declaration) || declaration.Attributes == MatrixAttributes.None) continue;
            var field = entry.Where.Any(w => w.Name == shape.Name) ? "where:" : entry.Frozen.Any(f => f.Name == shape.Name) ? "frozen:" : null;
            if (field is not null)
                yield return Diagnostic.Error(DiagnosticCodes.AttributeOnDefinition,
                    $"`{shape.Name}` is a `{field}` name: attributes are hypotheses on the entry's own symbols (a definition's value is its text; a frozen copy shares its variable's attributes)", shape.Value.Start);
        }
    }

    public static StructuredDerivativeConvention? Convention(CatalogEntry entry, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (entry.StructuredDerivative is not { } text) return null;
        switch (text.Text.Trim())
        {
            case "unconstrained": return StructuredDerivativeConvention.Unconstrained;
            case "symmetric": return StructuredDerivativeConvention.Symmetric;
            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadStructuredDerivative,
                    $"`structured-derivative` is `unconstrained` (the entries as independent, then restricted) or `symmetric` (the Cookbook's G + Gᵀ − diag(G)), not `{Printable.Shortened(text.Text, 40)}`", text.Start));
                return null;
        }
    }

    // Each used symbol's attributes, closed under implication.
    public static IReadOnlyDictionary<string, MatrixAttributes> Attributes(IReadOnlyDictionary<string, ShapeDeclaration> declared, IReadOnlyDictionary<string, Shape> symbols) =>
        declared.Where(p => p.Value.Attributes != MatrixAttributes.None && symbols.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => MatrixAttributeNames.Closure(p.Value.Attributes), StringComparer.Ordinal);

    // The structure that makes a derivative convention-dependent: every attribute but the open conditions.
    public static bool IsStructured(MatrixAttributes attributes) => (attributes & ~OpenConditions) != MatrixAttributes.None;

    public static Diagnostic? CheckVariable(CatalogEntry entry, BoundEntry bound, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(bound);
        if (bound.Kind != EntryKind.Derivative || bound.VariableName is not { } variable)
            return entry.StructuredDerivative is { } unused
                ? Diagnostic.Warning(DiagnosticCodes.StructuredDerivativeUnused, "`structured-derivative` applies to derivatives only; it is ignored here", unused.Start)
                : null;
        var attributes = bound.AttributesOf(variable);
        if (!IsStructured(attributes))
            return entry.StructuredDerivative is { } unused
                ? Diagnostic.Warning(DiagnosticCodes.StructuredDerivativeUnused, $"`structured-derivative` is ignored: `{variable}` has no structure a derivative depends on", unused.Start)
                : null;
        var written = MatrixAttributeNames.Text(attributes & ~OpenConditions);
        if (bound.Convention is not { } convention)
            return Diagnostic.Error(DiagnosticCodes.StructuredVariable,
                $"the derivative with respect to `{variable}`, declared {written}, depends on a convention: state `structured-derivative: unconstrained` (its entries as independent, then restricted) or `structured-derivative: symmetric` (the Cookbook's G + Gᵀ − diag(G) for a symmetric variable)", at);
        if (convention == StructuredDerivativeConvention.Symmetric
            && (!attributes.HasFlag(MatrixAttributes.Symmetric) || attributes.HasFlag(MatrixAttributes.Diagonal) || bound.Wrt is not SymbolExpr))
            return Diagnostic.Error(DiagnosticCodes.BadStructuredDerivative,
                $"`structured-derivative: symmetric` needs a whole symmetric (not diagonal) variable; `{variable}` is declared {written}", entry.StructuredDerivative?.Start ?? at);
        return null;
    }
}
