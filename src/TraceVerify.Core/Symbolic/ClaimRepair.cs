using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// The smallest edit of a refuted claim that makes it provably equal to the derivation: tried in order of
// size — a transpose added or removed on one factor, a sign, a coefficient, two adjacent factors swapped,
// a product reversed (its transpose), a term dropped — each accepted only when `proves` says the edited
// claim is proved (the caller re-binds and canonicalizes it, so a candidate that does not type-check, or
// only type-checks under an extra shape condition, is rejected there).
internal static class ClaimRepair
{
    public sealed record Repair(string Description, Expr Corrected, int TermIndex);

    public const int MaxCandidates = 400;

    public static Repair? Find(Expr claim, Func<Expr, bool> proves)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(proves);
        var terms = TopLevelTerms.Split(claim);
        var tried = 0;
        foreach (var (description, termIndex, edited) in Candidates(terms))
        {
            if (++tried > MaxCandidates) return null;
            var corrected = TopLevelTerms.Join(edited);
            if (proves(corrected)) return new Repair(description, corrected, termIndex + 1);
        }
        return null;
    }

    private static IEnumerable<(string, int, IReadOnlyList<Expr>)> Candidates(IReadOnlyList<Expr> terms)
    {
        IReadOnlyList<Expr> With(int k, Expr term) => terms.Select((t, j) => j == k ? term : t).ToArray();
        string Quote(Expr e) => $"`{ExprPrinter.Print(e)}`";

        for (var k = 0; k < terms.Count; k++)
        {
            foreach (var (symbol, transposed, replace) in TopLevelTerms.Occurrences(terms[k]))
            {
                Expr original = transposed ? new TransposeExpr(symbol) : symbol;
                Expr toggled = transposed ? symbol : new TransposeExpr(symbol);
                yield return ($"term {k + 1}: {Quote(original)} → {Quote(toggled)}", k, With(k, replace(toggled)));
            }
        }
        for (var k = 0; k < terms.Count; k++)
            yield return ($"term {k + 1}: sign flipped", k, With(k, TopLevelTerms.Negate(terms[k])));
        foreach (var factor in new[] { Rational.Of(2), Rational.Of(1, 2), Rational.Of(-2), Rational.Of(3), Rational.Of(1, 3) })
        {
            for (var k = 0; k < terms.Count; k++)
                yield return ($"term {k + 1}: multiplied by {factor}", k, With(k, new ScalarProduct(new NumberExpr(factor), terms[k])));
        }
        for (var k = 0; k < terms.Count; k++)
        {
            var factors = TopLevelTerms.Factors(terms[k]);
            for (var i = 0; i + 1 < factors.Count; i++)
            {
                var swapped = factors.ToList();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                yield return ($"term {k + 1}: {Quote(factors[i])} and {Quote(factors[i + 1])} swapped", k, With(k, TopLevelTerms.Product(swapped)));
            }
            if (factors.Count > 1)
            {
                var reversed = factors.Reverse().Select(f => f is TransposeExpr t ? t.Operand : new TransposeExpr(f)).ToArray();
                yield return ($"term {k + 1}: product reversed (transposed)", k, With(k, TopLevelTerms.Product(reversed)));
            }
        }
        if (terms.Count > 1)
        {
            for (var k = 0; k < terms.Count; k++)
                yield return ($"term {k + 1}: dropped", k, terms.Where((_, j) => j != k).ToArray());
        }
    }
}
