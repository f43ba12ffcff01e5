using System.Diagnostics;

namespace TraceVerify.Tests.Cli;

// Runs the real `traceverify` binary built next to the tests.
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static Run Invoke(string workingDirectory, params string[] args) =>
        Invoke(workingDirectory, new Dictionary<string, string>(StringComparer.Ordinal), args);

    // The same, with these environment variables set for the process.
    public static Run Invoke(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "traceverify.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException("traceverify did not finish"); }
        return new Run(process.ExitCode, output.Result, error.Result);
    }

    // Runs `traceverify ARGS REDIRECTIONS` through /bin/sh, for what a pipe cannot show: `> /dev/full`, `>&-`.
    public static Run InvokeWithRedirection(string workingDirectory, string redirection, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" \"$@\" " + redirection);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "traceverify.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException("traceverify did not finish"); }
        return new Run(process.ExitCode, output.Result, error.Result);
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TraceVerify.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }
}
