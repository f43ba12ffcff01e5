using System.Globalization;
using System.Text.Json;

namespace TraceVerify.Benchmarks;

// `-- compare LIST.json SYMPY.json`: times TraceVerify's derivative of every listed case (warm median, in
// process), checks it against the closed form, and prints the side-by-side markdown table with SymPy's
// results. Both sides are timed from already-built expressions to the derivative; parsing is not timed.
internal static class CompareRun
{
    private const double BudgetSeconds = 0.5;

    public static int Run(string listPath, string sympyPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cases = DerivativeListFile.Read(listPath);
        var sympy = ReadSympy(sympyPath);
        Warmup.Run(Warmup.Representative());

        output.WriteLine("| derivative | TraceVerify | TraceVerify answer | SymPy | SymPy answer | SymPy ÷ TraceVerify |");
        output.WriteLine("|---|---:|---|---:|---|---:|");
        var wrong = 0;
        var series = new List<(string Family, int N, double Ours, double? Theirs)>();
        foreach (var c in cases)
        {
            var derivation = Derivation.Bind(c);
            var correct = derivation.Gradient().Equals(derivation.ExpectedForm());
            if (!correct) wrong++;
            var time = WarmTimer.Median(derivation.Gradient, BudgetSeconds).MedianSeconds;
            var theirs = sympy.GetValueOrDefault(c.Id) ?? new SympyResult("missing", null, "no SymPy result");
            var ratio = theirs.Seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s / time:0}×") : "—";
            var answer = theirs.Status == "correct" ? "correct" : $"{theirs.Status}: {Escape(theirs.Detail)}";
            output.WriteLine($"| {Escape(c.Label)} | {ScalingRun.Format(time)} | {(correct ? "correct" : "DIFFERENT")} | " +
                $"{(theirs.Seconds is { } t ? ScalingRun.Format(t) : theirs.Status)} | {answer} | {ratio} |");
            if (SeriesMember(c.Id) is { } member) series.Add((member.Family, member.N, time, theirs.Status == "correct" ? theirs.Seconds : null));
        }
        output.WriteLine();
        WriteExponents(output, series);
        return wrong == 0 ? 0 : 1;
    }

    // Time ∝ nᵉ over each series, for both tools, fitted where each finished with a correct answer.
    private static void WriteExponents(TextWriter output, List<(string Family, int N, double Ours, double? Theirs)> series)
    {
        output.WriteLine("| series | TraceVerify: exponent of time vs n | TraceVerify, over SymPy's n | SymPy: exponent of time vs n |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var family in series.GroupBy(s => s.Family))
        {
            var ours = PowerLawFit.Of(family.Select(s => ((double)s.N, s.Ours)).ToList());
            var finished = family.Where(s => s.Theirs is not null).Select(s => ((double)s.N, s.Theirs!.Value)).ToList();
            var theirs = finished.Count >= 2
                ? string.Create(CultureInfo.InvariantCulture, $"{PowerLawFit.Of(finished).Exponent:0.00} (n ≤ {finished.Max(p => p.Item1)})")
                : "—";
            var oursThere = finished.Count >= 2
                ? string.Create(CultureInfo.InvariantCulture, $"{PowerLawFit.Of(family.Where(s => s.Theirs is not null).Select(s => ((double)s.N, s.Ours)).ToList()).Exponent:0.00}")
                : "—";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(family.Key == "power" ? "tr(Xⁿ)" : "tr(A₁X … AₙX)")} | {ours.Exponent:0.00} (n ≤ {family.Max(s => s.N)}) | {oursThere} | {theirs} |"));
        }
        output.WriteLine();
    }

    private static (string Family, int N)? SeriesMember(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash > 0 && !id.StartsWith("notes-", StringComparison.Ordinal) && int.TryParse(id[(dash + 1)..], CultureInfo.InvariantCulture, out var n)
            ? (id[..dash], n)
            : null;
    }

    private static Dictionary<string, SympyResult> ReadSympy(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new Dictionary<string, SympyResult>(StringComparer.Ordinal);
        foreach (var e in document.RootElement.EnumerateArray())
        {
            var seconds = e.GetProperty("seconds");
            results[e.GetProperty("id").GetString()!] = new SympyResult(
                e.GetProperty("status").GetString()!,
                seconds.ValueKind == JsonValueKind.Number ? seconds.GetDouble() : null,
                e.GetProperty("detail").GetString() ?? "");
        }
        return results;
    }

    // A table cell: no pipes or line breaks.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
