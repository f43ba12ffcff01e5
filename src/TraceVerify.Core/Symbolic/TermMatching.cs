using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Term-by-term comparison of a claim with a derivation: which claimed terms match derived terms, which
// claimed terms match none, which derived terms no claimed term covers.
internal static class TermMatching
{
    public static IReadOnlyList<string> Compare(Expr claim, CanonicalSum derived, Func<Expr, CanonicalSum> canonical, Func<CanonicalSum, string> print)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(derived);
        var remaining = derived.Terms.ToDictionary(t => t.Key, t => t.Coefficient, StringComparer.Ordinal);
        var order = derived.Terms.Select((t, k) => (t.Key, k)).ToDictionary(p => p.Key, p => p.k + 1, StringComparer.Ordinal);
        var lines = new List<string>();
        var terms = TopLevelTerms.Split(claim);
        for (var k = 0; k < terms.Count; k++)
        {
            var form = canonical(terms[k]);
            var text = ExprPrinter.Print(terms[k]);
            var matched = form.Terms.Count > 0 && form.Terms.All(t => remaining.TryGetValue(t.Key, out var c) && Covers(c, t.Coefficient));
            if (matched)
            {
                foreach (var t in form.Terms) remaining[t.Key] -= t.Coefficient;
                lines.Add($"✓ term {k + 1} `{text}` matches derived term {string.Join(", ", form.Terms.Select(t => order[t.Key]))}");
            }
            else
            {
                lines.Add($"✗ term {k + 1} `{text}` matches no derived term");
            }
        }
        foreach (var term in derived.Terms)
        {
            var left = remaining[term.Key];
            if (left.IsZero) continue;
            var missing = CanonicalSum.Of(derived.Parameters.ToArray(), [term with { Coefficient = left }], derived.Shape);
            lines.Add($"+ missing: `{print(missing)}`");
        }
        return lines;
    }

    // A claimed coefficient covers part of a derived one when both have the same sign and it is no larger.
    private static bool Covers(Rational available, Rational claimed) =>
        !claimed.IsZero && available.Sign == claimed.Sign && claimed.Abs() <= available.Abs();
}
