using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// With no paths: identities.yaml and identities/*.yaml in the working directory, or — where there is no
// identities.yaml — the notes' catalog embedded in this tool.
internal static class DefaultCatalogs
{
    public static IReadOnlyList<CatalogFile> Load(IReadOnlyList<string> paths)
    {
        if (paths.Count > 0) return paths.Select(CatalogLoader.Load).ToArray();
        if (File.Exists("identities.yaml"))
        {
            var more = Directory.Exists("identities")
                ? Directory.GetFiles("identities", "*.yaml").Order(StringComparer.Ordinal).Select(p => p.Replace('\\', '/'))
                : [];
            return new[] { "identities.yaml" }.Concat(more).Select(CatalogLoader.Load).ToArray();
        }
        using var stream = typeof(DefaultCatalogs).Assembly.GetManifestResourceStream("identities.yaml")
            ?? throw new InvalidOperationException("the embedded catalog is missing from this build");
        using var reader = new StreamReader(stream);
        return [CatalogLoader.Parse(reader.ReadToEnd(), "identities.yaml")];
    }
}
