using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// One entry instantiated at one shape, as SMT-LIB2. Assertions (logic, declarations, assertions) is what
// Z3Solver.Check evaluates before its own (check-sat); Script is the same plus the options and commands a
// standalone solver needs, for replay. It is satisfiable exactly when some compared entry of the two sides
// differs at a point where both sides are defined (for some values of the uninterpreted log_, exp_, sqrt_).
// Constants maps each variable (frozen copies excluded: they share their original's constants) to the
// names of its entries' constants, row by row, as they appear in a model.
internal sealed record SmtQuery(
    string EntryId,
    IReadOnlyDictionary<string, int> Dimensions,
    string Assertions,
    string Script,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Constants,
    int ComparedEntries)
{
    // Declarations and side conditions alone, without the claim, where they may be unsatisfiable by themselves
    // (inverses); an unsat answer proves something only if this is satisfiable.
    public string? Definedness { get; init; }

    // The variables' values in a model; a constant the model leaves out is unconstrained, and 0 is as
    // good a value as any (Z3 omits constants that occur in no assertion it kept).
    public IReadOnlyDictionary<string, Matrix<Rational>> Values(IReadOnlyDictionary<string, Rational> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Constants.ToDictionary(
            p => p.Key,
            p => Matrix<Rational>.Create(p.Value.Count, p.Value.Count == 0 ? 0 : p.Value[0].Count,
                (r, c) => model.TryGetValue(p.Value[r][c], out var value) ? value : Rational.Zero),
            StringComparer.Ordinal);
    }
}
