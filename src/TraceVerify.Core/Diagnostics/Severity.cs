namespace TraceVerify.Diagnostics;

internal enum Severity
{
    Warning,
    Error,
}
