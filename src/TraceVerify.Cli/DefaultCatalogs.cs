using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// With no paths: the working directory's identities.yaml (or identities.yml) and every `.yaml` / `.yml` file
// under identities/ — names and extensions matched in any case (`IDENTITIES.YML`, `extra.YAML`), each group in
// ordinal order; only where there is none of them, the notes' catalog embedded in this tool. So no catalog a
// user put there is skipped silently. Either way through CatalogSet: each file once, ids unique across files.
internal static class DefaultCatalogs
{
    public static IReadOnlyList<CatalogFile> Load(IReadOnlyList<string> paths)
    {
        if (paths.Count > 0) return CatalogSet.Load(paths);
        var top = Directory.EnumerateFiles(".").Select(Path.GetFileName).OfType<string>()
            .Where(name => IsYaml(name) && Path.GetFileNameWithoutExtension(name).Equals("identities", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToArray();
        var more = Directory.Exists("identities")
            ? Directory.EnumerateFiles("identities").Where(IsYaml).Select(p => p.Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (top.Length > 0 || more.Length > 0) return CatalogSet.Load(top.Concat(more));
        using var stream = typeof(DefaultCatalogs).Assembly.GetManifestResourceStream("identities.yaml")
            ?? throw new InvalidOperationException("the embedded catalog is missing from this build");
        using var reader = new StreamReader(stream);
        return [CatalogLoader.Parse(reader.ReadToEnd(), "identities.yaml")];
    }

    private static bool IsYaml(string path) =>
        Path.GetExtension(path).Equals(".yaml", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(path).Equals(".yml", StringComparison.OrdinalIgnoreCase);
}
