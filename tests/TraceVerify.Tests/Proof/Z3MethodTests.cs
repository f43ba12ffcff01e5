using System.Numerics;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Proof;
using TraceVerify.Tests.Cli;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Proof;

// Runs against the real libz3; every refutation is checked again here without Z3Method's own code.
public class Z3MethodTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, BoundEntry>> Catalog = new(() =>
        CatalogLoader.Load(Path.Combine(CliRunner.RepositoryRoot, "identities.yaml")).Entries
            .Select(e => EntryBinder.Bind(e).Entry)
            .OfType<BoundEntry>()
            .ToDictionary(e => e.Id, StringComparer.Ordinal));

    // Entries with up to four dimension variables are decided at every shape up to 3 (at most 81 shapes,
    // about 25 s for all of them). The five with five variables, (42)–(46), have 243 shapes at 3, about
    // 5–10 s each, so they run with the default budget: the 40 smallest shapes, which are all 32 up to 2
    // and 8 with a 3.
    public static TheoryData<string> Identities() =>
        [.. Catalog.Value.Values.Where(e => e.Kind != EntryKind.Definition && e.Id != "traa-21").Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(Identities))]
    public void Every_identity_of_the_notes_is_unsat_at_every_shape_tried(string id)
    {
        var entry = Catalog.Value[id];
        var everyShape = entry.Dimensions.Count <= 4;
        var method = everyShape ? new Z3Method(maxShapes: 81) : new Z3Method();

        var evidence = method.Run(entry, 1, CancellationToken.None);

        Assert.True(evidence.Result.Outcome == "confirmed", $"{id}: {evidence.Result.Outcome}: {evidence.Result.Detail}");
        Assert.True(evidence.Holds);
        Assert.Null(evidence.Counterexample);
        var shapes = Z3Method.Shapes(entry.Dimensions, 3).Count();
        Assert.Contains(everyShape ? $"unsat at all {shapes} shapes" : $"unsat at the 40 smallest of {shapes} shapes", evidence.Result.Detail, StringComparison.Ordinal);
        Assert.Contains($"(Z3 {Z3Solver.NativeVersion})", evidence.Result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_misprinted_21_is_refuted_by_a_model_that_exact_evaluation_confirms()
    {
        var evidence = new Z3Method().Run(Catalog.Value["traa-21"], 1, CancellationToken.None);

        Assert.Equal("z3", evidence.Result.Name);
        Assert.Equal("refuted", evidence.Result.Outcome);
        Assert.False(evidence.Holds);
        var counterexample = evidence.Counterexample!;
        Assert.Equal("z3", counterexample.Method);
        Assert.True(counterexample.Exact);
        Assert.Null(counterexample.Seed);
        Assert.Equal(["A", "B", "C", "X"], counterexample.Values.Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(counterexample.Differences);
        Assert.NotEqual(counterexample.Left, counterexample.Right);

        // Independently of Z3Method: at the model's values, the gradient (20) — proved symbolically — and
        // the claim (21) evaluate differently, and the reported left side is that gradient.
        var twenty = Catalog.Value["traa-20"].Sides[0];
        var twentyOne = Catalog.Value["traa-21"].Sides[0];
        var size = Assert.Single(counterexample.Dimensions).Value;
        var sizes = Catalog.Value["traa-20"].Dimensions.Concat(Catalog.Value["traa-21"].Dimensions).Distinct().ToDictionary(d => d, _ => size);
        var values = counterexample.Values.ToDictionary(p => p.Key, p => Parse(p.Value), StringComparer.Ordinal);
        var environment = new EvaluationEnvironment<Rational>(sizes, values);
        var evaluator = new Evaluator<Rational>(RationalField.Instance);
        var gradient = evaluator.Evaluate(twenty, environment);
        var claim = evaluator.Evaluate(twentyOne, environment);
        Assert.Equal(gradient.ToString(), counterexample.Left);
        Assert.Equal(claim.ToString(), counterexample.Right);
        Assert.NotEqual(gradient.ToString(), claim.ToString());
    }

    [Theory]
    [InlineData("tr(A*X*B)", "X", "B*A")]
    [InlineData("tr(A*X*B)", "X", "A*B'")]
    [InlineData("tr(A*X*B)", "X", "(A'*B')'")]
    [InlineData("tr(A*X'*B)", "X", "A'*B'")]
    [InlineData("tr(A*X*B)", "X[j,k]", "(B*A)[j,k]")]
    [InlineData("tr(A*X*B*X*C')", "X", "A'*C*X'*B'")]
    [InlineData("tr((X - W*H)*(X - W*H)')", "W", "-2*X*H' + W*H*H'")]
    [InlineData("tr(V'*log(A*X*B))", "X", "A'*(V .* (A*X*B))*B'")]
    public void A_mutated_derivative_never_holds_and_is_refuted(string of, string wrt, string claim)
    {
        var entry = Entries.Derivative(of, wrt, claim);

        var evidence = new Z3Method().Run(entry, 1, CancellationToken.None);

        Assert.False(evidence.Holds);
        Assert.True(evidence.Result.Outcome == "refuted", $"{evidence.Result.Outcome}: {evidence.Result.Detail}");
        Assert.NotNull(evidence.Counterexample);
    }

    [Fact]
    public void A_claim_with_log_is_refuted_with_rigorous_intervals_where_Q_is_too_small()
    {
        var evidence = new Z3Method().Run(Entries.Derivative("tr(V'*log(A*X*B))", "X", "A'*(V .* (A*X*B))*B'"), 1, CancellationToken.None);

        var counterexample = evidence.Counterexample!;
        Assert.False(counterexample.Exact);
        Assert.Contains("interval", counterexample.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("log(X .* Y)", "log(X) + log(Y)")]
    [InlineData("log(exp(X))", "X")]
    [InlineData("exp(X + Y)", "exp(X) .* exp(Y)")]
    public void A_model_that_relies_on_an_uninterpreted_function_is_not_a_refutation(string left, string right)
    {
        // True for the real log and exp, false for arbitrary log_ and exp_: Z3 finds models, and exact or
        // interval re-evaluation rejects every one of them.
        var evidence = new Z3Method(maxDimension: 2).Run(Entries.Equality(left, right), 1, CancellationToken.None);

        Assert.Equal("inconclusive", evidence.Result.Outcome);
        Assert.Contains("unconfirmed model", evidence.Result.Detail, StringComparison.Ordinal);
        Assert.Null(evidence.Counterexample);
        Assert.False(evidence.Refutes);
        Assert.False(evidence.Holds);
    }

    [Fact]
    public void A_model_that_exact_evaluation_rejects_is_not_confirmed()
    {
        var entry = Entries.Derivative("tr(A*X*B)", "X", "A'*B'");
        var sizes = entry.Dimensions.ToDictionary(d => d, _ => 2);
        var query = SmtEncoder.Encode(entry, sizes);
        // What a wrong solver might answer for a true identity: some values, here 1, 2, 3, ….
        var model = query.Constants.Values.SelectMany(rows => rows.SelectMany(row => row))
            .Select((name, k) => (name, value: Rational.Of(k + 1)))
            .ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal);

        var confirmation = ModelConfirmation.Check(entry, query, model, 1);

        Assert.False(confirmation.Confirmed);
        Assert.Equal("exact evaluation at the model finds both sides equal", confirmation.Reason);
    }

    [Fact]
    public void A_model_outside_the_real_domain_is_not_confirmed()
    {
        var entry = Entries.Equality("log(X .* Y)", "log(X) + log(Y)");
        var query = SmtEncoder.Encode(entry, entry.Dimensions.ToDictionary(d => d, _ => 1));
        var model = new Dictionary<string, Rational>(StringComparer.Ordinal) { ["X_1_1"] = Rational.Of(-2), ["Y_1_1"] = Rational.Of(-3) };

        var confirmation = ModelConfirmation.Check(entry, query, model, 1);

        Assert.False(confirmation.Confirmed);
        Assert.StartsWith("the model lies outside the real domain", confirmation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Constants_missing_from_a_model_are_zero()
    {
        var entry = Entries.Derivative("tr(A*X*B)", "X", "B*A");
        var query = SmtEncoder.Encode(entry, entry.Dimensions.ToDictionary(d => d, _ => 1));

        var values = query.Values(new Dictionary<string, Rational>(StringComparer.Ordinal) { ["A_1_1"] = Rational.Of(1, 2) });

        Assert.Equal(Rational.Of(1, 2), values["A"][0, 0]);
        Assert.Equal(Rational.Zero, values["X"][0, 0]);
    }

    [Fact]
    public void Shapes_run_smallest_first_and_cover_every_smaller_bound_first()
    {
        var shapes = Z3Method.Shapes(["m", "n"], 3).Select(s => (s["m"], s["n"])).ToArray();

        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (3, 3)], shapes);
        Assert.Single(Z3Method.Shapes([], 3));
        Assert.Empty(Assert.Single(Z3Method.Shapes([], 3)));
    }

    [Fact]
    public void The_shape_budget_is_reported_and_still_confirms_what_it_covered()
    {
        var evidence = new Z3Method(maxShapes: 5).Run(Entries.Derivative("tr(A*X*B)", "X", "A'*B'"), 1, CancellationToken.None);

        Assert.Equal("confirmed", evidence.Result.Outcome);
        Assert.True(evidence.Holds);
        Assert.Contains("unsat at the 5 smallest of 27 shapes", evidence.Result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_limit_is_inconclusive_rather_than_an_exception()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var evidence = new Z3Method().Run(Entries.Equality("tr(A*B)", "tr(B*A)"), 1, cancelled.Token);

        Assert.Equal("inconclusive", evidence.Result.Outcome);
        Assert.Contains("not reached within the time limit", evidence.Result.Detail, StringComparison.Ordinal);
        Assert.False(evidence.Holds);
    }

    [Fact]
    public void A_definition_states_nothing_to_prove()
    {
        var evidence = new Z3Method().Run(Entries.Definition("tr(A*X)"), 1, CancellationToken.None);

        Assert.Equal("inconclusive", evidence.Result.Outcome);
        Assert.False(evidence.Holds);
    }

    [Fact]
    public void WriteSmt_is_the_script_of_the_entry_at_the_given_sizes()
    {
        var entry = Catalog.Value["traa-9"];
        var sizes = entry.Dimensions.ToDictionary(d => d, _ => 2);

        var script = Z3Method.WriteSmt(entry, sizes);

        Assert.Equal(SmtEncoder.Encode(entry, sizes).Script, script);
        Assert.StartsWith("(set-option :produce-models true)\n; TraceVerify: entry traa-9 at ", script, StringComparison.Ordinal);
        Assert.EndsWith("(check-sat)\n(get-model)\n", script, StringComparison.Ordinal);
    }

    private static Matrix<Rational> Parse(IReadOnlyList<IReadOnlyList<string>> rows) =>
        Matrix<Rational>.Create(rows.Count, rows[0].Count, (r, c) =>
        {
            var parts = rows[r][c].Split('/');
            return Rational.Of(BigInteger.Parse(parts[0]), parts.Length == 2 ? BigInteger.Parse(parts[1]) : BigInteger.One);
        });
}
