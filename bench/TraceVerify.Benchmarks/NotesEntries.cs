using TraceVerify.Catalog;

namespace TraceVerify.Benchmarks;

// Entries of the repository's identities.yaml, read and bound as the verifier reads them.
internal static class NotesEntries
{
    private static readonly Lazy<CatalogFile> Catalog = new(() => CatalogLoader.Load(RepositoryPaths.InRoot("identities.yaml")));

    public static CatalogEntry Entry(string id) => Catalog.Value.Entries.Single(e => e.Id == id);

    public static BoundEntry Bound(string id) =>
        EntryBinder.Bind(Entry(id)).Entry ?? throw new InvalidOperationException($"{id} does not bind");
}
