namespace TraceVerify.Catalog;

// An entry as a report names it: its catalog file and id (an id may repeat only as a TV0007 error).
internal sealed record EntryKey(string File, string Id)
{
    public override string ToString() => $"{File}: {Id}";
}
