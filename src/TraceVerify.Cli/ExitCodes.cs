namespace TraceVerify.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Mismatch = 1;
    public const int CatalogUnreadable = 2;
    public const int Usage = 64;
    public const int InternalError = 70;

    // EX_IOERR: standard output or a report file could not be written (closed, full, gone).
    public const int OutputFailed = 74;
}
