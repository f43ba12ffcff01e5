using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// The catalogs of one run. A file named twice — also under another spelling of its path (`./a.yaml`,
// `a.yaml`, an absolute path, a symbolic link to it) — is read and checked once, where it is first named.
// Ids are unique across the run as within a file: a later entry reusing an id of another file gets the
// duplicate-id error (TV0007) naming the first one, so a report, a baseline or `explain` never confuses two.
// An id that only looks like an earlier one (`trаa-9` with a Cyrillic `а`) gets a warning naming both (TV0013).
internal static class CatalogSet
{
    public static IReadOnlyList<CatalogFile> Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = paths.Where(p => seen.Add(Identity(p))).Select(CatalogLoader.Load).ToList();
        return MarkDuplicateIds(files);
    }

    // One spelling per file: the absolute path, through a final symbolic link if the path is one.
    public static string Identity(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var full = Path.GetFullPath(path);
            var target = new FileInfo(full).LinkTarget is null ? null : File.ResolveLinkTarget(full, returnFinalTarget: true);
            return target?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return path;
        }
    }

    public static IReadOnlyList<CatalogFile> MarkDuplicateIds(IReadOnlyList<CatalogFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var first = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var lookAlikes = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var result = new List<CatalogFile>(files.Count);
        foreach (var file in files)
        {
            var entries = new List<CatalogEntry>(file.Entries.Count);
            var local = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
            foreach (var entry in file.Entries)
            {
                if (entry.Id.Length > 0 && first.TryGetValue(entry.Id, out var earlier) && earlier.File != entry.File)
                {
                    var error = Diagnostic.Error(DiagnosticCodes.DuplicateId,
                        $"duplicate id `{Printable.Shortened(entry.Id, 80)}` (first used at {earlier.Location})", entry.Location);
                    entries.Add(entry with { Diagnostics = [.. entry.Diagnostics, error] });
                }
                else if (entry.Id.Length > 0 && lookAlikes.TryGetValue(ConfusableNames.Skeleton(entry.Id), out var similar) && similar.Id != entry.Id)
                {
                    var warning = Diagnostic.Warning(DiagnosticCodes.ConfusableName,
                        $"the id {Printable.WithCodePoints(Printable.Shortened(entry.Id, 80))} looks like the id {Printable.WithCodePoints(Printable.Shortened(similar.Id, 80))} at {similar.Location}", entry.Location);
                    entries.Add(entry with { Diagnostics = [.. entry.Diagnostics, warning] });
                }
                else entries.Add(entry);
                if (entry.Id.Length > 0) local.TryAdd(entry.Id, entry);
                if (entry.Id.Length > 0) lookAlikes.TryAdd(ConfusableNames.Skeleton(entry.Id), entry);
            }
            foreach (var (id, entry) in local) first.TryAdd(id, entry);
            result.Add(file with { Entries = entries });
        }
        return result;
    }
}
