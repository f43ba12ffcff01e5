using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// With no paths: the working directory's identities.yaml (or identities.yml) and every `.yaml` / `.yml` file
// under identities/ — names and extensions matched in any case (`IDENTITIES.YML`, `extra.YAML`), each group in
// ordinal order; only where there is none of them, the notes' catalog embedded in this tool. So no catalog a
// user put there is skipped silently. Either way through CatalogSet: each file once, ids unique across files.
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
        {
            var files = CatalogSet.Load(chosen);
            // The text as on disk for the digest (null where the loader reports the catalog unreadable).
            return (files, CatalogDigest.Of(files.Select(f => (f.Path, RegularFile.TryRead(f.Path, out _)))));
        }
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
        var top = Directory.EnumerateFiles(".").Select(Path.GetFileName).OfType<string>()
            .Where(name => IsYaml(name) && Path.GetFileNameWithoutExtension(name).Equals("identities", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToArray();
        var more = Directory.Exists("identities")
            ? Directory.EnumerateFiles("identities").Where(IsYaml).Select(p => p.Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : [];
        return top.Length > 0 || more.Length > 0 ? [.. top, .. more] : null;
    }

    private static bool IsYaml(string path) =>
        Path.GetExtension(path).Equals(".yaml", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(path).Equals(".yml", StringComparison.OrdinalIgnoreCase);
}
