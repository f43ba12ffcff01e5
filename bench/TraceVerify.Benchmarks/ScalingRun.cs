using System.Globalization;

namespace TraceVerify.Benchmarks;

// `-- scaling`: warm median times of the derivative (Gradient on bound expressions: lowering, the product
// rule, canonicalization) for both scaling series and the notes' (9) and (19), each answer checked against
// its closed form, a log-log fit of time against output size, and the performance targets.
internal static class ScalingRun
{
    private const double BudgetSeconds = 1.0;

    private static readonly (string What, Func<DerivativeCase> Case, double LimitSeconds)[] Targets =
    [
        ("d tr(AXB)/dX", () => DerivativeList.Note("notes-9"), 10e-6),
        ("(19)→(20)", () => DerivativeList.Note("notes-19-20"), 50e-6),
        ("d tr(X^32)/dX", () => ScalingSeries.Power(32), 2e-3),
        ("d tr(X^256)/dX", () => ScalingSeries.Power(256), 50e-3),
        ("d tr(A1*X*...*A16*X)/dX", () => ScalingSeries.Chain(16), 5e-3),
        ("d tr(A1*X*...*A64*X)/dX", () => ScalingSeries.Chain(64), 100e-3),
    ];

    public static int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failures = 0;
        var measured = new Dictionary<string, Row>(StringComparer.Ordinal);
        Row MeasureOnce(DerivativeCase c)
        {
            if (measured.TryGetValue(c.Id, out var known)) return known;
            var row = Measure(c);
            measured[c.Id] = row;
            if (!row.Correct) failures++;
            return row;
        }

        output.WriteLine($"TraceVerify derivative scaling — .NET {Environment.Version}, {Environment.ProcessorCount} cores, warm medians (Stopwatch)");
        output.WriteLine();
        Warmup.Run(Warmup.Representative());
        foreach (var (title, cases) in new[]
        {
            ("∂ tr(Xⁿ)/∂X = n (Xᵀ)ⁿ⁻¹", ScalingSeries.PowerSizes.Select(ScalingSeries.Power).ToArray()),
            ("∂ tr(A₁X A₂X … AₙX)/∂X = Σₖ Aₖᵀ Xᵀ … Aₖ₊₁ᵀ", ScalingSeries.ChainSizes.Select(ScalingSeries.Chain).ToArray()),
        })
        {
            output.WriteLine($"### {title}");
            output.WriteLine();
            output.WriteLine("| n | output terms | output factors | parse + bind | derive (median) | derive (fastest) | samples × batch | closed form |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|");
            var rows = new List<(int N, Row Row)>();
            foreach (var c in cases)
            {
                var row = MeasureOnce(c);
                var n = int.Parse(c.Id[(c.Id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
                rows.Add((n, row));
                output.WriteLine($"| {n} | {row.Terms} | {row.Factors} | {Format(row.Bind.MedianSeconds)} | {Format(row.Derive.MedianSeconds)} | {Format(row.Derive.FastestSeconds)} | {row.Derive.Samples} × {row.Derive.BatchSize} | {(row.Correct ? "equal" : "DIFFERENT")} |");
            }
            output.WriteLine();
            WriteFits(output, rows);
            output.WriteLine();
        }

        output.WriteLine("### Targets (derive, warm median)");
        output.WriteLine();
        output.WriteLine("| derivative | target | median | fastest | |");
        output.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (what, make, limit) in Targets)
        {
            var row = MeasureOnce(make());
            var met = row.Derive.MedianSeconds <= limit;
            output.WriteLine($"| {what} | ≤ {Format(limit)} | {Format(row.Derive.MedianSeconds)} | {Format(row.Derive.FastestSeconds)} | {(met ? "met" : "MISSED")}{(row.Correct ? "" : ", WRONG ANSWER")} |");
        }
        output.WriteLine();
        if (failures > 0) output.WriteLine($"{failures} derivative(s) differ from their closed form.");
        return failures == 0 ? 0 : 1;
    }

    // Time against output size (factors summed over the canonical terms) and against n, over all n and over
    // the larger half, where constant costs no longer hide the growth.
    private static void WriteFits(TextWriter output, List<(int N, Row Row)> rows)
    {
        var larger = rows.Skip(rows.Count / 2).ToList();
        output.WriteLine("| fit of derive time | exponent (all n) | R² | exponent (n ≥ " + larger[0].N.ToString(CultureInfo.InvariantCulture) + ") | R² |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, x) in new (string, Func<(int N, Row Row), double>)[] { ("vs output size", r => r.Row.Factors), ("vs n", r => r.N) })
        {
            var all = PowerLawFit.Of(rows.Select(r => (x(r), r.Row.Derive.MedianSeconds)).ToList());
            var tail = PowerLawFit.Of(larger.Select(r => (x(r), r.Row.Derive.MedianSeconds)).ToList());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {all.Exponent:0.00} | {all.RSquared:0.000} | {tail.Exponent:0.00} | {tail.RSquared:0.000} |"));
        }
    }

    private static Row Measure(DerivativeCase c)
    {
        var bind = WarmTimer.Median(() => Derivation.Bind(c.Of, c.Wrt), BudgetSeconds / 4);
        var derivation = Derivation.Bind(c);
        var gradient = derivation.Gradient();
        var correct = gradient.Equals(derivation.ExpectedForm());
        var derive = WarmTimer.Median(derivation.Gradient, BudgetSeconds);
        return new Row(gradient.Terms.Count, gradient.Terms.Sum(t => t.Factors.Count), bind, derive, correct);
    }

    public static string Format(double seconds) => seconds switch
    {
        < 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:0.0} µs"),
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:0.00} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.00} s"),
    };

    private sealed record Row(int Terms, int Factors, Measurement Bind, Measurement Derive, bool Correct);
}
