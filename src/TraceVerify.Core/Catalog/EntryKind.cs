namespace TraceVerify.Catalog;

internal enum EntryKind
{
    Definition,
    Equality,
    Derivative,
}
