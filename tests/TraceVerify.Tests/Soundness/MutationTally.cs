namespace TraceVerify.Tests.Soundness;

// Counts per mutation category, printed one line each.
internal sealed record MutationTally(string Category, int Mutants, int Excluded, int True, int False, int IllFormed,
    int WrongProofs, int WrongConfirmations, int WrongRefutations, int InternalErrors, int Disagreements, int TrueButUndecided)
{
    public static MutationTally Of(string category, IReadOnlyCollection<MutantOutcome> outcomes) => new(
        category,
        outcomes.Count,
        outcomes.Count(o => o.Truth.Truth == Truth.Excluded),
        outcomes.Count(o => o.Truth.Truth == Truth.Holds),
        outcomes.Count(o => o.Truth.Truth == Truth.Fails),
        outcomes.Count(o => o.Truth.Truth == Truth.IllFormed),
        outcomes.Count(o => o.WrongProof),
        outcomes.Count(o => o.WrongConfirmation),
        outcomes.Count(o => o.WrongRefutation),
        outcomes.Count(o => o.InternalError is not null),
        outcomes.Count(o => o.Disagreement),
        outcomes.Count(o => o.TrueButUndecided));

    public override string ToString() =>
        $"{Category,-26} mutants {Mutants,5}  excluded {Excluded,4}  true {True,4}  false {False,4}  ill-formed {IllFormed,4}  " +
        $"wrong proofs {WrongProofs,3}  wrong confirmations {WrongConfirmations,3}  wrong refutations {WrongRefutations,3}  " +
        $"internal errors {InternalErrors,3}  TV0901 {Disagreements,3}  true but undecided/ill-formed {TrueButUndecided,3}";
}
