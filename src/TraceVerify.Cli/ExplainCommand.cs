using System.CommandLine;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Reporting;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "the entry's id, e.g. traa-21" };
        var paths = new Option<string[]>("--catalog") { Description = "catalogs to search (default: identities.yaml and identities/*.yaml)", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long>("--seed") { Description = "the run's seed", DefaultValueFactory = _ => 20261121 };
        var command = new Command("explain", "show everything known about one entry") { id, paths, seed };
        command.SetAction(result =>
        {
            if (EntryLookup.Entry(result.GetValue(id)!, result.GetValue(paths) ?? []) is not { } entry) return ExitCodes.Usage;
            var w = Console.Out;
            // Catalog texts are escaped (Printable): one line each, no escape sequences reach the terminal.
            static string P(string? text) => Printable.Escape(text ?? "");
            w.WriteLine($"{P(entry.Id)} (eq {P(entry.Eq)}) at {entry.Location}: {P(entry.Title)}");
            if (entry.Latex is { } latex) w.WriteLine($"  as printed: {P(latex)}");
            if (entry.Note is { } note) w.WriteLine($"  note: {P(note)}");
            if (entry.Of is { } of)
                w.WriteLine(entry.SecondWrt is { } second ? $"  ∂² {P(of.Text)} / ∂ {P(entry.Wrt?.Text)} ∂ {P(second.Text)}" : $"  ∂ {P(of.Text)} / ∂ {P(entry.Wrt?.Text)}");
            if (entry.Layout is { } layout) w.WriteLine($"  layout: {P(layout.Text)} (rows follow {(layout.Text.Trim() == "denominator" ? "wrt" : "of")})");
            foreach (var side in entry.Sides) w.WriteLine($"  {(entry.Kind == EntryKind.Derivative ? "claim" : "side ")}: {P(side.Text)}");
            var options = new VerifierOptions(result.GetValue(seed), MemoryBudgetBytes: MemoryBudget.TryRead(out var memory, out _) ? memory : VerifierOptions.DefaultMemoryBudgetBytes);
            var verdict = Methods.Verifier(options, Z3Policy.Always).Check(entry);
            foreach (var lint in Linter.Lint(entry).Where(d => !verdict.Diagnostics.Contains(d))) w.WriteLine($"  {lint}");
            w.WriteLine($"verdict: {Expectations.Text(verdict.Verdict)} (expected {Expectations.Text(verdict.Expected)}{(verdict.MatchesExpected ? "" : " — MISMATCH")}), seed {options.Seed}");
            foreach (var m in verdict.Methods) w.WriteLine($"  {m.Name}: {m.Outcome} — {m.Detail}");
            foreach (var d in verdict.Diagnostics) w.WriteLine($"  {d}");
            var bound = EntryBinder.Bind(entry).Entry;
            if (bound is not null)
            {
                // Declared shapes are constraints the verdict holds at; inferred ones are what the symbols' use implies.
                w.WriteLine("shapes: " + string.Join(", ", bound.Symbols.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}: {p.Value}{(bound.Attributes.TryGetValue(p.Key, out var a) ? " " + Numeric.MatrixAttributeNames.Text(a) : "")} ({(bound.Declared.Contains(p.Key) ? "declared" : "inferred")})")));
                if (bound.Kind == EntryKind.Derivative && bound.SecondWrt is null)
                {
                    w.WriteLine("contributions, one per appearance of the variable (the notes' rule: apply (9) to each):");
                    foreach (var part in AppearanceContributions.Of(bound.Of!, bound.Wrt!, bound.FreeIndexMap, bound.Frozen, bound.Reversed))
                        w.WriteLine($"  {part.Appearance}: {Explaining.Print(part.Derivative, Explaining.FormContext(bound))}");
                }
            }
            if (verdict.Details is { } details)
            {
                if (details.Derived is { } derived) w.WriteLine($"derived: {derived}");
                if (details.CanonicalForms.Count > 0)
                {
                    w.WriteLine("canonical index forms:");
                    foreach (var form in details.CanonicalForms) w.WriteLine($"  {form}");
                }
                foreach (var line in details.TermComparison) w.WriteLine($"  {line}");
            }
            if (verdict.Counterexample is { } c) w.Write(CounterexampleText.Render(c));
            if (verdict.Suggestion is { } s) w.WriteLine($"suggestion: {P(s)}");
            if (verdict.Hypotheses is { } h)
            {
                w.WriteLine($"hypothesis search: {P(h.Outcome)}");
                foreach (var t in h.Tried) w.WriteLine($"  tried {P(t.Set)}: {t.Verdict}");
                foreach (var f in h.Found) w.WriteLine($"  found {P(f.Set)}: {f.Verdict} ({P(f.Evidence)})");
            }
            if (verdict.Verdict == Verdict.Error) return ExitCodes.InternalError;
            return verdict.MatchesExpected ? ExitCodes.Success : ExitCodes.Mismatch;
        });
        return command;
    }
}
