namespace TraceVerify.Catalog;

// Stamps a check's report with what the run covered, so that shard reports can later be merged and checked
// (ShardMerge): the catalogs' digest, the errors that stopped a catalog being read and, for a shard, the shard
// and the keys of every entry of the whole catalogs, in catalog order.
internal static class RunScope
{
    public static Report Describe(Report report, IReadOnlyList<CatalogFile> files, string catalogDigest, Shard? shard)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(files);
        return report with
        {
            CatalogDigest = catalogDigest,
            CatalogErrors = files.SelectMany(f => f.FatalErrors).ToArray(),
            Shard = shard,
            CatalogEntries = shard is null ? [] : files.SelectMany(f => f.Entries).Select(e => new EntryKey(e.File, e.Id)).ToArray(),
        };
    }
}
