namespace TraceVerify.Proof;

// Z3's answer to (check-sat), plus Error for scripts Z3 rejected: an error must never read as unsat.
internal enum Z3Status
{
    Sat,
    Unsat,
    Unknown,
    Error,
}
