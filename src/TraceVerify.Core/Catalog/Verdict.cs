namespace TraceVerify.Catalog;

internal enum Verdict
{
    Proved,
    Confirmed,
    Refuted,
    Undecided,
    IllFormed,
    Definition,

    // An internal error (a bug in TraceVerify) while checking this entry; never matches an expectation.
    Error,
}
