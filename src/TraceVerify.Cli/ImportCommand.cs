using System.CommandLine;
using System.Text;
using TraceVerify.Catalog;

namespace TraceVerify.Cli;

// `import --latex FILE`: one checked catalog entry per display formula of a LaTeX file; the formulas that
// give no entry are listed with their diagnostics (on stderr, located in FILE, and as comments in the catalog).
internal static class ImportCommand
{
    public static Command Create()
    {
        var latex = new Option<string>("--latex") { Description = "a LaTeX file of display equations (\\begin{equation}…, \\[…\\], or one formula per line)", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "write the catalog here (default: standard output)" };
        var prefix = new Option<string?>("--prefix") { Description = "id prefix (default: the file's name)" };
        var seed = new Option<long>("--seed") { Description = "seed of the fuzz cases that check each entry", DefaultValueFactory = _ => 1 };
        var command = new Command("import", "write a catalog from the display formulas of a LaTeX file, each entry checked") { latex, output, prefix, seed };
        command.SetAction(result =>
        {
            var path = result.GetValue(latex)!;
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"traceverify: error TV0011: cannot read `{path}`: {e.Message}");
                return ExitCodes.CatalogUnreadable;
            }
            var name = result.GetValue(prefix) ?? Slug(Path.GetFileNameWithoutExtension(path));
            var verifier = Methods.Verifier(new VerifierOptions(result.GetValue(seed), UseZ3: false) { HypothesisSearch = false });
            var catalog = new StringBuilder($"# Imported by `traceverify import --latex {Path.GetFileName(path)}`: one entry per display formula.\n");
            var skipped = new List<string>();
            var failing = 0;
            var formulas = LatexDocument.Split(text);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var formula in formulas)
            {
                // Two formulas with one label (a tag repeated) still get distinct ids.
                var id = $"{name}-{formula.Label}";
                for (var k = 2; !ids.Add(id); k++) id = $"{name}-{formula.Label}-{k}";
                var created = LatexEntries.Create(formula.Text, id, formula.Label, null, verifier);
                if (created.Error is { } error)
                {
                    var (line, column) = formula.Locate(error.Span.Start);
                    var message = $"{path}:{line}:{column}: error {error.Code}: {error.Message}";
                    Console.Error.WriteLine(message);
                    skipped.Add($"# not imported, ({formula.Label}) at line {formula.Line}: error {error.Code}: {error.Message}");
                    continue;
                }
                catalog.Append('\n').Append(created.Yaml);
                if (created.Result is not { } checkedResult)
                {
                    failing++;
                    foreach (var d in created.Diagnostics) Console.Error.WriteLine($"{path}:{formula.Line}: error {d.Code}: ({formula.Label}) {d.Message}");
                    catalog.Append("  # checked: ill-formed\n");
                    continue;
                }
                if (!checkedResult.MatchesExpected) failing++;
                catalog.Append("  # checked: ").Append(Expectations.Text(checkedResult.Verdict)).Append(" (")
                    .Append(string.Join("; ", checkedResult.Methods.Select(m => $"{m.Name}: {m.Outcome}"))).Append(")\n");
            }
            if (skipped.Count > 0) catalog.Append('\n').AppendJoin('\n', skipped).Append('\n');
            if (result.GetValue(output) is { } file) File.WriteAllText(file, catalog.ToString());
            else Console.Out.Write(catalog.ToString());
            Console.Error.WriteLine($"imported {formulas.Count - skipped.Count} of {formulas.Count} formulas; {failing} entr{(failing == 1 ? "y does" : "ies do")} not hold as written; {skipped.Count} not read");
            return skipped.Count == 0 && failing == 0 ? ExitCodes.Success : ExitCodes.Mismatch;
        });
        return command;
    }

    private static string Slug(string text)
    {
        var slug = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "latex" : slug;
    }
}
