using TraceVerify.Catalog;

namespace TraceVerify.Tests.Soundness;

// The shipped catalogs, read from the repository root above the test binaries.
internal static class Catalogs
{
    public static IReadOnlyList<CatalogEntry> Load(string relativePath) =>
        CatalogLoader.Load(Path.Combine(RepositoryRoot(), relativePath)).Entries;

    public static IReadOnlyList<string> All() =>
        ["identities.yaml", .. Directory.GetFiles(Path.Combine(RepositoryRoot(), "identities"), "*.yaml").Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(RepositoryRoot(), p))];

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "identities.yaml"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no identities.yaml above {AppContext.BaseDirectory}");
    }
}
