namespace TraceVerify.Diagnostics;

// Stable codes: TV00xx catalog files (TV005x reports to merge), TV01xx expression syntax (TV012x LaTeX input),
// TV003x hypothesis fields, TV02xx shapes and binding (TV025x attributes), TV030x index hygiene (lint), TV031x–TV032x transcription (latex vs claim),
// TV09xx internal errors, disagreements and limits.
internal static class DiagnosticCodes
{
    public const string YamlSyntax = "TV0001";
    public const string NotAList = "TV0002";
    public const string EntryNotAMapping = "TV0003";
    public const string MissingField = "TV0004";
    public const string WrongFieldType = "TV0005";
    public const string UnknownField = "TV0006";
    public const string DuplicateId = "TV0007";
    public const string BadKind = "TV0008";
    public const string BadExpect = "TV0009";
    public const string BadShapeDeclaration = "TV0010";
    public const string FileUnreadable = "TV0011";
    public const string IdNotPrintable = "TV0012";
    public const string ConfusableName = "TV0013";
    public const string BadDefinitionName = "TV0014";
    public const string BuiltinRedefined = "TV0015";
    public const string VariableRedefined = "TV0016";
    public const string NameInWhereAndFrozen = "TV0017";
    public const string FrozenOutsideDerivative = "TV0018";
    public const string BadFrozen = "TV0019";
    public const string EmptyClaim = "TV0020";

    // TV0021–TV0029: derivatives of vectors and matrices (`layout:`, list-valued `wrt:`).
    public const string LayoutMissing = "TV0021";
    public const string BadLayout = "TV0022";
    public const string LayoutOutsideDerivative = "TV0023";
    public const string BadWrtList = "TV0024";
    public const string LayoutWithoutEffect = "TV0025";

    // TV003x: entry fields of hypotheses.
    public const string BadStructuredDerivative = "TV0030";
    public const string StructuredDerivativeUnused = "TV0031";

    // TV005x: reports given to `merge`.
    public const string ReportUnreadable = "TV0050";
    public const string ReportsFromDifferentRuns = "TV0051";
    public const string ShardMissing = "TV0052";
    public const string ShardDuplicated = "TV0053";
    public const string ShardEntriesWrong = "TV0054";

    public const string UnexpectedToken = "TV0101";
    public const string UnknownFunction = "TV0102";
    public const string UnbalancedParenthesis = "TV0103";
    public const string BadCharacter = "TV0104";
    public const string BadExponent = "TV0105";

    // `x^2^3`: (x^2)^3 = x^6 to a matrix language read left to right, x^(2^3) = x^8 to a mathematician.
    public const string AmbiguousPowerChain = "TV0110";
    public const string ExpressionTooLarge = "TV0106";
    public const string NestedTooDeeply = "TV0107";
    public const string DefinitionsTooLarge = "TV0108";
    public const string SizeAboveEvaluableCap = "TV0109";
    public const string BadSize = "TV0130";
    public const string BadPosition = "TV0131";
    public const string RaggedMatrixLiteral = "TV0132";

    // TV0145–TV0149: Kronecker products and vectorisation.
    public const string KroneckerArguments = "TV0145";

    // TV014x: scalar functions and rational powers (issue 11).
    public const string BadRationalExponent = "TV0140";

    public const string LatexUnsupportedCommand = "TV0120";
    public const string LatexUnexpected = "TV0121";
    public const string LatexAmbiguousRun = "TV0122";
    public const string LatexNotYetInLanguage = "TV0123";
    public const string LatexNotExpressible = "TV0124";

    public const string ShapeMismatch = "TV0201";
    public const string NotScalar = "TV0202";
    public const string NotSquare = "TV0203";
    public const string NotVector = "TV0204";
    public const string UnknownIndex = "TV0205";
    public const string FreeIndexMismatch = "TV0206";
    public const string ClaimRestrictsShapes = "TV0207";
    public const string BadVariable = "TV0208";
    public const string RecursiveDefinition = "TV0209";
    public const string NotDerivableForm = "TV0210";
    public const string DeclaredShapeViolated = "TV0211";
    public const string SideShapesDiffer = "TV0212";
    public const string UnusedShapeDeclaration = "TV0213";
    public const string PowerOfNonSquare = "TV0220";
    public const string UndeclaredSizeLetter = "TV0221";
    public const string PositionOutsideSize = "TV0222";
    public const string PositionNeedsLiteralSize = "TV0223";
    public const string LiteralEntryNotScalar = "TV0224";

    // TV0235–TV0239: product sizes (kron, vec, a declared `n*q`).
    public const string ProductSizeMismatch = "TV0235";

    // TV0240–TV0249: shapes of derivatives and of command-line `--shape` declarations.
    public const string DerivativeIsTensor = "TV0240";
    public const string BadCommandLineShape = "TV0241";

    // TV023x: scalar functions and rational powers (issue 11).
    public const string RationalPowerOfMatrix = "TV0230";
    // No longer raised: odd roots are in the language (RealRoot); kept so the code keeps its meaning in old reports.
    public const string RootDegreeNotSupported = "TV0231";
    public const string RootDegreeTooLarge = "TV0232";

    // TV025x: shape attributes (hypotheses such as `W: k x k symmetric`).
    public const string UnknownAttribute = "TV0250";
    public const string IncompatibleAttributes = "TV0251";
    public const string AttributeNeedsSquare = "TV0252";
    public const string StructuredVariable = "TV0253";
    public const string AttributeOnDefinition = "TV0254";

    public const string IndexReusedAsBound = "TV0301";
    public const string IndexUsedThrice = "TV0302";

    public const string TranscriptionMismatch = "TV0310";
    public const string TranscriptionVariable = "TV0311";
    public const string TranscriptionFunction = "TV0312";
    public const string TranscriptionSideCount = "TV0313";
    public const string TranscriptionUnreadable = "TV0314";
    public const string TranscriptionBadSkip = "TV0315";

    public const string MethodsDisagree = "TV0901";
    public const string TimeLimit = "TV0902";
    public const string InternalError = "TV0903";
    public const string BudgetExhausted = "TV0904";
    public const string UndefinedEverywhere = "TV0905";
    public const string TooFewDefinedCases = "TV0906";
}
