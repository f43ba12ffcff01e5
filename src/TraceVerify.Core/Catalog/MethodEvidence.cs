namespace TraceVerify.Catalog;

// A method's result plus what the verdict combiner needs: a counterexample it has confirmed by exact (or
// rigorously bounded) evaluation, and whether it found the entry to hold on every case it tried.
internal sealed record MethodEvidence(MethodResult Result, Counterexample? Counterexample, bool Holds)
{
    public bool Refutes => Counterexample is not null;
}
