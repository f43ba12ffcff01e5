using System.CommandLine;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Proof;
using TraceVerify.Reporting;

namespace TraceVerify.Cli;

internal static class ProveCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "the entry's id, e.g. traa-9" };
        var paths = new Option<string[]>("--catalog") { Description = "catalogs to search (default: identities.yaml and identities/*.yaml)", AllowMultipleArgumentsPerToken = true };
        var maxDim = new Option<int>("--max-dim") { Description = "prove at every shape with each dimension in 1..N", DefaultValueFactory = _ => 3 };
        var maxShapes = new Option<int>("--max-shapes") { Description = "at most this many shapes", DefaultValueFactory = _ => 1000 };
        var smt = new Option<string?>("--smt") { Description = "write the SMT-LIB2 script of the largest shape tried to this file, to replay with any solver" };
        var command = new Command("prove", "prove one entry with Z3 at every shape up to a bound") { id, paths, maxDim, maxShapes, smt };
        command.SetAction(result =>
        {
            var problem = Limits.Range("--max-dim", result.GetValue(maxDim), 1, Limits.MaxZ3Dimension)
                ?? Limits.Range("--max-shapes", result.GetValue(maxShapes), 1, Limits.MaxShapes);
            if (problem is null && result.GetValue(smt) is { } smtPath && OutputFile.Problem(smtPath) is { } bad) problem = $"--smt: {bad}";
            if (problem is not null)
            {
                Console.Error.WriteLine($"traceverify: error: {problem}");
                return ExitCodes.Usage;
            }
            if (EntryLookup.Find(result.GetValue(id)!, result.GetValue(paths) ?? []) is not { } found) return ExitCodes.Usage;
            var entry = found.Binding.Entry!;
            if (entry.Kind == EntryKind.Definition)
            {
                Console.Out.WriteLine($"{Printable.Escape(entry.Id)}: a definition states no identity; nothing to prove");
                return ExitCodes.Success;
            }
            if (Z3Solver.NativeVersion is null)
            {
                Console.Error.WriteLine("traceverify: error: libz3 could not be loaded (install libz3-4)");
                return ExitCodes.Usage;
            }
            var bound = result.GetValue(maxDim);
            var method = new Z3Method(bound, result.GetValue(maxShapes));
            string? unwritten = null;
            if (result.GetValue(smt) is { } path)
            {
                var shapes = Z3Method.Shapes(entry.Dimensions, bound).Take(method.MaxShapes).ToArray();
                string script;
                try
                {
                    script = Z3Method.WriteSmt(entry, shapes[^1]);
                }
                catch (Exception e) when (e is Numeric.DomainException or SmtBudgetException)
                {
                    // Undefined at that shape (log(s - s)) or past the expansion budget (det at n=8): no script, said
                    // so, and the proof still runs; this was an internal error (exit 70).
                    var at = shapes[^1].Count == 0 ? "fixed sizes" : string.Join(", ", shapes[^1].Select(p => $"{p.Key}={p.Value}"));
                    unwritten = $"no SMT-LIB2 script written: the entry cannot be encoded at {at} ({e.Message})";
                    Console.Error.WriteLine($"traceverify: error: {unwritten}");
                    script = "";
                }
                try
                {
                    if (unwritten is null) File.WriteAllText(path, script);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new OutputFailedException($"cannot write `{path}`: {e.Message}", e);
                }
                if (unwritten is null) Console.Out.WriteLine($"wrote {path} ({string.Join(", ", shapes[^1].Select(p => $"{p.Key}={p.Value}"))})");
            }
            var evidence = method.Run(entry, Verifier.EntrySeed(0, entry.Id), CancellationToken.None);
            Console.Out.WriteLine($"{Printable.Escape(entry.Id)}: z3 {evidence.Result.Outcome} — {evidence.Result.Detail}");
            if (evidence.Counterexample is { } c) Console.Out.Write(CounterexampleText.Render(c));
            if (unwritten is not null) return ExitCodes.Mismatch;
            return evidence.Holds || (found.Entry.Expected == ExpectedVerdict.Refuted && evidence.Refutes) ? ExitCodes.Success : ExitCodes.Mismatch;
        });
        return command;
    }
}
