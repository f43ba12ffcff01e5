using System.CommandLine;
using TraceVerify.Catalog;
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
            if (EntryLookup.Find(result.GetValue(id)!, result.GetValue(paths) ?? []) is not { } found) return ExitCodes.Usage;
            var entry = found.Binding.Entry!;
            if (entry.Kind == EntryKind.Definition)
            {
                Console.Out.WriteLine($"{entry.Id}: a definition states no identity; nothing to prove");
                return ExitCodes.Success;
            }
            if (Z3Solver.NativeVersion is null)
            {
                Console.Error.WriteLine("traceverify: error: libz3 could not be loaded (install libz3-4)");
                return ExitCodes.Usage;
            }
            var bound = Math.Max(1, result.GetValue(maxDim));
            var method = new Z3Method(bound, Math.Max(1, result.GetValue(maxShapes)));
            if (result.GetValue(smt) is { } path)
            {
                var shapes = Z3Method.Shapes(entry.Dimensions, bound).Take(method.MaxShapes).ToArray();
                File.WriteAllText(path, Z3Method.WriteSmt(entry, shapes[^1]));
                Console.Out.WriteLine($"wrote {path} ({string.Join(", ", shapes[^1].Select(p => $"{p.Key}={p.Value}"))})");
            }
            var evidence = method.Run(entry, Verifier.EntrySeed(0, entry.Id), CancellationToken.None);
            Console.Out.WriteLine($"{entry.Id}: z3 {evidence.Result.Outcome} — {evidence.Result.Detail}");
            if (evidence.Counterexample is { } c) Console.Out.Write(CounterexampleText.Render(c));
            return evidence.Holds || (found.Entry.Expected == ExpectedVerdict.Refuted && evidence.Refutes) ? ExitCodes.Success : ExitCodes.Mismatch;
        });
        return command;
    }
}
