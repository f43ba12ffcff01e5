using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// `new --latex '…'`: the entry the formula states (latex, kind, of/wrt/claim or sides, the inferred shapes),
// checked; exit 0 only when it holds and its latex agrees with it.
internal static class NewFromLatex
{
    public static int Run(string latex, string? id)
    {
        var verifier = Methods.Verifier(new VerifierOptions(1, UseZ3: false) { HypothesisSearch = false });
        var created = LatexEntries.Create(latex, id, "", null, verifier);
        if (created.Error is { } error)
        {
            LatexInput.Report("<latex>", latex, error);
            return ExitCodes.Usage;
        }
        if (created.Result is not { } result)
        {
            Console.Out.Write(created.Yaml);
            foreach (var d in created.Diagnostics) Console.Error.WriteLine($"traceverify: error {d.Code}: {d.Message}");
            return ExitCodes.Mismatch;
        }
        Console.Out.Write(created.Yaml);
        Console.Out.WriteLine($"  # checked: {Expectations.Text(result.Verdict)} ({string.Join("; ", result.Methods.Select(m => $"{m.Name}: {m.Outcome}"))})");
        foreach (var d in result.Diagnostics) Console.Error.WriteLine($"traceverify: {d.SeverityText} {d.Code}: {d.Message}");
        return result.MatchesExpected ? ExitCodes.Success : ExitCodes.Mismatch;
    }
}
