namespace TraceVerify.Symbolic;

// The index labels of one canonical term as printing sees them: label l < P is parameter l with the role
// the caller gave it, the rest are the term's bound indices. Every label has a name — free ones the one
// their role gives, the others fresh names that shadow nothing visible — used wherever the label must be
// written by name (a binder, an entry, a named parameter of a function body).
internal sealed class TermLabels
{
    private readonly Dim[] _ranges;
    private readonly LabelKind[] _kinds;
    private readonly string[] _names;

    public TermLabels(CanonicalTerm term, IReadOnlyList<Dim> parameters, IReadOnlyList<ParameterRole> roles, FormScope scope)
    {
        Term = term;
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(scope);
        ParameterCount = parameters.Count;
        var count = parameters.Count + term.BoundRanges.Count;
        _ranges = [.. parameters, .. term.BoundRanges];
        _kinds = new LabelKind[count];
        _names = new string[count];
        var given = roles.OfType<NamedRole>().Select(r => r.Name).ToArray();
        var unnamed = new List<int>();
        for (var l = 0; l < count; l++)
        {
            if (l >= parameters.Count)
            {
                _kinds[l] = LabelKind.Bound;
                unnamed.Add(l);
                continue;
            }
            switch (roles[l])
            {
                case RowRole: _kinds[l] = LabelKind.Row; Row = l; unnamed.Add(l); break;
                case ColumnRole: _kinds[l] = LabelKind.Column; Column = l; unnamed.Add(l); break;
                case NamedRole n: _kinds[l] = LabelKind.Free; _names[l] = n.Name; break;
                default: throw new System.Diagnostics.UnreachableException($"no label kind for {roles[l].GetType().Name}");
            }
        }
        var fresh = scope.FreshNames(unnamed.Count, given);
        for (var k = 0; k < unnamed.Count; k++) _names[unnamed[k]] = fresh[k];
    }

    public CanonicalTerm Term { get; }

    public int Count => _ranges.Length;

    // Whether the text around `factor` pins the label's range: a free index (the binder shares it) and the
    // printed row and column (the caller's context, or the sum's own anchor, pins them) always, a bound
    // index through another factor.
    public bool IsPinnedBesides(int label, Factor factor) => Kind(label) switch
    {
        LabelKind.Free or LabelKind.Row or LabelKind.Column => true,
        _ => Pinning.IsPinned(Term.Factors.Where(f => !f.Equals(factor)), label),
    };

    public int ParameterCount { get; }

    public int? Row { get; }

    public int? Column { get; }

    public Dim Range(int label) => _ranges[label];

    public LabelKind Kind(int label) => _kinds[label];

    public string Name(int label) => _names[label];

    public IReadOnlyList<string> Names => _names;

    public IndexVariable Variable(int label) => new(_names[label], _ranges[label]);

    public IReadOnlyDictionary<string, Dim> FreeIndices() =>
        Enumerable.Range(0, Count).Where(l => _kinds[l] == LabelKind.Free).ToDictionary(l => _names[l], l => _ranges[l], StringComparer.Ordinal);
}
