namespace TraceVerify.Symbolic;

// Hands out index ids and remembers each one's range while terms are built.
internal sealed class IndexPool
{
    private readonly List<Dim> _ranges = [];

    public int Fresh(Dim range)
    {
        ArgumentNullException.ThrowIfNull(range);
        _ranges.Add(range);
        return _ranges.Count - 1;
    }

    public Dim Range(int id) => _ranges[id];

    public int Count => _ranges.Count;
}
