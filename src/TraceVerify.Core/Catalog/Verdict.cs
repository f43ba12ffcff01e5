namespace TraceVerify.Catalog;

internal enum Verdict
{
    Proved,
    Confirmed,
    Refuted,
    Undecided,
    IllFormed,
    Definition,
}
