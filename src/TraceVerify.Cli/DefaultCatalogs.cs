using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// With no paths: identities.yaml and every `.yaml` / `.yml` file under identities/ (extensions in any case:
// `.YAML` too), in ordinal order, in the working directory; or — where there is no identities.yaml — the
// notes' catalog embedded in this tool. Either way through CatalogSet: each file once, ids unique across files.
internal static class DefaultCatalogs
{
    public static IReadOnlyList<CatalogFile> Load(IReadOnlyList<string> paths)
    {
        if (paths.Count > 0) return CatalogSet.Load(paths);
        if (File.Exists("identities.yaml"))
        {
            var more = Directory.Exists("identities")
                ? Directory.EnumerateFiles("identities").Where(IsYaml).Select(p => p.Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
                : [];
            return CatalogSet.Load(new[] { "identities.yaml" }.Concat(more));
        }
        using var stream = typeof(DefaultCatalogs).Assembly.GetManifestResourceStream("identities.yaml")
            ?? throw new InvalidOperationException("the embedded catalog is missing from this build");
        using var reader = new StreamReader(stream);
        return [CatalogLoader.Parse(reader.ReadToEnd(), "identities.yaml")];
    }

    private static bool IsYaml(string path) =>
        Path.GetExtension(path).Equals(".yaml", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(path).Equals(".yml", StringComparison.OrdinalIgnoreCase);
}
