using System.Globalization;

namespace TraceVerify.Catalog;

// `--shard i/n`: entry goes to shard (hash of its id) mod n, so adding an entry never moves the others.
// Index is 1-based; shard 1/1 is the whole catalog.
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

    public bool Contains(CatalogEntry entry) => Contains(entry.Id);

    public bool Contains(string id) => Of(id, Count) == Index;

    // The shard (1-based) that an entry with this id belongs to when the catalog is cut into count shards.
    public static int Of(string id, int count) => (int)(Verifier.EntrySeed(0, id) % count) + 1;

    public override string ToString() => $"{Index}/{Count}";
}
