using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// Whether a Z3 model really refutes the entry: the model's values become one concrete case, decided by
// fuzzing's exact re-check (Fuzzer.Check: exact over Q, with dual numbers for derivatives; where log or exp
// leave Q, rigorous intervals whose disjoint enclosures prove the sides differ). That check shares nothing
// with the SMT encoding but the evaluator, so neither Z3 nor the encoding is trusted. Only a failed case
// makes a Counterexample. A model can fail to confirm because it relies on values of the uninterpreted
// log_, exp_ or sqrt_ that the real functions do not take, or lies outside the real domain; Reason says which.
internal sealed record ModelConfirmation(Counterexample? Counterexample, string Reason)
{
    public bool Confirmed => Counterexample is not null;

    public static ModelConfirmation Check(BoundEntry entry, SmtQuery query, IReadOnlyDictionary<string, Rational> model, long seed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(model);
        var values = query.Values(model);
        var fuzzCase = new FuzzCase(query.Dimensions, values);
        CheckResult result;
        try
        {
            // A single re-check makes no random choice; the seed only satisfies the fuzzer's options.
            result = new Fuzzer(new FuzzOptions(seed)).Check(entry, fuzzCase);
        }
        catch (ArgumentException e)
        {
            return new ModelConfirmation(null, "the model cannot be re-checked: " + e.Message);
        }

        var shape = SmtEncoder.Describe(entry.Dimensions, query.Dimensions);
        switch (result.Status)
        {
            case CheckStatus.Failed:
                var failure = result.Failure!;
                var how = $"Z3 model at {shape}, confirmed by {result.Arithmetic} evaluation";
                var notes = new List<string> { $"{how}: {failure.Description}", "positions and index values are 1-based" };
                notes.AddRange(entry.Frozen.Where(p => p.Key != p.Value).Select(p => $"{p.Key} is a frozen copy of {p.Value} and takes its value"));
                if (!result.Exact) notes.Add("decided with rigorous intervals: the enclosures of the two sides are disjoint");
                var counterexample = new Counterexample(
                    "z3",
                    result.Exact,
                    null,
                    new Dictionary<string, int>(query.Dimensions, StringComparer.Ordinal),
                    values.ToDictionary(
                        p => p.Key,
                        p => (IReadOnlyList<IReadOnlyList<string>>)Enumerable.Range(0, p.Value.Rows)
                            .Select(r => (IReadOnlyList<string>)Enumerable.Range(0, p.Value.Cols).Select(c => p.Value[r, c].ToString()).ToArray())
                            .ToArray(),
                        StringComparer.Ordinal),
                    failure.IndexValues.ToDictionary(p => p.Key, p => p.Value + 1, StringComparer.Ordinal),
                    failure.Left,
                    failure.Right,
                    failure.Differences,
                    string.Join("; ", notes));
                return new ModelConfirmation(counterexample, how);
            case CheckStatus.Discarded:
                return new ModelConfirmation(null, "the model lies outside the real domain: " + result.DiscardReason);
            default:
                return new ModelConfirmation(null, result.Exact
                    ? "exact evaluation at the model finds both sides equal"
                    : "interval evaluation at the model cannot separate the sides, so it relies on log_/exp_/sqrt_ values no real function takes");
        }
    }
}
