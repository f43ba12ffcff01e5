using TraceVerify.Catalog;

namespace TraceVerify.Tests.Soundness;

// The shipped catalogs: identities.yaml and identities/*.yaml of the checkout the tests run from.
internal static class Catalogs
{
    public static IReadOnlyList<CatalogEntry> Load(string relativePath) => CatalogLoader.Load(SourceTree.Resolve(relativePath)).Entries;

    public static IReadOnlyList<string> All() =>
        ["identities.yaml", .. Directory.GetFiles(SourceTree.Resolve("identities"), "*.yaml").Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(SourceTree.Root, p))];
}
