using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TraceVerify.Tests.Cli;

// docs/ci-sharded.yml run locally: each matrix shard's `run` scripts in its own directory (a runner of its own)
// with `traceverify` on the PATH as the real binary, the uploaded files handed to the merge job's directory,
// and the merge job's scripts there — as separate processes, under bash -e as GitHub Actions runs them.
public partial class ShardedWorkflowTests
{
    private const string Catalog = """
        - id: nine
          kind: derivative
          of: tr(A*X*B)
          wrt: X
          claim: A'*B'
        - id: cyclic
          kind: equality
          lhs: tr(A*B*C)
          rhs: tr(C*A*B)
        - id: product-of-traces
          kind: equality
          lhs: tr(A*B)
          rhs: tr(A)*tr(B)
        - id: transpose
          kind: equality
          lhs: (A*B)'
          rhs: B'*A'
        - id: f
          kind: definition
          expr: tr(A*X)

        """;

    private sealed record Workflow(IReadOnlyList<string> Shards, IReadOnlyList<string> CheckScripts, string UploadPath, IReadOnlyList<string> MergeScripts);

    private sealed record Shell(int ExitCode, string Output, string Error);

    private static Workflow Read()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "docs", "ci-sharded.yml"))));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var check = (YamlMappingNode)jobs["check"];
        var merge = (YamlMappingNode)jobs["merge"];
        Assert.Equal("check", merge["needs"].ToString());
        var shards = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)check["strategy"])["matrix"])["shard"]).Select(n => n.ToString()).ToList();
        static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().ToList();
        static string? Value(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out var v) ? v.ToString() : null;
        static IReadOnlyList<string> Scripts(YamlMappingNode job) =>
            Steps(job).Select(s => Value(s, "run")).OfType<string>().Where(r => r.Contains("traceverify ", StringComparison.Ordinal) && !r.Contains("dotnet ", StringComparison.Ordinal)).ToList();
        var upload = Steps(check).Single(s => Value(s, "uses")?.StartsWith("actions/upload-artifact", StringComparison.Ordinal) == true);
        return new Workflow(shards, Scripts(check), Value((YamlMappingNode)upload["with"], "path")!, Scripts(merge));
    }

    private static string ForShard(string text, string shard) => text.Replace("${{ matrix.shard }}", shard, StringComparison.Ordinal);

    // Runs a step's script as GitHub Actions does (bash -e), with `traceverify` meaning the binary under test.
    private static Shell Bash(string directory, string script)
    {
        var bin = Directory.CreateTempSubdirectory("tv-bin-").FullName;
        var tool = Path.Combine(bin, "traceverify");
        File.WriteAllText(tool, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "traceverify.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-e", "-c", script }) start.ArgumentList.Add(a);
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException("the script did not finish"); }
        return new Shell(process.ExitCode, output.Result, error.Result);
    }

    // Every shard job in a directory of its own; returns the merge job's directory holding what they uploaded.
    private static string RunShards(Workflow workflow, string catalog, Func<string, bool>? uploaded = null)
    {
        var merge = Directory.CreateTempSubdirectory("tv-workflow-merge-").FullName;
        foreach (var shard in workflow.Shards)
        {
            var runner = Directory.CreateTempSubdirectory($"tv-workflow-shard-{shard}-").FullName;
            File.WriteAllText(Path.Combine(runner, "identities.yaml"), catalog);
            foreach (var script in workflow.CheckScripts)
            {
                var run = Bash(runner, ForShard(script, shard));
                Assert.True(run.ExitCode == 0, $"shard {shard}: {run.Error}");
            }
            var path = ForShard(workflow.UploadPath, shard);
            if (uploaded?.Invoke(shard) ?? true) File.Copy(Path.Combine(runner, path), Path.Combine(merge, path));
        }
        File.WriteAllText(Path.Combine(merge, "identities.yaml"), catalog);
        return merge;
    }

    private static Shell RunMerge(Workflow workflow, string directory)
    {
        var run = new Shell(0, "", "");
        foreach (var script in workflow.MergeScripts)
        {
            run = Bash(directory, script);
            if (run.ExitCode != 0) break;
        }
        return run;
    }

    [GeneratedRegex("[0-9]+\\.[0-9]{3} ?s\\b|time=\"[0-9.]+\"")]
    private static partial Regex Times();

    [Fact]
    public void The_workflow_has_a_matrix_of_4_shards_each_checking_its_own_slice_and_one_merge_job()
    {
        var workflow = Read();
        Assert.Equal(["1", "2", "3", "4"], workflow.Shards);
        Assert.Contains(workflow.CheckScripts, s => s.Contains($"--shard ${{{{ matrix.shard }}}}/{workflow.Shards.Count} ", StringComparison.Ordinal));
        Assert.Contains(workflow.MergeScripts, s => s.StartsWith("traceverify merge ", StringComparison.Ordinal));
    }

    [BashFact]
    public void Run_locally_the_shards_pass_their_jobs_and_the_merge_job_reports_the_refuted_entry_as_an_unsharded_check_would()
    {
        var workflow = Read();
        var merge = RunShards(workflow, Catalog);
        var merged = RunMerge(workflow, merge);
        Assert.True(merged.ExitCode == 1, merged.Error);

        var reference = Directory.CreateTempSubdirectory("tv-workflow-all-").FullName;
        File.WriteAllText(Path.Combine(reference, "identities.yaml"), Catalog);
        var unsharded = CliRunner.Invoke(reference, "check", "--report", "junit=traceverify.xml");
        Assert.Equal(1, unsharded.ExitCode);
        Assert.Equal(Times().Replace(unsharded.Output, "T"), Times().Replace(merged.Output, "T"));
        Assert.Equal(
            Times().Replace(File.ReadAllText(Path.Combine(reference, "traceverify.xml")), "T"),
            Times().Replace(File.ReadAllText(Path.Combine(merge, "traceverify.xml")), "T"));
        Assert.Contains("product-of-traces", File.ReadAllText(Path.Combine(merge, "traceverify.sarif")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(merge, "traceverify.html")));
    }

    [BashFact]
    public void Run_locally_a_lost_shard_fails_the_merge_job_with_exit_2_naming_it()
    {
        var workflow = Read();
        var merge = RunShards(workflow, Catalog, uploaded: shard => shard != "2");
        var merged = RunMerge(workflow, merge);
        Assert.Equal(2, merged.ExitCode);
        Assert.Contains("error TV0052: shard 2/4 is missing", merged.Error, StringComparison.Ordinal);
    }

    [BashFact]
    public void Run_locally_a_shard_job_fails_on_an_unreadable_catalog()
    {
        var script = ForShard(Read().CheckScripts.Single(), "1");
        var runner = Directory.CreateTempSubdirectory("tv-workflow-shard-").FullName;
        File.WriteAllText(Path.Combine(runner, "identities.yaml"), "just: a mapping\n");
        var run = Bash(runner, script);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("identities.yaml:1:1: error TV0002", run.Error, StringComparison.Ordinal);
    }
}
