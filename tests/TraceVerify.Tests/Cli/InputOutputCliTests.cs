using System.Diagnostics;
using System.Text.Json;

namespace TraceVerify.Tests.Cli;

// The real binary on hostile input paths, options and outputs: usage errors are exit 64 before any work,
// unwritable output is exit 74, unreadable catalogs exit 2 with the others still checked.
public class InputOutputCliTests
{
    private const string Good = "- id: cyclic\n  kind: equality\n  lhs: tr(A*B*C)\n  rhs: tr(C*A*B)\n";
    private const string False = "- id: commute\n  kind: equality\n  lhs: A*B\n  rhs: B*A\n";

    private static string Folder(string catalog = Good)
    {
        var dir = Directory.CreateTempSubdirectory("tv-io-").FullName;
        File.WriteAllText(Path.Combine(dir, "c.yaml"), catalog);
        return dir;
    }

    private static string[] Ids(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
    }

    private static void AssertUsage(CliRunner.Run run, string message)
    {
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "Infinity")]
    [InlineData("--timeout", "NaN")]
    [InlineData("--timeout", "-1")]
    [InlineData("--timeout", "1e300")]
    [InlineData("--cases", "0")]
    [InlineData("--cases", "429496730")]
    [InlineData("--cases", "100001")]
    [InlineData("--jobs", "0")]
    [InlineData("--z3-max-dim", "0")]
    [InlineData("--z3-max-dim", "9")]
    public void Out_of_range_numbers_are_usage_errors(string option, string value)
    {
        AssertUsage(CliRunner.Invoke(Folder(False), "check", "c.yaml", "--no-z3", option, value), option);
    }

    [Theory]
    [InlineData("junit=missing-folder/r.xml", "does not exist")]
    [InlineData("junit=.", "is a directory")]
    [InlineData("sarif=/proc/tv.sarif", "cannot be written")]
    public void A_bad_report_path_is_a_usage_error_found_before_the_run(string report, string message)
    {
        // The catalog fails the gate: were the path found only after the run, the result would be 1 or 70.
        var run = CliRunner.Invoke(Folder(False), "check", "c.yaml", "--no-z3", "--report", report);
        AssertUsage(run, message);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void A_full_stdout_or_report_device_is_an_output_error_74_not_an_internal_error()
    {
        var dir = Folder();
        var full = CliRunner.InvokeWithRedirection(dir, "> /dev/full", "check", "c.yaml", "--no-z3");
        Assert.Equal(74, full.ExitCode);
        Assert.Contains("cannot write to standard output", full.Error, StringComparison.Ordinal);
        var report = CliRunner.Invoke(dir, "check", "c.yaml", "--no-z3", "--report", "text=/dev/full");
        Assert.Equal(74, report.ExitCode);
        Assert.DoesNotContain("internal error", report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_cannot_be_written_never_hides_a_failing_gate()
    {
        var run = CliRunner.Invoke(Folder(False), "check", "c.yaml", "--no-z3", "--report", "junit=/dev/full");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot write the report `/dev/full`", run.Error, StringComparison.Ordinal);
        Assert.Contains("summary: 0 proved", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_stdout_is_an_output_error_74()
    {
        var closed = CliRunner.InvokeWithRedirection(Folder(), ">&-", "check", "c.yaml", "--no-z3");
        Assert.Equal(74, closed.ExitCode);
        Assert.DoesNotContain("internal error", closed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2> /dev/full")]
    [InlineData("2>&-")]
    public void An_unwritable_stderr_is_an_output_error_74_not_an_abort(string redirection)
    {
        var run = CliRunner.InvokeWithRedirection(Folder(), redirection, "check", "c.yaml", "/dev/zero", "--no-z3");
        Assert.Equal(74, run.ExitCode);
        Assert.Contains("summary: 1 proved", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fuzz", "--cases", "0")]
    [InlineData("fuzz", "--cases", "429496730")]
    [InlineData("fuzz", "--max-dim", "0")]
    [InlineData("fuzz", "--max-dim", "17")]
    [InlineData("prove", "--max-dim", "0")]
    [InlineData("prove", "--max-dim", "9")]
    [InlineData("prove", "--max-shapes", "0")]
    [InlineData("prove", "--smt", "missing-folder/q.smt2")]
    [InlineData("prove", "--smt", ".")]
    public void Fuzz_and_prove_reject_out_of_range_options(string command, string option, string value)
    {
        AssertUsage(CliRunner.Invoke(Folder(), command, "cyclic", "--catalog", "c.yaml", option, value), option == "--smt" ? "--smt" : option);
    }

    [Fact]
    public void Unreadable_catalogs_exit_2_with_a_clear_reason_and_the_readable_one_is_still_checked()
    {
        var dir = Folder();
        Directory.CreateDirectory(Path.Combine(dir, "folder.yaml"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(dir, "pipe.yaml")])) mkfifo.WaitForExit();
        File.CreateSymbolicLink(Path.Combine(dir, "zero.yaml"), "/dev/zero");

        var run = CliRunner.Invoke(dir, "check", "folder.yaml", "pipe.yaml", "zero.yaml", "c.yaml", "--no-z3", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["cyclic"], Ids(run.Output));
        Assert.Contains("folder.yaml:1:1: error TV0011: cannot read the catalog: is a directory", run.Error, StringComparison.Ordinal);
        Assert.Contains("pipe.yaml:1:1: error TV0011: cannot read the catalog: is a FIFO", run.Error, StringComparison.Ordinal);
        Assert.Contains("zero.yaml:1:1: error TV0011: cannot read the catalog: is a character device", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_refuses_a_fifo_and_dev_zero_without_hanging_and_warns_about_look_alike_names()
    {
        var dir = Folder("- id: look\n  kind: equality\n  lhs: tr(\u0410*B)\n  rhs: tr(B*A)\n");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(dir, "pipe.yaml")])) mkfifo.WaitForExit();

        var run = CliRunner.Invoke(dir, "lint", "c.yaml", "pipe.yaml", "/dev/zero");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pipe.yaml:1:1: error TV0011", run.Output, StringComparison.Ordinal);
        Assert.Contains("/dev/zero:1:1: error TV0011", run.Output, StringComparison.Ordinal);
        Assert.Contains("c.yaml:4:13: warning TV0013: the names `A` and `\u0410` (U+0410) look alike", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_is_not_a_regular_file_is_a_usage_error()
    {
        AssertUsage(CliRunner.Invoke(Folder(), "check", "c.yaml", "--no-z3", "--baseline", "/dev/zero"), "not a regular file");
        AssertUsage(CliRunner.Invoke(Folder(), "check", "c.yaml", "--no-z3", "--baseline", "."), "is a directory");
    }

    [Fact]
    public void Discovery_takes_yml_and_upper_case_yaml_under_identities()
    {
        var dir = Folder();
        File.Move(Path.Combine(dir, "c.yaml"), Path.Combine(dir, "identities.yaml"));
        Directory.CreateDirectory(Path.Combine(dir, "identities"));
        File.WriteAllText(Path.Combine(dir, "identities", "more.yml"), False);
        File.WriteAllText(Path.Combine(dir, "identities", "LOUD.YAML"), False.Replace("commute", "loud", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir, "identities", "notes.txt"), "not a catalog");

        var run = CliRunner.Invoke(dir, "check", "--no-z3", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["cyclic", "loud", "commute"], Ids(run.Output));
    }

    [Fact]
    public void Discovery_takes_a_yml_top_level_catalog_or_an_identities_folder_alone_instead_of_the_embedded_notes()
    {
        var top = Folder();
        File.Move(Path.Combine(top, "c.yaml"), Path.Combine(top, "Identities.YML"));
        var run = CliRunner.Invoke(top, "check", "--no-z3", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["cyclic"], Ids(run.Output));

        var folder = Directory.CreateTempSubdirectory("tv-io-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "identities"));
        File.WriteAllText(Path.Combine(folder, "identities", "only.yml"), False);
        var alone = CliRunner.Invoke(folder, "check", "--no-z3", "--format", "json");
        Assert.Equal(1, alone.ExitCode);
        Assert.Equal(["commute"], Ids(alone.Output));
    }

    [Fact]
    public void The_same_file_named_twice_is_checked_once_and_an_id_repeated_across_files_is_flagged()
    {
        var dir = Folder();
        var once = CliRunner.Invoke(dir, "check", "c.yaml", "./c.yaml", Path.Combine(dir, "c.yaml"), "--no-z3", "--format", "json");
        Assert.Equal(0, once.ExitCode);
        Assert.Equal(["cyclic"], Ids(once.Output));

        File.WriteAllText(Path.Combine(dir, "d.yaml"), Good);
        var twice = CliRunner.Invoke(dir, "check", "c.yaml", "d.yaml", "--no-z3");
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("d.yaml:1:3: error TV0007: duplicate id `cyclic` (first used at c.yaml:1:3)", twice.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_written_with_a_relative_path_catches_a_regression_in_an_absolute_path_run()
    {
        var dir = Folder();
        var first = CliRunner.Invoke(dir, "check", "c.yaml", "--format", "json", "--no-z3");
        Assert.Equal(0, first.ExitCode);
        File.WriteAllText(Path.Combine(dir, "before.json"), first.Output);
        File.WriteAllText(Path.Combine(dir, "c.yaml"), Good.Replace("rhs: tr(C*A*B)", "rhs: tr(C*B*A)", StringComparison.Ordinal) + "  expect: refuted\n");

        var second = CliRunner.Invoke(dir, "check", Path.Combine(dir, "c.yaml"), "--no-z3", "--baseline", "before.json");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("1 regression", second.Error, StringComparison.Ordinal);
        Assert.Contains("0 new entries, 0 removed", second.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: b # c")]
    [InlineData("x\n  kind: definition")]
    [InlineData("\"quoted\" 'id'")]
    public void New_writes_any_id_as_yaml_that_reads_back_as_that_id(string id)
    {
        var dir = Folder();
        var made = CliRunner.Invoke(dir, "new", "--of", "tr(A*X*B)", "--wrt", "X", "--id", id);
        Assert.Equal(0, made.ExitCode);
        File.WriteAllText(Path.Combine(dir, "new.yaml"), made.Output);

        var run = CliRunner.Invoke(dir, "check", "new.yaml", "--no-z3", "--format", "json");

        Assert.Equal([id], Ids(run.Output));
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("derivative", document.RootElement.GetProperty("entries")[0].GetProperty("kind").GetString());
        // An id with a line break is refused by the id rule (TV0012), not by YAML; a printable one is proved.
        Assert.Equal(id.Contains('\n', StringComparison.Ordinal) ? 1 : 0, run.ExitCode);
    }

    [Fact]
    public void An_id_with_escape_codes_and_newlines_reaches_the_console_escaped_and_is_ill_formed()
    {
        var dir = Folder("- id: \"x\\nsummary: 9 proved\\n::error::forged\\e[2J\\a\"\n  kind: equality\n  lhs: A\n  rhs: A\n" + Good);
        var run = CliRunner.Invoke(dir, "check", "c.yaml", "--no-z3");
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u0007', run.Output);
        Assert.Single(run.Output.Split('\n'), l => l.StartsWith("summary:", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.Contains("TV0012", run.Output, StringComparison.Ordinal);
        Assert.Contains("cyclic", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_in_an_id_does_not_crash_z3()
    {
        var dir = Folder("- id: \"a\\0b\"\n  kind: equality\n  lhs: tr(A*B)\n  rhs: tr(B*A)\n");
        var run = CliRunner.Invoke(dir, "check", "c.yaml", "--z3", "always", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }
}
