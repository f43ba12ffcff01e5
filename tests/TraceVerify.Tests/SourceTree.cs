namespace TraceVerify.Tests;

// The checkout the tests run from, found by walking up from the test binaries to TraceVerify.sln: the notes'
// catalog, the schema and the golden files' sources live there.
internal static class SourceTree
{
    public static string Root { get; } = Find();

    public static string Resolve(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TraceVerify.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"no TraceVerify.sln above {AppContext.BaseDirectory}: the tests must run from a checkout");
    }
}
