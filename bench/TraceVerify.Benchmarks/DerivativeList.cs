namespace TraceVerify.Benchmarks;

// The derivatives both sides of bench/compare-sympy.sh time: the notes' list (bench/notes-derivatives.txt)
// followed by the scaling series.
internal static class DerivativeList
{
    public const string NotesFile = "bench/notes-derivatives.txt";

    public static IReadOnlyList<DerivativeCase> Notes(string path)
    {
        var cases = new List<DerivativeCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length != 4) throw new FormatException($"{path}:{lineNumber}: expected `id | of | wrt | formula`");
            cases.Add(new DerivativeCase("notes-" + fields[0], "(" + fields[0].Replace("-", ")→(", StringComparison.Ordinal) + ")", fields[1], fields[2], [fields[3]]));
        }
        return cases;
    }

    public static IReadOnlyList<DerivativeCase> All(string notesPath) => [.. Notes(notesPath), .. ScalingSeries.All()];

    // One of the notes' derivatives in this repository's list, by id ("notes-9", "notes-19-20").
    public static DerivativeCase Note(string id) => Notes(RepositoryPaths.InRoot(NotesFile)).Single(c => c.Id == id);
}
