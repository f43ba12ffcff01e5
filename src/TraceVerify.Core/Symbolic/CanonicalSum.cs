using System.Text;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// A canonical index-form sum with positional parameters (its free indices). Built only by Of, which
// guarantees: terms sorted by Key (ordinal), no two terms share a Key (like terms merged), no zero
// coefficient. With canonically labelled terms this makes equal sums structurally equal.
// The form of an expression carries the expression's Shape (rows × columns as dimensions) and its Key
// starts with it: the parameters of an n×1 column and a 1×n row are both [n], so without the shape a
// column would equal its own transpose. Function bodies are positional (their parameters are the
// function's arguments) and have no shape.
internal sealed record CanonicalSum
{
    private CanonicalSum(EquatableArray<Dim> parameters, EquatableArray<CanonicalTerm> terms, Shape? shape, string key)
    {
        Parameters = parameters;
        Terms = terms;
        Shape = shape;
        Key = key;
    }

    public EquatableArray<Dim> Parameters { get; }

    public Shape? Shape { get; }

    public EquatableArray<CanonicalTerm> Terms { get; }

    public string Key { get; }

    public bool IsZero => Terms.Count == 0;

    public static CanonicalSum Of(IReadOnlyList<Dim> parameters, IEnumerable<CanonicalTerm> terms, Shape? shape = null)
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
        if (shape is not null) key.Append('⟨').Append(shape.Rows.ToString()).Append('×').Append(shape.Columns.ToString()).Append('⟩');
        key.Append('[').AppendJoin(',', parameters.Select(p => p.ToString())).Append(']');
        foreach (var term in sorted) key.Append(term.Coefficient.ToString()).Append('·').Append(term.Key).Append(';');
        return new CanonicalSum(new EquatableArray<Dim>(parameters), new EquatableArray<CanonicalTerm>(sorted), shape, key.ToString());
    }

    // The same terms as the form of an expression of the given shape (or, with null, as a positional body).
    public CanonicalSum WithShape(Shape? shape) => Equals(shape, Shape) ? this : Of(Parameters, Terms, shape);

    public bool Equals(CanonicalSum? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public Rational? AsConstant => Terms.Count switch
    {
        0 => Rational.Zero,
        1 when Terms[0].Factors.Count == 0 => Terms[0].Coefficient,
        _ => null,
    };
}
