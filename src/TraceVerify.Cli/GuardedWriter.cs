namespace TraceVerify.Cli;

// Standard output or error that cannot be written (closed, a full device such as `> /dev/full`, a broken pipe)
// is an output error with its own exit code (74, EX_IOERR), never an internal error or an abort:
//   stdout: a failing write throws OutputFailedException at once (the report is lost; Program exits 74);
//   stderr: a failing write is swallowed (there is nowhere left to say anything) and remembered, so the run
//   still finishes and Program exits 74 at the end.
internal sealed class GuardedWriter(TextWriter inner, bool isStandardOutput) : TextWriter
{
    public static GuardedWriter? StandardError { get; private set; }

    public bool Failed { get; private set; }

    public override System.Text.Encoding Encoding => inner.Encoding;

    public static void Install()
    {
        Console.SetOut(new GuardedWriter(Console.Out, isStandardOutput: true));
        StandardError = new GuardedWriter(Console.Error, isStandardOutput: false);
        Console.SetError(StandardError);
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        // A closed descriptor may have been reused by a file the runtime opened read-only: writing it is denied.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Failed = true;
            if (isStandardOutput) throw new OutputFailedException($"cannot write to standard output: {e.Message}", e);
        }
    }
}
