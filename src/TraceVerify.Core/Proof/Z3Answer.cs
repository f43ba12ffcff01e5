using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// Model holds the rational-valued constants of a Sat model and is empty otherwise. Detail is empty for
// Sat and Unsat, Z3's reason for Unknown ("timeout", "canceled", "(incomplete ...)"), and the message for
// Error.
internal sealed record Z3Answer(Z3Status Status, IReadOnlyDictionary<string, Rational> Model, string Detail)
{
    private static readonly IReadOnlyDictionary<string, Rational> NoModel = new Dictionary<string, Rational>();

    public static Z3Answer Unsat() => new(Z3Status.Unsat, NoModel, string.Empty);
    public static Z3Answer Sat(IReadOnlyDictionary<string, Rational> model) => new(Z3Status.Sat, model, string.Empty);
    public static Z3Answer Unknown(string reason) => new(Z3Status.Unknown, NoModel, reason);
    public static Z3Answer Error(string message) => new(Z3Status.Error, NoModel, message);
}
