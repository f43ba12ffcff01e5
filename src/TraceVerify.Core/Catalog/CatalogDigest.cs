using System.Security.Cryptography;
using System.Text;

namespace TraceVerify.Catalog;

// A fingerprint of the catalogs a run read: SHA-256 over each catalog's path and text, in the run's order.
// Every part is length-prefixed, so two different lists of (path, text) never feed the hash the same bytes;
// line ends are normalized to \n, so a CRLF checkout of the same catalogs has the same digest. A catalog that
// could not be read (text null) contributes its path and a length of -1.
internal static class CatalogDigest
{
    public static string Of(IEnumerable<(string Path, string? Text)> catalogs)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in catalogs)
        {
            Append(hash, path);
            Append(hash, text?.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? part)
    {
        var bytes = part is null ? [] : Encoding.UTF8.GetBytes(part);
        hash.AppendData(BitConverter.GetBytes(part is null ? -1L : bytes.LongLength));
        hash.AppendData(bytes);
    }
}
