namespace TraceVerify.Symbolic;

// A canonical sum turned back into an Expr; InMatrixNotation is false when some term needed the index
// notation fallback (matrix(i,j; …), rows(k; …), sum(…) over entries).
internal sealed record PrintedForm(Expr Expr, bool InMatrixNotation);
