namespace TraceVerify.Cli;

// Standard output that cannot be written (closed, a full device such as `> /dev/full`, a broken pipe) is an
// output error with its own exit code (74, EX_IOERR), not an internal error: Install wraps Console.Out so a
// failing write or flush throws OutputFailedException, which Program turns into that exit code.
internal sealed class StandardOutput(TextWriter inner) : TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;

    public static void Install() => Console.SetOut(new StandardOutput(Console.Out));

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        // A closed descriptor 1 may have been reused by a file the runtime opened read-only: writing it is denied.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new OutputFailedException($"cannot write to standard output: {e.Message}", e);
        }
    }
}
