using TraceVerify.Catalog;

namespace TraceVerify.Tests.Syntax.Latex;

// The LaTeX the reader must read: every `latex:` field of the notes' catalog, and every formula of the
// Cookbook's section 2 (the backquoted third column of its table).
internal static class LatexSources
{
    public static IReadOnlyList<CatalogEntry> NotesEntries { get; } =
        CatalogLoader.Load(SourceTree.Resolve("identities.yaml")).Entries.Where(e => e.Latex is not null).ToArray();

    public static TheoryData<string> NotesIds() => [.. NotesEntries.Select(e => e.Id)];

    public static string Notes(string id) => NotesEntries.Single(e => e.Id == id).Latex!;

    public static string CookbookPath => Path.Combine(SourceTree.Root, "docs", "sources", "matrix-cookbook-2012-section2.md");

    // (equation label, formula) for every table row.
    public static IReadOnlyList<(string Eq, string Formula)> Cookbook()
    {
        var rows = new List<(string, string)>();
        foreach (var line in File.ReadLines(CookbookPath))
        {
            var cells = line.Split('|');
            if (cells.Length < 5 || !cells[3].Trim().StartsWith('`')) continue;
            rows.Add((cells[2].Trim(), cells[3].Trim().Trim('`')));
        }
        return rows;
    }
}
