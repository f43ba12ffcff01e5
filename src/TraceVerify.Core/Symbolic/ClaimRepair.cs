using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// The smallest edit of a refuted claim that makes it provably equal to the derivation: tried in order of
// size — a transpose added or removed on one factor, a sign, a coefficient, two adjacent factors swapped,
// a product reversed (its transpose), a term dropped — each accepted only when `proves` says the edited
// claim is proved (the caller re-binds and canonicalizes it, so a candidate that does not type-check, or
// only type-checks under an extra shape condition, is rejected there). Then the same edit made in two terms
// at once: a misprint inside a printed Σ repeats in every term of an instance (the Cookbook's (92) at n = 2
// has its transposed first term twice), which no single edit repairs. Every candidate, single or paired,
// counts against one budget, so the search stays bounded.
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
                yield return ($"term {k + 1}: multiplied by {factor}", k, With(k, Scaled(factor, terms[k])));
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
        foreach (var paired in PairedCandidates(terms)) yield return paired;
    }

    // factor·term with the factor folded into the term's own numeric coefficient, where it has one in front or in
    // its denominator (2 · x/(2·√s) is x/√s, not 2*(x/(2*sqrt(s)))), so the suggested correction reads as a
    // reader would write it. Only the printing changes: every candidate is still proved before it is offered.
    private static Expr Scaled(Rational factor, Expr term) => term switch
    {
        NumberExpr n => new NumberExpr(n.Value * factor),
        ScalarProduct { Scalar: NumberExpr c } p => Coefficient(c.Value * factor, p.Operand),
        ScalarDivide { Operand: ScalarProduct { Scalar: NumberExpr } numerator } d => new ScalarDivide(Scaled(factor, numerator), d.Divisor),
        ScalarDivide { Divisor: ScalarProduct { Scalar: NumberExpr c } divisor } d when !c.Value.IsZero =>
            Coefficient(factor / c.Value, new ScalarDivide(d.Operand, divisor.Operand)),
        _ => new ScalarProduct(new NumberExpr(factor), term),
    };

    private static Expr Coefficient(Rational value, Expr operand) => value == Rational.One ? operand : new ScalarProduct(new NumberExpr(value), operand);

    // One edit repeated in two terms k < l: both products reversed, both signs flipped, or the same symbol's
    // transpose toggled at one occurrence in each.
    private static IEnumerable<(string, int, IReadOnlyList<Expr>)> PairedCandidates(IReadOnlyList<Expr> terms)
    {
        IReadOnlyList<Expr> With(int k, Expr first, int l, Expr second) => terms.Select((t, j) => j == k ? first : j == l ? second : t).ToArray();
        static Expr Reversed(Expr term) =>
            TopLevelTerms.Product(TopLevelTerms.Factors(term).Reverse().Select(f => f is TransposeExpr t ? t.Operand : new TransposeExpr(f)).ToArray());

        for (var k = 0; k < terms.Count; k++)
        {
            for (var l = k + 1; l < terms.Count; l++)
            {
                if (TopLevelTerms.Factors(terms[k]).Count > 1 && TopLevelTerms.Factors(terms[l]).Count > 1)
                    yield return ($"terms {k + 1} and {l + 1}: products reversed (transposed)", k, With(k, Reversed(terms[k]), l, Reversed(terms[l])));
                yield return ($"terms {k + 1} and {l + 1}: signs flipped", k, With(k, TopLevelTerms.Negate(terms[k]), l, TopLevelTerms.Negate(terms[l])));
            }
        }
        for (var k = 0; k < terms.Count; k++)
        {
            for (var l = k + 1; l < terms.Count; l++)
            {
                foreach (var (symbol, transposed, replace) in TopLevelTerms.Occurrences(terms[k]))
                {
                    foreach (var (other, otherTransposed, otherReplace) in TopLevelTerms.Occurrences(terms[l]))
                    {
                        if (other.Name != symbol.Name || otherTransposed != transposed) continue;
                        Expr toggled = transposed ? symbol : new TransposeExpr(symbol);
                        Expr otherToggled = otherTransposed ? other : new TransposeExpr(other);
                        yield return ($"terms {k + 1} and {l + 1}: `{ExprPrinter.Print(transposed ? new TransposeExpr(symbol) : symbol)}` → `{ExprPrinter.Print(toggled)}` in each", k,
                            With(k, replace(toggled), l, otherReplace(otherToggled)));
                    }
                }
            }
        }
    }
}
