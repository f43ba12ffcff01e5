namespace TraceVerify.Syntax.Latex;

// The LaTeX the reader knows: every other command is reported as unsupported, never guessed at.
internal static class LatexVocabulary
{
    // Operator names, written as commands (\det), in \operatorname{…}/\mathrm{…}/\text{…}, or as a plain
    // letter run equal to the name (`tr`, `Tr`, `diag`): the key is what is written, the value its meaning.
    public static readonly IReadOnlyDictionary<string, string> Operators = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tr"] = "tr", ["Tr"] = "tr", ["trace"] = "tr", ["Trace"] = "tr",
        ["diag"] = "diag", ["det"] = "det", ["adj"] = "adj", ["vec"] = "vec", ["eig"] = "eig",
        ["ln"] = "log", ["log"] = "log", ["exp"] = "exp", ["sin"] = "sin", ["cos"] = "cos", ["tan"] = "tan", ["sqrt"] = "sqrt",
    };

    // Operator commands of LaTeX itself (\Tr and \tr are common macros in papers).
    public static readonly IReadOnlySet<string> OperatorCommands = new HashSet<string>(StringComparer.Ordinal)
    {
        "det", "ln", "log", "exp", "sin", "cos", "tan", "sqrt", "tr", "Tr", "diag",
    };

    public static readonly IReadOnlySet<string> Greek = new HashSet<string>(StringComparer.Ordinal)
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    };

    // Commands the parser handles itself.
    public static readonly IReadOnlySet<string> Structural = new HashSet<string>(StringComparer.Ordinal)
    {
        "partial", "nabla", "sum", "prod", "frac", "dfrac", "tfrac", "cdot", "circ", "odot", "otimes", "oslash",
        "top", "intercal", "cdots", "ldots", "dots", "vdots", "ddots",
    };

    // Spacing and delimiter sizing: no meaning in a formula.
    public static readonly IReadOnlySet<string> Spacing = new HashSet<string>(StringComparer.Ordinal)
    {
        ",", ";", ":", "!", " ", ">", "quad", "qquad", "thinspace", "medspace", "thickspace", "displaystyle",
    };

    public static readonly IReadOnlySet<string> Sizing = new HashSet<string>(StringComparer.Ordinal)
    {
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
    };

    public static readonly IReadOnlySet<string> Bold = new HashSet<string>(StringComparer.Ordinal) { "mathbf", "boldsymbol", "bm", "mathbfit" };

    public static readonly IReadOnlySet<string> Upright = new HashSet<string>(StringComparer.Ordinal) { "mathrm", "operatorname", "text", "textrm", "mathit" };

    public static readonly IReadOnlySet<string> Matrices = new HashSet<string>(StringComparer.Ordinal) { "bmatrix", "pmatrix", "matrix" };
}
