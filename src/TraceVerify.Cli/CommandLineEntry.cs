using TraceVerify.Catalog;
using TraceVerify.Diagnostics;

namespace TraceVerify.Cli;

// Command-line texts as the catalog entry `new` would write for them, bound and checked by the catalog's own
// binder and verifier. Idea: `equal` and `derive` decide nothing on a path of their own, so a formula gets one
// verdict whether it is typed on the command line or written in a catalog — literal sizes (`X: 2 x 2`),
// numeric positions (`X[1,2]`) and matrix literals included, whose forms the catalog path writes over their
// positions (PositionPinning). Invariant: the entry carries exactly the `--shape` declarations the user wrote,
// so every verdict and counterexample is at the user's shapes, never at a narrower one.
internal static class CommandLineEntry
{
    // The seed `check` uses by default, so a command-line verdict replays as a catalog one.
    public const long Seed = 20261121;

    public static CatalogEntry Equality(string id, IReadOnlyList<string> sides, IReadOnlyList<NamedText> shapes) =>
        new(id, "", "<input>", 1, 1, EntryKind.Equality, ExpectedVerdict.Holds, null, null, null,
            sides.Select((text, k) => new SourceText(text, k == 0 ? "<left>" : "<right>", 1, 1)).ToArray(), null, null, [], shapes, [], []);

    // The entry's field rules and binding; diagnostics printed to stderr, except a shape restriction, which
    // the caller states as what its answer depends on.
    public static BindingResult Bind(CatalogEntry entry)
    {
        var fields = EntryFieldRules.Check(entry, entry.Location, null).ToList();
        var binding = fields.Any(d => d.Severity == Severity.Error) ? new BindingResult(null, fields, null) : EntryBinder.Bind(entry with { Diagnostics = fields });
        foreach (var diagnostic in binding.Diagnostics.Where(d => d.Code != DiagnosticCodes.ClaimRestrictsShapes)) Console.Error.WriteLine(diagnostic.ToString());
        return binding;
    }

    // The verdict `check` gives the entry: every method (fuzzing, the symbolic engine, Z3 where it gave no proof),
    // combined by the Verifier; no search for a forgotten hypothesis (it changes no verdict).
    public static EntryResult Check(CatalogEntry entry)
    {
        var options = new VerifierOptions(Seed, MemoryBudgetBytes: MemoryBudget.TryRead(out var memory, out _) ? memory : VerifierOptions.DefaultMemoryBudgetBytes)
        {
            HypothesisSearch = false,
        };
        return Methods.Verifier(options).Check(entry);
    }
}
