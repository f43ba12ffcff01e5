using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// A read catalog: its entries, and the errors that stopped it being read at all (then Entries is empty).
internal sealed record CatalogFile(string Path, IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<Diagnostic> FatalErrors)
{
    public bool Unreadable => FatalErrors.Count > 0;
}
