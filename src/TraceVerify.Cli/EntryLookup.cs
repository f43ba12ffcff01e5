using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Cli;

// Finds one entry by id in the given (or default) catalogs, and binds it.
internal static class EntryLookup
{
    public static (CatalogEntry Entry, BindingResult Binding)? Find(string id, IReadOnlyList<string> paths)
    {
        if (Entry(id, paths) is not { } entry) return null;
        var binding = EntryBinder.Bind(entry);
        if (binding.Entry is null)
        {
            foreach (var d in binding.Diagnostics) Console.Error.WriteLine(d);
            return null;
        }
        return (entry, binding);
    }

    // The entry as written, well-formed or not; null (after saying so, with near matches) when no entry has the id.
    public static CatalogEntry? Entry(string id, IReadOnlyList<string> paths)
    {
        var files = DefaultCatalogs.Load(paths);
        var entry = files.SelectMany(f => f.Entries).FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
        if (entry is null)
        {
            var known = files.SelectMany(f => f.Entries).Select(e => e.Id).Where(i => i.Contains(id, StringComparison.OrdinalIgnoreCase)).Take(5)
                .Select(i => Printable.Shortened(i, 80)).ToArray();
            Console.Error.WriteLine($"traceverify: error: no entry `{Printable.Shortened(id, 80)}` in {string.Join(", ", files.Select(f => Printable.Escape(f.Path)))}{(known.Length > 0 ? $" (did you mean {string.Join(", ", known)}?)" : "")}");
            return null;
        }
        return entry;
    }
}
