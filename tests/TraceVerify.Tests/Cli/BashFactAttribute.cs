namespace TraceVerify.Tests.Cli;

// A fact that runs shell scripts as a CI runner would (bash -e): skipped, with the reason, only on Windows.
public sealed class BashFactAttribute : FactAttribute
{
    public BashFactAttribute() => Skip = OperatingSystem.IsWindows() ? "needs bash, as a Linux CI runner has" : null;
}
