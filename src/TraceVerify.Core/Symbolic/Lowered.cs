namespace TraceVerify.Symbolic;

// An expression in index form while it is built: its row and column index ids (null for a dimension of
// size one) and its terms over pool ids.
internal sealed record Lowered(int? Row, int? Column, IReadOnlyList<RawTerm> Terms);
