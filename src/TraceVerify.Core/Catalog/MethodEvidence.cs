namespace TraceVerify.Catalog;

// A method's result plus what the verdict combiner needs: a counterexample it has confirmed by exact (or
// rigorously bounded) evaluation, whether it found the entry to hold on every case it tried, how many cases
// inside the domain it evaluated, and whether it found a point where every side is defined (DomainWitnessed:
// a conditional symbolic proof needs one, see EntryDomain).
internal sealed record MethodEvidence(MethodResult Result, Counterexample? Counterexample, bool Holds, int DefinedCases = 0, bool DomainWitnessed = false)
{
    public bool Refutes => Counterexample is not null;
}
