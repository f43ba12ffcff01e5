namespace TraceVerify.Tests.Soundness;

// Rows and columns of an expression as dimension variables of a DimensionUnion.
internal readonly record struct OracleShape(int Rows, int Columns);
