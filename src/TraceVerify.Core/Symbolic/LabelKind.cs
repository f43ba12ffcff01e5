namespace TraceVerify.Symbolic;

// What an index label of a term is while the term is printed: the printed matrix's row or column, an
// index free by name (a free index of the entry, or a parameter of a function body named by the caller),
// or an index bound (summed) inside the term.
internal enum LabelKind
{
    Row,
    Column,
    Free,
    Bound,
}
