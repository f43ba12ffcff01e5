namespace TraceVerify.Tests.Reporting;

// Golden files pin every output a user sees. Expected text is read from the copy beside the test binaries
// (the csproj copies Golden/**); with TRACEVERIFY_UPDATE_GOLDEN=1 the source file is rewritten instead,
// and the diff is reviewed like code.
internal static class Golden
{
    public const string UpdateVariable = "TRACEVERIFY_UPDATE_GOLDEN";

    public static void Verify(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var source = SourceTree.Resolve("tests", "TraceVerify.Tests", "Golden", "Reporting", name);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }
        var copy = Path.Combine(AppContext.BaseDirectory, "Golden", "Reporting", name);
        Assert.True(File.Exists(copy), $"golden file Golden/Reporting/{name} is missing; run the tests with {UpdateVariable}=1 to create it");
        // A checkout may have turned \n into \r\n; the renderers always write \n.
        var expected = File.ReadAllText(copy).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
