namespace TraceVerify.Tests.Soundness;

// The edits the mutation suite makes to one claim (or equality side, or chain member).
public enum MutationCategory
{
    TransposeFactor,
    SwapFactors,
    ReverseFactors,
    RotateTrace,
    TransposeTraceArgument,
    ChangeCoefficient,
    FlipSign,
    DropTerm,
    DuplicateTerm,
    InsertIdentity,
    SwapSymbols,
    HadamardForProduct,
}
