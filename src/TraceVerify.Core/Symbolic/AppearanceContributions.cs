namespace TraceVerify.Symbolic;

// The notes' (20): ∂f/∂X as the sum over every appearance of X of the derivative with that appearance
// varying and every other appearance held constant.
internal static class AppearanceContributions
{
    public sealed record Contribution(int Number, string Appearance, CanonicalSum Derivative);

    // reversed: `layout: denominator` of a Jacobian (the derivative of a vector `of` is taken the same way).
    public static IReadOnlyList<Contribution> Of(Expr scalar, Expr variable, IReadOnlyDictionary<string, IndexVariable> freeIndices, IReadOnlyDictionary<string, string> frozen, bool reversed = false)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        var name = variable switch
        {
            SymbolExpr s => s.Name,
            EntryExpr { Target: SymbolExpr s } => s.Name,
            _ => throw new ArgumentException("the variable must be a symbol or an entry of one", nameof(variable)),
        };
        var occurrences = TopLevelTerms.Occurrences(scalar).Where(o => o.Symbol.Name == name).ToList();
        var result = new List<Contribution>();
        for (var k = 0; k < occurrences.Count; k++)
        {
            // Every other appearance becomes a held-constant copy named X~j, renamed back to X afterwards.
            var held = new Dictionary<string, string>(frozen, StringComparer.Ordinal);
            var expr = scalar;
            var others = TopLevelTerms.Occurrences(expr).Where(o => o.Symbol.Name == name).ToList();
            for (var j = others.Count - 1; j >= 0; j--)
            {
                if (j == k) continue;
                var copy = new SymbolExpr($"{name}~{j + 1}", others[j].Symbol.Shape);
                held[copy.Name] = name;
                var occurrence = TopLevelTerms.Occurrences(expr).Where(o => o.Symbol.Name == name).ElementAt(j);
                expr = occurrence.Replace(occurrence.Transposed ? new TransposeExpr(copy) : copy);
            }
            var context = new IndexFormContext(freeIndices, held);
            var appearance = occurrences[k].Transposed ? $"{name}'" : name;
            result.Add(new Contribution(k + 1, $"appearance {k + 1}: {appearance}", context.Derivative(expr, [variable], reversed)));
        }
        return result;
    }
}
