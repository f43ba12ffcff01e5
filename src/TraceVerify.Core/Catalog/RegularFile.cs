using System.Runtime.InteropServices;
using System.Text;

namespace TraceVerify.Catalog;

// Reads a text input (a catalog, a baseline) only when it is a regular file, and at most MaxBytes of it.
// /dev/zero never ends, a FIFO blocks the open itself until a writer comes, a directory is not text: so the
// file's kind is asked of stat(2) — which follows symbolic links, so a link to any of them is refused too —
// before the file is opened, and a FIFO is never opened. The read stops at MaxBytes + 1 bytes, so even a file
// that grows after the check costs at most that much memory.
//
// stat is reached through the .NET runtime's own native shim (libSystem.Native, shipped with every runtime
// on Unix), whose FileStatus starts with two int32 fields, Flags and Mode; Mode holds st_mode's type bits.
internal static partial class RegularFile
{
    public const int MaxBytes = 16 * 1024 * 1024;

    public static string MaxDescription => $"{MaxBytes / (1024 * 1024)} MiB";

    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    // Text, or null and the reason in words ("is a directory", "is a FIFO, not a regular file", …).
    public static string? TryRead(string path, out string problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = "";
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            problem = "not a file name";
            return null;
        }
        if (Kind(path) is { } kind && kind != Regular)
        {
            problem = kind switch
            {
                Directory => "is a directory",
                Fifo => "is a FIFO (named pipe), not a regular file",
                CharacterDevice => "is a character device, not a regular file",
                BlockDevice => "is a block device, not a regular file",
                Socket => "is a socket, not a regular file",
                _ => "is not a regular file",
            };
            return null;
        }
        if (System.IO.Directory.Exists(path))
        {
            problem = "is a directory";
            return null;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxBytes + 1L - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    problem = $"is larger than the {MaxDescription} limit for an input file";
                    return null;
                }
            }
            buffer.Position = 0;
            using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            problem = "no such file";
        }
        catch (DirectoryNotFoundException)
        {
            problem = "no such file (its folder does not exist)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problem = e.Message;
        }
        return null;
    }

    // True for an existing regular file (after following links), false for anything else or nothing.
    public static bool IsRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Kind(path) is { } kind ? kind == Regular : File.Exists(path);
    }

    // st_mode's type bits after following links; null where the shim is missing (not Unix) or stat fails (a
    // missing file: opening it then says why).
    private static int? Kind(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            Span<byte> status = stackalloc byte[512];
            if (Stat(path, ref MemoryMarshal.GetReference(status)) != 0) return null;
            return MemoryMarshal.Read<int>(status[4..]) & TypeMask;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte status);
}
