namespace TraceVerify.Benchmarks;

// The repository root (where identities.yaml and TraceVerify.sln are), found by walking up from the working
// directory and from this program's own directory — BenchmarkDotNet runs benchmarks from a generated
// folder under bin/, below the root.
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string InRoot(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "identities.yaml")) && File.Exists(Path.Combine(dir.FullName, "TraceVerify.sln")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("cannot find the repository root (identities.yaml beside TraceVerify.sln) above the working directory");
    }
}
