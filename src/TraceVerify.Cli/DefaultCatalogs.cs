using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// With no paths: identities.yaml and identities/*.yaml in the working directory, or — where there is no
// identities.yaml — the notes' catalog embedded in this tool.
internal static class DefaultCatalogs
{
    private const string EmbeddedName = "identities.yaml";

    public static IReadOnlyList<CatalogFile> Load(IReadOnlyList<string> paths) => Read(paths).Files;

    // The catalogs and the digest of their texts (CatalogDigest), which a report carries so that shard
    // reports of different catalogs are never merged.
    public static (IReadOnlyList<CatalogFile> Files, string Digest) Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (Paths(paths) is { } chosen)
            return (chosen.Select(CatalogLoader.Load).ToArray(), CatalogDigest.Of(chosen.Select(p => (p, TryRead(p)))));
        using var stream = typeof(DefaultCatalogs).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException("the embedded catalog is missing from this build");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return ([CatalogLoader.Parse(text, EmbeddedName)], CatalogDigest.Of([(EmbeddedName, text)]));
    }

    // The catalog files to read, or null for the embedded catalog.
    private static IReadOnlyList<string>? Paths(IReadOnlyList<string> paths)
    {
        if (paths.Count > 0) return paths;
        if (!File.Exists("identities.yaml")) return null;
        var more = Directory.Exists("identities")
            ? Directory.GetFiles("identities", "*.yaml").Order(StringComparer.Ordinal).Select(p => p.Replace('\\', '/'))
            : [];
        return new[] { "identities.yaml" }.Concat(more).ToArray();
    }

    // The text as on disk for the digest; null where the loader reports the catalog unreadable.
    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
