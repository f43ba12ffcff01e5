using System.Text;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// A canonical index-form sum with positional parameters (its free indices). Built only by Of, which
// guarantees: terms sorted by Key (ordinal), no two terms share a Key (like terms merged), no zero
// coefficient. With canonically labelled terms this makes equal sums structurally equal.
internal sealed record CanonicalSum
{
    private CanonicalSum(EquatableArray<Dim> parameters, EquatableArray<CanonicalTerm> terms, string key)
    {
        Parameters = parameters;
        Terms = terms;
        Key = key;
    }

    public EquatableArray<Dim> Parameters { get; }

    public EquatableArray<CanonicalTerm> Terms { get; }

    public string Key { get; }

    public bool IsZero => Terms.Count == 0;

    public static CanonicalSum Of(IReadOnlyList<Dim> parameters, IEnumerable<CanonicalTerm> terms)
    {
        var merged = new Dictionary<string, CanonicalTerm>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            merged[term.Key] = merged.TryGetValue(term.Key, out var existing)
                ? existing with { Coefficient = existing.Coefficient + term.Coefficient }
                : term;
        }
        var sorted = merged.Values.Where(t => !t.Coefficient.IsZero).OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        var key = new StringBuilder();
        key.Append('[').AppendJoin(',', parameters.Select(p => p.ToString())).Append(']');
        foreach (var term in sorted) key.Append(term.Coefficient.ToString()).Append('·').Append(term.Key).Append(';');
        return new CanonicalSum(new EquatableArray<Dim>(parameters), new EquatableArray<CanonicalTerm>(sorted), key.ToString());
    }

    public bool Equals(CanonicalSum? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public Rational? AsConstant => Terms.Count switch
    {
        0 => Rational.Zero,
        1 when Terms[0].Factors.Count == 0 => Terms[0].Coefficient,
        _ => null,
    };
}
