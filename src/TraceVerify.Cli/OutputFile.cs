using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// A file the command will write (`--report FORMAT=PATH`, `prove --smt PATH`), checked before any work is done,
// so a bad path is a usage error at once, not an error after the whole run that hides the gate's verdict.
// Checked: the path is not a directory, its folder exists, and it can be opened for writing (a probe that
// creates no lasting file: a file the probe created is deleted again). Devices such as /dev/stdout are
// accepted without a probe; a write that still fails later (a full device) is an output error, exit 74.
internal static class OutputFile
{
    public static string? Problem(string path)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal)) return "not a file name";
        var shown = Diagnostics.Printable.Escape(path);
        try
        {
            if (Directory.Exists(path)) return $"`{shown}` is a directory";
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full);
            if (folder is not null && !Directory.Exists(folder)) return $"the folder `{Diagnostics.Printable.Escape(folder)}` does not exist";
            if (File.Exists(full) && !RegularFile.IsRegular(full)) return null;
            var existed = File.Exists(full);
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { }
            if (!existed) File.Delete(full);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e is UnauthorizedAccessException ? $"`{shown}` cannot be written (permission denied)" : $"`{shown}` cannot be written: {e.Message}";
        }
    }
}
