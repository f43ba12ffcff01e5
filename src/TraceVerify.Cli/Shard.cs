using System.Globalization;
using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// `--shard i/n`: entry goes to shard (hash of its id) mod n, so adding an entry never moves the others.
internal sealed record Shard(int Index, int Count)
{
    public static bool TryParse(string? text, out Shard? shard)
    {
        shard = null;
        if (string.IsNullOrEmpty(text)) return true;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count) return false;
        shard = new Shard(index, count);
        return true;
    }

    public bool Contains(CatalogEntry entry) => Verifier.EntrySeed(0, entry.Id) % Count == Index - 1;
}
