namespace TraceVerify.Diagnostics;

// An expected failure of the input (never a bug): a stable code, where it is, and what is wrong.
internal sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation? Location)
{
    public static Diagnostic Error(string code, string message, SourceLocation? location = null) =>
        new(code, Severity.Error, message, location);

    public static Diagnostic Warning(string code, string message, SourceLocation? location = null) =>
        new(code, Severity.Warning, message, location);

    public string SeverityText => Severity == Severity.Error ? "error" : "warning";

    // One printable line whatever the catalog put into the message (see Printable).
    public override string ToString() =>
        Location is null ? $"{SeverityText} {Code}: {Printable.Escape(Message)}" : $"{Location}: {SeverityText} {Code}: {Printable.Escape(Message)}";
}
