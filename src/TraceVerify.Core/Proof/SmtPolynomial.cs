using System.Diagnostics;
using System.Text;
using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// The expanded polynomial of a term over its atoms (constants and applications of /, log_, exp_, sqrt_),
// written back as a term in one canonical order: Σ c·a₁⋯a_k with monomials sorted by their atoms' text,
// atoms sorted within a monomial, no zero coefficients. Two terms that are equal as polynomials in the
// same atoms get the same text.
//
// SmtField uses it for the arguments of 1/u, log_(u), exp_(u), sqrt_(u) only: the expansion of the two
// sides produces the same argument in different bracketings ((A X) B against Σ_m Σ_n A X B), and Z3
// identifies (/ 1.0 p) with (/ 1.0 q) only after nonlinear reasoning that p = q (measured: 15 s on the
// notes' (26) at 2×2 against 0.05 s with one canonical argument). Expansion is exact, so the term keeps
// its value; an expansion beyond MaxMonomials is not attempted and the term is kept as it was.
internal static class SmtPolynomial
{
    public const int MaxMonomials = 4096;

    // Null when the expansion would exceed MaxMonomials.
    public static SmtTerm? Canonical(SmtTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var atoms = new Dictionary<SmtTerm, string>(ReferenceEqualityComparer.Instance);
        var expanded = new Dictionary<SmtTerm, Dictionary<string, Monomial>?>(ReferenceEqualityComparer.Instance);
        var polynomial = Expand(term, atoms, expanded);
        return polynomial is null ? null : Build(polynomial);
    }

    // A monomial coefficient·Π atoms, atoms kept sorted by text; Key is that sorted list joined.
    private sealed record Monomial(Rational Coefficient, IReadOnlyList<(string Key, SmtTerm Atom)> Atoms);

    private static Dictionary<string, Monomial>? Expand(SmtTerm term, Dictionary<SmtTerm, string> atoms, Dictionary<SmtTerm, Dictionary<string, Monomial>?> expanded)
    {
        // A DAG is expanded once per node: shared subterms would otherwise be expanded once per path.
        if (expanded.TryGetValue(term, out var known)) return known;
        Dictionary<string, Monomial>? result;
        switch (term)
        {
            case SmtNumeral numeral:
                result = Constant(numeral.Value);
                break;
            case SmtApplication { Operator: "+" } sum:
                result = Constant(Rational.Zero);
                foreach (var argument in sum.Arguments)
                {
                    result = Add(result, Expand(argument, atoms, expanded), Rational.One);
                    if (result is null) break;
                }
                break;
            case SmtApplication { Operator: "-", Arguments: [var negated] }:
                result = Add(Constant(Rational.Zero), Expand(negated, atoms, expanded), Rational.MinusOne);
                break;
            case SmtApplication { Operator: "-" } difference:
                result = Expand(difference.Arguments[0], atoms, expanded);
                foreach (var argument in difference.Arguments.Skip(1))
                {
                    result = Add(result, Expand(argument, atoms, expanded), Rational.MinusOne);
                    if (result is null) break;
                }
                break;
            case SmtApplication { Operator: "*" } product:
                result = Constant(Rational.One);
                foreach (var argument in product.Arguments)
                {
                    result = Multiply(result, Expand(argument, atoms, expanded));
                    if (result is null) break;
                }
                break;
            case SmtConstant or SmtApplication:
                if (!atoms.TryGetValue(term, out var key))
                {
                    key = term.ToSmtLib();
                    atoms[term] = key;
                }
                (string, SmtTerm)[] single = [(key, term)];
                result = new Dictionary<string, Monomial>(StringComparer.Ordinal) { [MonomialKey(single)] = new Monomial(Rational.One, single) };
                break;
            default:
                throw new UnreachableException($"no expansion rule for {term.GetType().Name}");
        }
        expanded[term] = result;
        return result;
    }

    private static Dictionary<string, Monomial> Constant(Rational value) =>
        value.IsZero
            ? new Dictionary<string, Monomial>(StringComparer.Ordinal)
            : new Dictionary<string, Monomial>(StringComparer.Ordinal) { [string.Empty] = new Monomial(value, []) };

    // a + factor·b.
    private static Dictionary<string, Monomial>? Add(Dictionary<string, Monomial>? a, Dictionary<string, Monomial>? b, Rational factor)
    {
        if (a is null || b is null) return null;
        var result = new Dictionary<string, Monomial>(a, StringComparer.Ordinal);
        foreach (var (key, monomial) in b) Accumulate(result, key, monomial.Coefficient * factor, monomial.Atoms);
        return result.Count > MaxMonomials ? null : result;
    }

    private static Dictionary<string, Monomial>? Multiply(Dictionary<string, Monomial>? a, Dictionary<string, Monomial>? b)
    {
        if (a is null || b is null) return null;
        if ((long)a.Count * b.Count > 16L * MaxMonomials) return null;
        var result = new Dictionary<string, Monomial>(StringComparer.Ordinal);
        foreach (var x in a.Values)
        {
            foreach (var y in b.Values)
            {
                var atoms = x.Atoms.Concat(y.Atoms).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
                Accumulate(result, MonomialKey(atoms), x.Coefficient * y.Coefficient, atoms);
            }
        }
        return result.Count > MaxMonomials ? null : result;
    }

    private static void Accumulate(Dictionary<string, Monomial> polynomial, string key, Rational coefficient, IReadOnlyList<(string Key, SmtTerm Atom)> atoms)
    {
        var sum = polynomial.TryGetValue(key, out var existing) ? existing.Coefficient + coefficient : coefficient;
        if (sum.IsZero) polynomial.Remove(key);
        else polynomial[key] = new Monomial(sum, atoms);
    }

    // Atom texts never contain a newline, so joining with one keeps distinct lists distinct.
    private static string MonomialKey(IReadOnlyList<(string Key, SmtTerm Atom)> atoms)
    {
        var key = new StringBuilder();
        foreach (var (text, _) in atoms) key.Append(text).Append('\n');
        return key.ToString();
    }

    private static SmtTerm Build(Dictionary<string, Monomial> polynomial)
    {
        var terms = new List<SmtTerm>();
        foreach (var (_, monomial) in polynomial.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var factors = new List<SmtTerm>();
            if (!monomial.Coefficient.IsOne || monomial.Atoms.Count == 0) factors.Add(new SmtNumeral(monomial.Coefficient));
            factors.AddRange(monomial.Atoms.Select(a => a.Atom));
            terms.Add(factors.Count == 1 ? factors[0] : new SmtApplication("*", factors));
        }
        return terms.Count switch
        {
            0 => new SmtNumeral(Rational.Zero),
            1 => terms[0],
            _ => new SmtApplication("+", terms),
        };
    }
}
