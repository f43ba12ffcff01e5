using TraceVerify.Syntax;

namespace TraceVerify.Symbolic;

// A binding failure inside the text named Source (e.g. "lhs", "claim", "where.D").
internal sealed record BindError(string Code, string Message, string Source, TextSpan Span);
