using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Numeric;

namespace TraceVerify.Tests.Fuzzing;

public class FuzzerTests
{
    private const string Beast = "tr(A*X*X'*B*C*X'*X*C)";

    // The notes' (21): the first term should be A'*C'*X'*X*C'*B'*X.
    private const string Misprinted21 = "A*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'";

    private const string Corrected21 = "A'*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'";

    private const string RowSumOf = "tr(sum(k; V'*log(A*diag(B[k,:]*X)*C)))";

    [Fact]
    public void Notes21_IsRefutedExactly_WithASmallShrunkCounterexample()
    {
        var outcome = new Fuzzer(new FuzzOptions(Seed: 21)).Run(Entries.Derivative(Beast, "X", Misprinted21));

        Assert.Equal("refuted", outcome.Outcome);
        var counterexample = Assert.IsType<Counterexample>(outcome.Counterexample);
        Assert.Equal("fuzz", counterexample.Method);
        Assert.True(counterexample.Exact);
        Assert.Equal(21L, counterexample.Seed);
        Assert.All(counterexample.Dimensions.Values, size => Assert.InRange(size, 1, 2));
        Assert.Equal(["A", "B", "C", "X"], counterexample.Values.Keys.Order(StringComparer.Ordinal));
        foreach (var rows in counterexample.Values.Values)
        {
            Assert.InRange(rows.Count, 1, 2);
            Assert.All(rows, row =>
            {
                Assert.InRange(row.Count, 1, 2);
                Assert.All(row, entry => Assert.InRange(int.Parse(entry, System.Globalization.CultureInfo.InvariantCulture), -2, 2));
            });
        }

        Assert.NotEmpty(counterexample.Differences);
        Assert.All(counterexample.Differences, d => Assert.Matches(@"^\[\d,\d\]: left -?\d+(/\d+)?, right -?\d+(/\d+)?$", d));
        Assert.Contains("exact rational", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("seed 21", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes21_Corrected_IsConfirmed()
    {
        var outcome = new Fuzzer(new FuzzOptions(Seed: 21, Cases: 60)).Run(Entries.Derivative(Beast, "X", Corrected21));

        Assert.Equal("confirmed", outcome.Outcome);
        Assert.Equal(60, outcome.Cases);
        Assert.Equal(0, outcome.Discards);
        Assert.Null(outcome.Counterexample);
        Assert.Contains(outcome.ShapesCovered, s => s.Split(',').Select(p => p.Split('=')[1]).Distinct().Count() > 1);
        Assert.Contains("exact rational", outcome.Detail, StringComparison.Ordinal);
    }

    // name → (entry, the arithmetic its cases need, cases per seed: fewer for the O(n⁵) index-notation claims).
    private static readonly Dictionary<string, (Func<BoundEntry> Entry, string Arithmetic, int Cases)> TrueEntryTable = new(StringComparer.Ordinal)
    {
        ["d tr(AXB)/dX"] = (() => Entries.Derivative("tr(A*X*B)", "X", "A'*B'"), CheckResult.ExactArithmetic, 25),
        ["d tr(AXB)/dX[j,k]"] = (() => Entries.Derivative("tr(A*X*B)", "X[j,k]", "(B*A)[k,j]", "sum(i; A[i,j]*B[k,i])"), CheckResult.ExactArithmetic, 25),
        ["cyclic trace"] = (() => Entries.Equality("tr(A*B)", "tr(B*A)"), CheckResult.ExactArithmetic, 25),
        ["product entry"] = (() => Entries.Equality("(A*B)[i,k]", "sum(j; A[i,j]*B[j,k])"), CheckResult.ExactArithmetic, 25),
        ["d tr(V' log(AXB))/dX"] = (() => Entries.Derivative("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B'"), CheckResult.IntervalArithmetic, 25),
        ["d tr(A diag(x) B)/dx"] = (() => Entries.Derivative("tr(A*diag(x)*B)", "x", "(A' .* B)*ones"), CheckResult.ExactArithmetic, 25),
        ["(46)"] = (() => Entries.Derivative(RowSumOf, "X", "B'*rows(k; ones'*((V ./ (A*diag(B[k,:]*X)*C))'*A .* C'))"), CheckResult.IntervalArithmetic, 25),
        ["(43)-(45) entrywise"] = (() => Entries.Derivative(RowSumOf, "X[n,m]",
                "sum(k,i,j; (V[i,j] / sum(m; A[i,m]*sum(n; B[k,n]*X[n,m])*C[m,j])) * A[i,m]*B[k,n]*C[m,j])",
                "sum(k; B[k,n]*sum(i,j; (V ./ (A*diag(B[k,:]*X)*C))[i,j]*A[i,m]*C[m,j]))",
                "sum(k; B[k,n]*rows(k; ones'*((V ./ (A*diag(B[k,:]*X)*C))'*A .* C'))[k,m])"), CheckResult.IntervalArithmetic, 8),
        ["(15) with a frozen copy"] = (() => Entries.Derivative("tr(A*X*B*Y*C')", "X[j,k]", ["sum(i,l,m; A[i,j]*B[k,l]*X[l,m]*C[i,m])", "(B*X*C'*A)[k,j]"], new Dictionary<string, string> { ["Y"] = "X" }), CheckResult.ExactArithmetic, 25),
        ["fro squared"] = (() => Entries.Equality("fro(A)^2", "tr(A'*A)"), CheckResult.ExactArithmetic, 25),
    };

    public static TheoryData<string> TrueEntries() => [.. TrueEntryTable.Keys];

    [Theory]
    [MemberData(nameof(TrueEntries))]
    public void TrueEntries_AreConfirmed_AcrossSeeds(string name)
    {
        var (build, arithmetic, cases) = TrueEntryTable[name];
        var entry = build();
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            var outcome = new Fuzzer(new FuzzOptions(seed, Cases: cases)).Run(entry);
            Assert.True(outcome.Outcome == "confirmed", $"{name}, seed {seed}: {outcome.Detail}");
            Assert.Equal(cases, outcome.Cases);
            Assert.Contains(arithmetic, outcome.Detail, StringComparison.Ordinal);
            Assert.Contains($"seed {seed}", outcome.Detail, StringComparison.Ordinal);
        }
    }

    private static readonly Dictionary<string, Func<BoundEntry>> MutantTable = new(StringComparer.Ordinal)
    {
        ["dropped transpose"] = () => Entries.Derivative("tr(A*X*B)", "X", "A*B'"),
        ["swapped factors"] = () => Entries.Derivative("tr(A*X*B)", "X", "B'*A'"),
        ["flipped sign"] = () => Entries.Derivative("tr(A*X*B)", "X", "-A'*B'"),
        ["flipped sign of one term"] = () => Entries.Derivative(Beast, "X", Corrected21.Replace(" + X*C*A", " - X*C*A", StringComparison.Ordinal)),
        ["changed coefficient"] = () => Entries.Derivative("tr((X - W*H)*(X - W*H)')", "W", "-2*X*H' + 3*W*H*H'"),
        ["halved gradient"] = () => Entries.Derivative("tr(X'*X)", "X", "X"),
        ["non-cyclic permutation"] = () => Entries.Equality("tr(A*B*C)", "tr(B*A*C)"),
        ["transposed entry"] = () => Entries.Equality("(A*B)[i,k]", "sum(j; A[j,i]*B[j,k])"),
        ["dropped transpose under log"] = () => Entries.Derivative("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B"),
        ["swapped factors in (31)"] = () => Entries.Derivative("tr(A*diag(x)*B)", "x", "(A .* B')*ones"),
        ["wrong entry of (46)"] = () => Entries.Derivative(RowSumOf, "X[n,m]", "sum(k; B[k,m]*rows(k; ones'*((V ./ (A*diag(B[k,:]*X)*C))'*A .* C'))[k,n])"),
    };

    public static TheoryData<string> Mutants() => [.. MutantTable.Keys];

    [Theory]
    [MemberData(nameof(Mutants))]
    public void MutantsOfTrueEntries_AreRefuted(string name)
    {
        var mutant = MutantTable[name]();
        var outcome = new Fuzzer(new FuzzOptions(Seed: 7, Cases: 100)).Run(mutant);

        Assert.True(outcome.Outcome == "refuted", $"{name}: {outcome.Detail}");
        var counterexample = Assert.IsType<Counterexample>(outcome.Counterexample);
        Assert.NotEmpty(counterexample.Differences);
    }

    [Fact]
    public void IntervalRefutation_IsMarkedInexact()
    {
        // exp(s) = 1 + s holds only at s = 0, where it is exact; everywhere else exp(s) is irrational, so the
        // counterexample is decided by disjoint enclosures.
        var outcome = new Fuzzer(new FuzzOptions(Seed: 5)).Run(Entries.Equality("exp(s)", "1 + s"));

        Assert.Equal("refuted", outcome.Outcome);
        var counterexample = outcome.Counterexample!;
        Assert.False(counterexample.Exact);
        Assert.Contains(counterexample.Values["s"][0][0], new[] { "1", "-1" });
        Assert.Contains("interval (rigorous bound)", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("disjoint", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeed_GivesTheSameCounterexample()
    {
        var entry = Entries.Derivative(Beast, "X", Misprinted21);

        var first = new Fuzzer(new FuzzOptions(Seed: 99)).Run(entry).Counterexample!;
        var second = new Fuzzer(new FuzzOptions(Seed: 99)).Run(entry).Counterexample!;

        Assert.Equal(first.Dimensions, second.Dimensions);
        Assert.Equal(first.Values.Keys, second.Values.Keys);
        foreach (var name in first.Values.Keys) Assert.Equal(first.Values[name], second.Values[name]);
        Assert.Equal(first.Left, second.Left);
        Assert.Equal(first.Right, second.Right);
        Assert.Equal(first.Differences, second.Differences);
        Assert.Equal(first.Description, second.Description);
    }

    [Fact]
    public void SameSeed_GivesTheSameCases()
    {
        var entry = Entries.Equality("tr(A*B)", "tr(B*A)");
        var options = new FuzzOptions(Seed: 12345);

        var first = FsCheck.Fluent.Gen.Sample(new Fuzzer(options).Generator(entry), 20, new FsCheck.Rnd(7), 4);
        var second = FsCheck.Fluent.Gen.Sample(new Fuzzer(options).Generator(entry), 20, new FsCheck.Rnd(7), 4);

        Assert.Equal(first.Select(Describe), second.Select(Describe));
        Assert.Equal(new Fuzzer(options).Run(entry).Detail, new Fuzzer(options).Run(entry).Detail);
    }

    [Fact]
    public void DifferentSeeds_StillRefute()
    {
        var entry = Entries.Derivative(Beast, "X", Misprinted21);
        foreach (var seed in new long[] { 1, 2, 3, 4, 5 })
        {
            var outcome = new Fuzzer(new FuzzOptions(seed)).Run(entry);
            Assert.Equal("refuted", outcome.Outcome);
            Assert.Equal(seed, outcome.Counterexample!.Seed);
        }
    }

    [Fact]
    public void Definition_IsInconclusive()
    {
        var outcome = new Fuzzer(new FuzzOptions(Seed: 1)).Run(Entries.Definition(Beast));

        Assert.Equal("inconclusive", outcome.Outcome);
        Assert.Contains("definition", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, outcome.Cases);
    }

    [Fact]
    public void CasesOutsideTheDomain_AreDiscardedAndCounted()
    {
        // s is kept positive (it sits in a divisor), so s = 1 is drawn often and divides by zero.
        var outcome = new Fuzzer(new FuzzOptions(Seed: 3, Cases: 50)).Run(Entries.Equality("1/(s - 1)", "(s + 1)/(s*s - 1)"));

        Assert.Equal("confirmed", outcome.Outcome);
        Assert.Equal(50, outcome.Cases);
        Assert.True(outcome.Discards > 0, outcome.Detail);
        Assert.Contains($"{outcome.Discards} discarded", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryAlmostNeverInsideTheDomain_IsInconclusive()
    {
        // The diagonal of -2X'X is -2Σx² ≤ 0, so the elementwise log is never defined: every case is discarded.
        var outcome = new Fuzzer(new FuzzOptions(Seed: 3, Cases: 20, MaxDimension: 4)).Run(Entries.Equality("tr(log(-X'*X - X'*X))", "tr(log(-2*X'*X))"));

        Assert.Equal("inconclusive", outcome.Outcome);
        Assert.Equal(100, outcome.Discards);
    }

    [Fact]
    public void Check_ReChecksOneGivenCaseExactly()
    {
        var entry = Entries.Derivative("tr(A*X*B)", "X", "A*B'");
        var fuzzer = new Fuzzer(new FuzzOptions(Seed: 0));
        var values = entry.Symbols.Keys.ToDictionary(name => name, name => Matrix<Rational>.Create(2, 2, (r, c) => Rational.Of((r * 2) + c + (name == "A" ? 1 : 5))));

        var result = fuzzer.Check(entry, new FuzzCase(entry.Dimensions.ToDictionary(name => name, _ => 2), values));

        // A = [1 2; 3 4], B = [5 6; 7 8]: A'B' = [23 31; 34 46], AB' = [17 23; 39 53].
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.True(result.Exact);
        Assert.Equal("[23, 31; 34, 46]", result.Failure!.Left);
        Assert.Equal("[17, 23; 39, 53]", result.Failure.Right);
        Assert.Equal(["[1,1]: left 23, right 17", "[1,2]: left 31, right 23", "[2,1]: left 34, right 39", "[2,2]: left 46, right 53"], result.Failure.Differences);
    }

    [Fact]
    public void Check_RejectsADefinition()
    {
        var fuzzer = new Fuzzer(new FuzzOptions(Seed: 0));
        Assert.Throws<ArgumentException>(() => fuzzer.Check(Entries.Definition("tr(A)"), new FuzzCase(new Dictionary<string, int>(), new Dictionary<string, Matrix<Rational>>())));
    }

    [Fact]
    public void LargeVariables_AreCheckedAlongRandomDirections()
    {
        var options = new FuzzOptions(Seed: 4, Cases: 12, MaxDimension: 7);
        var entry = Entries.Derivative("tr(A*X*B)", "X", "A'*B'");
        var cases = FsCheck.Fluent.Gen.Sample(new Fuzzer(options).Generator(entry), 40, new FsCheck.Rnd(1), 7);

        Assert.All(cases, c =>
        {
            var entries = c.Values["X"].Rows * c.Values["X"].Cols;
            Assert.Equal(entries > CaseGenerator.FullGradientLimit ? 16 : 0, c.Directions.Count);
        });
        Assert.Contains(cases, c => c.Directions.Count > 0);
        Assert.Equal("confirmed", new Fuzzer(options).Run(entry).Outcome);
    }

    [Fact]
    public void LargeVariables_RefutedAlongADirection_ShrinkToAWholeGradientComparison()
    {
        // X - X' vanishes only on symmetric X, which a 6×6 case with these values is not.
        var entry = Entries.Derivative("tr(A*X*B)", "X", "A'*B' + X - X'");
        var values = entry.Symbols.Keys.ToDictionary(name => name, name => Matrix<Rational>.Create(6, 6, (r, c) => Rational.Of(((r * 7) + (c * 3) + name[0]) % 5 - 2)));
        var direction = Matrix<Rational>.Create(6, 6, (r, c) => Rational.Of((r + (2 * c)) % 3 - 1));
        var fuzzer = new Fuzzer(new FuzzOptions(Seed: 0));

        var result = fuzzer.Check(entry, new FuzzCase(entry.Dimensions.ToDictionary(name => name, _ => 6), values, [direction]));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.StartsWith("direction [", Assert.Single(result.Failure!.Differences), StringComparison.Ordinal);
        var refuted = new Fuzzer(new FuzzOptions(Seed: 8, MaxDimension: 7)).Run(entry);
        Assert.Equal("refuted", refuted.Outcome);
        Assert.Matches(@"^\[\d,\d\]: ", refuted.Counterexample!.Differences[0]);
    }

    [Fact]
    public void Run_StopsWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var fuzzer = new Fuzzer(new FuzzOptions(Seed: 1));
        Assert.Throws<OperationCanceledException>(() => fuzzer.Run(Entries.Equality("tr(A*B)", "tr(B*A)"), cancelled.Token));
    }

    private static string Describe(FuzzCase c) =>
        string.Join(";", c.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + "|" +
        string.Join(";", c.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
