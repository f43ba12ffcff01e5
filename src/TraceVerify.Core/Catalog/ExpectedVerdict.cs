namespace TraceVerify.Catalog;

internal enum ExpectedVerdict
{
    Holds,
    Proved,
    Refuted,
    IllFormed,
    Definition,
}
