namespace TraceVerify.Syntax;

// A parse failure located in the expression text; the catalog maps Span into the YAML file.
internal sealed record SyntaxError(string Code, string Message, TextSpan Span);
