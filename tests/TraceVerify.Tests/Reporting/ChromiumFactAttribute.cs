namespace TraceVerify.Tests.Reporting;

// A fact that needs a real browser: skipped, with the reason, only where chromium is missing and CI is not set.
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Chromium.SkipReason;
}
