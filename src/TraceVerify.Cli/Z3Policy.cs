namespace TraceVerify.Cli;

internal enum Z3Policy
{
    Unproved,
    Always,
    Never,
}
