using TraceVerify.Diagnostics;

namespace TraceVerify.Catalog;

// Entry is null when an error diagnostic makes the entry ill-formed. ShapeRestriction names the extra
// dimension equalities the claim imposes beyond the left side (the notes' (21) forces X square).
internal sealed record BindingResult(BoundEntry? Entry, IReadOnlyList<Diagnostic> Diagnostics, string? ShapeRestriction);
