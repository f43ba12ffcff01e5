using ToolVerdict = TraceVerify.Catalog.Verdict;

namespace TraceVerify.Tests.Soundness;

// One mutant's truth (from the oracle) beside the tool's verdict, and what is wrong about it if anything.
internal sealed record MutantOutcome(Mutant Mutant, OracleVerdict Truth, ToolVerdict? Verdict, bool Disagreement, string? InternalError, string ToolDetail)
{
    public bool WrongProof => Verdict == ToolVerdict.Proved && Truth.Truth is Soundness.Truth.Fails or Soundness.Truth.IllFormed;
    public bool WrongConfirmation => Verdict == ToolVerdict.Confirmed && Truth.Truth is Soundness.Truth.Fails or Soundness.Truth.IllFormed;
    public bool WrongRefutation => Verdict == ToolVerdict.Refuted && Truth.Truth is Soundness.Truth.Holds or Soundness.Truth.IllFormed;
    public bool TrueButUndecided => Truth.Truth == Soundness.Truth.Holds && Verdict is ToolVerdict.Undecided or ToolVerdict.IllFormed;
    public bool IsWrong => WrongProof || WrongConfirmation || WrongRefutation || InternalError is not null || Disagreement;

    public string Problem =>
        InternalError is not null ? "internal error" :
        Disagreement ? "TV0901" :
        WrongProof ? "wrong proof" :
        WrongConfirmation ? "wrong confirmation" :
        WrongRefutation ? "wrong refutation" : "none";
}
