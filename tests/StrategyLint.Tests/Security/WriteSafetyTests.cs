using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using StrategyLint.Analysis;
using StrategyLint.Cli;
using StrategyLint.Cli.Commands;
using StrategyLint.IO;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;
using Xunit.Abstractions;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Issue 13, "Writing files": every write (--fix, --output, the job summary, init, baseline) goes through
/// <see cref="AtomicFileWriter"/>. A pull request can commit symlinks at the names the old code wrote to (the
/// predictable <c>.NAME.PID.tmp</c> temporary files, or the target itself) pointing into <c>.git/hooks</c> or out of
/// the checkout; a device or FIFO given as --output must be written in place, never replaced; --fix must not apply
/// edits to a file changed since it was read, and one file that cannot be written must not stop the run. Each test
/// works in a "repo" folder (with a .git folder, so it is the work tree) beside an "outside" folder that stands in
/// for .git/hooks or a file outside the checkout, and asserts the outside bytes are unchanged.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WriteSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Bounded = 60_000;

    /// <summary>A national strategy with governance only: --fix scaffolds the six missing focus areas.</summary>
    private const string GovernanceOnly = """
        # Republic of Valdoria National Cybersecurity Strategy

        ## Governance

        The National Cybersecurity Authority leads the implementation of this strategy and reports to the Council of Ministers.

        ## Annex A: Glossary

        CERT: computer emergency response team.
        """;

    private const string Profile = "national-cybersecurity-strategy";
    private const string Scaffold = "## Risk management";
    private static readonly byte[] OutsideBytes = Encoding.UTF8.GetBytes("#!/bin/sh\necho outside file: must never change\n");

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        // An immutable folder left by a failed test would stop the clean-up.
        if (Directory.Exists(Path.Combine(Repo, "locked")))
            MakeWritable(Path.Combine(Repo, "locked"));
        _folder.Dispose();
    }

    private string Repo => Path.Combine(_folder.Path, "repo");

    private string Outside => Path.Combine(_folder.Path, "outside");

    /// <summary>The repository (with a .git folder), a draft with fixes, and the outside file the links point to.</summary>
    private string Setup(string draft = "draft.md")
    {
        Directory.CreateDirectory(Path.Combine(Repo, ".git"));
        Directory.CreateDirectory(Outside);
        File.WriteAllBytes(Path.Combine(Outside, "pre-commit"), OutsideBytes);
        return Write(draft, GovernanceOnly);
    }

    private string Write(string relative, string text)
    {
        var full = Path.Combine(Repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>A committed symlink in the repository, pointing into the outside folder.</summary>
    private void Plant(string relativeLink, string outsideName = "pre-commit")
    {
        var link = Path.Combine(Repo, relativeLink);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, Path.GetRelativePath(Path.GetDirectoryName(link)!, Path.Combine(Outside, outsideName)));
    }

    private void AssertOutsideUnchanged()
    {
        Assert.Equal(OutsideBytes, File.ReadAllBytes(Path.Combine(Outside, "pre-commit")));
        Assert.Equal(["pre-commit"], Directory.GetFileSystemEntries(Outside).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void AssertNoCrash(CliRun run)
    {
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static void AssertIsLink(string path) => Assert.NotNull(new FileInfo(path).LinkTarget);

    /// <summary>The temporary names the old code used, for the process that runs the CLI in-process.</summary>
    private static IEnumerable<string> OldTemporaryNames(string fileName) =>
        [$".{fileName}.{Environment.ProcessId}.strategylint.tmp", $".{fileName}.{Environment.ProcessId}.tmp", $"{fileName}.{Environment.ProcessId}.tmp"];

    private static Task<T> InTime<T>(Func<T> work) => Task.Run(work);

    // ---- --fix --------------------------------------------------------------------------------------------------------

    [UnixFact(Timeout = Bounded)]
    public async Task Fix_never_writes_through_links_planted_at_the_old_temporary_names()
    {
        var draft = Setup();
        foreach (var name in OldTemporaryNames("draft.md"))
            Plant(name);

        var run = await InTime(() => CliRunner.Run(Repo, "draft.md", "--fix", "--profile", Profile));

        AssertNoCrash(run);
        AssertOutsideUnchanged();
        Assert.Contains(Scaffold, File.ReadAllText(draft), StringComparison.Ordinal);
        Assert.Null(new FileInfo(draft).LinkTarget);
        foreach (var name in OldTemporaryNames("draft.md"))
            AssertIsLink(Path.Combine(Repo, name));
        // No temporary file of the new writer is left behind.
        Assert.DoesNotContain(Directory.GetFiles(Repo, ".draft.md.*.tmp"), f => new FileInfo(f).LinkTarget is null);
    }

    [UnixFact(Timeout = Bounded)]
    public async Task Fix_never_writes_through_a_draft_that_is_a_link_and_still_fixes_the_other_drafts()
    {
        Setup("real.md");
        File.WriteAllText(Path.Combine(Outside, "pre-commit"), GovernanceOnly);
        var outsideBefore = File.ReadAllBytes(Path.Combine(Outside, "pre-commit"));
        Plant("linked.md");

        var run = await InTime(() => CliRunner.Run(Repo, "real.md", "linked.md", "--fix", "--profile", Profile));

        AssertNoCrash(run);
        Assert.Equal(outsideBefore, File.ReadAllBytes(Path.Combine(Outside, "pre-commit")));
        AssertIsLink(Path.Combine(Repo, "linked.md"));
        Assert.Contains(Scaffold, File.ReadAllText(Path.Combine(Repo, "real.md")), StringComparison.Ordinal);
        // The reader refuses the link before a fix is planned (SL0002 on it); the writer would refuse it too.
        Assert.Contains("linked.md", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Matches(@"linked\.md\(1,1\): error SL0002: .*symbolic link", run.Out);
    }

    // ---- --output ------------------------------------------------------------------------------------------------------

    [UnixFact(Timeout = Bounded)]
    public async Task Output_never_writes_through_links_planted_at_the_old_temporary_names()
    {
        Setup();
        foreach (var name in OldTemporaryNames("out.sarif"))
            Plant(name);

        var run = await InTime(() => CliRunner.Run(Repo, "draft.md", "--profile", Profile, "--format", "sarif", "--output", "out.sarif"));

        AssertNoCrash(run);
        Assert.NotEqual(2, run.ExitCode);
        AssertOutsideUnchanged();
        var sarif = Path.Combine(Repo, "out.sarif");
        Assert.Null(new FileInfo(sarif).LinkTarget);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif), StringComparison.Ordinal);
    }

    [UnixTheory(Timeout = Bounded)]
    [InlineData("sarif", "out.sarif")]
    [InlineData("markdown", "reports/summary.md")]
    [InlineData("html", "report.html")]
    public async Task Output_refuses_a_target_that_is_a_link_and_says_so(string format, string target)
    {
        Setup();
        Plant(target);

        var run = await InTime(() => CliRunner.Run(Repo, "draft.md", "--profile", Profile, "--format", format, "--output", target));

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"report was not written to {target}: it is a symbolic link", run.Error, StringComparison.Ordinal);
        AssertOutsideUnchanged();
        AssertIsLink(Path.Combine(Repo, target));
    }

    [UnixFact(Timeout = Bounded)]
    public async Task Output_refuses_a_folder_on_the_way_that_is_a_link()
    {
        Setup();
        Directory.CreateSymbolicLink(Path.Combine(Repo, "reports"), Path.Combine("..", "outside"));

        var run = await InTime(() => CliRunner.Run(Repo, "draft.md", "--profile", Profile, "--format", "sarif", "--output", "reports/out.sarif"));

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the folder 'reports' on the way to it is a symbolic link", run.Error, StringComparison.Ordinal);
        AssertOutsideUnchanged();
    }

    [UnixFact(Timeout = Bounded)]
    public async Task The_job_summary_is_never_appended_through_a_link()
    {
        Setup();
        Plant("summary.md");
        var summary = Path.Combine(Repo, "summary.md");
        var outputText = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(Repo, outputText, error, () => [], OutIsTerminal: false, NoColor: true, Variables: name => name == "GITHUB_STEP_SUMMARY" ? summary : null);

        var exit = await InTime(() => StrategyLintCli.Run(["draft.md", "--profile", Profile, "--format", "markdown", "--output", summary], environment));

        Assert.Equal(2, exit);
        Assert.Contains("it is a symbolic link", error.ToString(), StringComparison.Ordinal);
        AssertOutsideUnchanged();
    }

    [UnixFact(Timeout = Bounded)]
    public async Task The_job_summary_is_appended_to_a_regular_file()
    {
        Setup();
        var summary = Path.Combine(_folder.Path, "step_summary");
        File.WriteAllText(summary, "Earlier step.\n");
        var environment = new CliEnvironment(Repo, new StringWriter(), new StringWriter(), () => [], OutIsTerminal: false, NoColor: true, Variables: name => name == "GITHUB_STEP_SUMMARY" ? summary : null);

        var exit = await InTime(() => StrategyLintCli.Run(["draft.md", "--profile", Profile, "--format", "markdown", "--output", summary], environment));

        Assert.NotEqual(2, exit);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("Earlier step.\n\n## StrategyLint", text, StringComparison.Ordinal);
    }

    // ---- devices and FIFOs -----------------------------------------------------------------------------------------------

    [UnixFact(Timeout = Bounded)]
    public async Task Output_to_a_null_device_writes_in_place_and_the_device_stays_a_device()
    {
        Setup();
        var devices = Path.Combine(_folder.Path, "devices");
        Directory.CreateDirectory(devices);
        var nullDevice = Path.Combine(devices, "null");
        if (TryRun("mknod", nullDevice, "c", "1", "3") != 0)
        {
            output.WriteLine("Skipped: mknod is not permitted here, so no private null device can be made.");
            return;
        }
        // A link outside the checkout to the device, as /dev/stdout is a link: followed, since it reaches a device.
        var link = Path.Combine(devices, "stdout");
        File.CreateSymbolicLink(link, nullDevice);

        var toDevice = await InTime(() => CliRunner.Run(Repo, "draft.md", "--profile", Profile, "--format", "sarif", "--output", nullDevice));
        var throughLink = await InTime(() => CliRunner.Run(Repo, "draft.md", "--profile", Profile, "--format", "json", "--output", link));

        Assert.NotEqual(2, toDevice.ExitCode);
        Assert.NotEqual(2, throughLink.ExitCode);
        Assert.Equal("character special file", FileType(nullDevice));
        Assert.Equal("symbolic link", FileType(link));
        Assert.Equal(["null", "stdout"], Directory.GetFileSystemEntries(devices).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [UnixFact(Timeout = Bounded)]
    public async Task Output_to_a_fifo_writes_in_place_for_its_reader_and_the_fifo_stays_a_fifo()
    {
        Setup();
        var fifo = Path.Combine(_folder.Path, "pipe");
        if (TryRun("mkfifo", fifo) != 0)
        {
            output.WriteLine("Skipped: mkfifo is not available here.");
            return;
        }
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = await InTime(() => CliRunner.Run(Repo, "draft.md", "--profile", Profile, "--format", "sarif", "--output", fifo));
        var received = await reader;

        Assert.NotEqual(2, run.ExitCode);
        Assert.Contains("\"version\": \"2.1.0\"", received, StringComparison.Ordinal);
        Assert.Equal("fifo", FileType(fifo));
    }

    // ---- init and baseline ---------------------------------------------------------------------------------------------

    [UnixFact(Timeout = Bounded)]
    public async Task Init_never_writes_through_links_planted_at_the_old_temporary_names()
    {
        Setup();
        foreach (var name in OldTemporaryNames("strategylint.json"))
            Plant(name);

        var run = await InTime(() => CliRunner.Run(Repo, "init"));

        AssertNoCrash(run);
        Assert.Equal(0, run.ExitCode);
        AssertOutsideUnchanged();
        var config = Path.Combine(Repo, "strategylint.json");
        Assert.Null(new FileInfo(config).LinkTarget);
        Assert.Contains("\"include\"", File.ReadAllText(config), StringComparison.Ordinal);
    }

    [UnixTheory(Timeout = Bounded)]
    [InlineData(false, "missing")]
    [InlineData(true, "pre-commit")]
    public async Task Init_refuses_a_config_that_is_a_link(bool force, string pointsTo)
    {
        Setup();
        Plant("strategylint.json", pointsTo);

        var run = await InTime(() => force ? CliRunner.Run(Repo, "init", "--force") : CliRunner.Run(Repo, "init"));

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        // A link (even to nothing) counts as an existing file without --force; with --force the writer refuses it.
        Assert.Contains(force ? "strategylint.json was not written: it is a symbolic link" : "strategylint.json already exists", run.Error, StringComparison.Ordinal);
        AssertOutsideUnchanged();
        AssertIsLink(Path.Combine(Repo, "strategylint.json"));
    }

    [UnixFact(Timeout = Bounded)]
    public async Task Baseline_never_writes_through_links()
    {
        Setup();
        foreach (var name in OldTemporaryNames("strategylint-baseline.json"))
            Plant(name);

        var planted = await InTime(() => CliRunner.Run(Repo, "baseline", "draft.md", "--profile", Profile));
        Plant("linked-baseline.json");
        var linked = await InTime(() => CliRunner.Run(Repo, "baseline", "draft.md", "--profile", Profile, "--output", "linked-baseline.json"));

        AssertNoCrash(planted);
        AssertNoCrash(linked);
        Assert.Equal(0, planted.ExitCode);
        Assert.Contains("\"findings\"", File.ReadAllText(Path.Combine(Repo, "strategylint-baseline.json")), StringComparison.Ordinal);
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains("the baseline was not written to linked-baseline.json: it is a symbolic link", linked.Error, StringComparison.Ordinal);
        AssertOutsideUnchanged();
    }

    // ---- --fix on files that changed or cannot be written ---------------------------------------------------------------------

    [Fact(Timeout = Bounded)]
    public async Task Fix_skips_a_file_edited_after_it_was_analysed_and_fixes_the_others()
    {
        Setup("a.md");
        Write("b.md", GovernanceOnly);
        var environment = new CliEnvironment(Repo, new StringWriter(), new StringWriter(), () => [], OutIsTerminal: false, NoColor: true);
        var inputs = new LintCommand.LintInputs(["a.md", "b.md"], null, Profile, "stdin.md", Verbose: false);

        var (plans, problems, edited) = await InTime(() =>
        {
            var (result, _, _) = LintCommand.Analyse(inputs, RuleCatalog.BuiltIn, environment);
            // Someone saves b.md while the run is going.
            var edit = GovernanceOnly.Replace("Council of Ministers", "Council of Ministers and Parliament", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(Repo, "b.md"), edit);
            var found = new List<FixProblem>();
            return (FixApplier.Plan(result!, found), found, edit);
        });

        Assert.Equal("a.md", Assert.Single(plans).File.File.DisplayPath);
        var problem = Assert.Single(problems);
        Assert.Equal("b.md", problem.File.File.DisplayPath);
        Assert.Equal("it changed since it was read; run --fix again.", problem.Problem);
        Assert.Equal(edited, File.ReadAllText(Path.Combine(Repo, "b.md")));
    }

    [Fact(Timeout = Bounded)]
    public async Task Fix_skips_a_file_edited_between_planning_and_writing()
    {
        var draft = Setup();
        var environment = new CliEnvironment(Repo, new StringWriter(), new StringWriter(), () => [], OutIsTerminal: false, NoColor: true);
        var inputs = new LintCommand.LintInputs(["draft.md"], null, Profile, "stdin.md", Verbose: false);

        var outcome = await InTime(() =>
        {
            var (result, _, _) = LintCommand.Analyse(inputs, RuleCatalog.BuiltIn, environment);
            var plan = Assert.Single(FixApplier.Plan(result!));
            File.AppendAllText(draft, "\nA line added by someone else.\n");
            return FixApplier.Write(plan, FileWriteOptions.For(Repo));
        });

        Assert.Equal(FileWriteStatus.Changed, outcome.Status);
        Assert.Equal("it changed since it was read; run --fix again.", outcome.Problem);
        var text = File.ReadAllText(draft);
        Assert.EndsWith("A line added by someone else.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Scaffold, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_if_unchanged_writes_only_over_the_expected_bytes()
    {
        var path = _folder.Write("file.txt", "old");

        var stale = AtomicFileWriter.ReplaceIfUnchanged(path, Encoding.UTF8.GetBytes("older"), Encoding.UTF8.GetBytes("new"));
        var current = AtomicFileWriter.ReplaceIfUnchanged(path, Encoding.UTF8.GetBytes("old"), Encoding.UTF8.GetBytes("new"));

        Assert.Equal(FileWriteStatus.Changed, stale.Status);
        Assert.True(current.Written);
        Assert.Equal("new", File.ReadAllText(path));
    }

    /// <summary>
    /// Root ignores a folder's permissions, so as root the folder is made immutable with <c>chattr +i</c> instead;
    /// where neither can stop a write the case cannot be produced, and the test says so and stops.
    /// </summary>
    [UnixFact(Timeout = Bounded)]
    public async Task Fix_in_a_read_only_folder_skips_that_file_with_a_message_and_fixes_the_others()
    {
        Setup("open/draft.md");
        var lockedDraft = Write("locked/draft.md", GovernanceOnly);
        var locked = Path.Combine(Repo, "locked");
        if (!MakeReadOnly(locked))
        {
            output.WriteLine("Skipped: this user can write to any folder (root without chattr on this file system), so a read-only folder cannot be made.");
            return;
        }
        CliRun run;
        try
        {
            run = await InTime(() => CliRunner.Run(Repo, "open/draft.md", "locked/draft.md", "--fix", "--profile", Profile));
        }
        finally
        {
            MakeWritable(locked);
        }

        AssertNoCrash(run);
        Assert.Contains("strategylint: locked/draft.md was not fixed: the system", run.Error, StringComparison.Ordinal);
        Assert.Contains("Fixed 6 findings in 1 file: open/draft.md.", run.Error, StringComparison.Ordinal);
        Assert.Contains(Scaffold, File.ReadAllText(Path.Combine(Repo, "open", "draft.md")), StringComparison.Ordinal);
        Assert.Equal(GovernanceOnly, File.ReadAllText(lockedDraft));
        Assert.Equal(["draft.md"], Directory.GetFileSystemEntries(locked).Select(Path.GetFileName));
        // The exit code is the findings' after the fixes (both files still have findings, the locked one all of them).
        Assert.Equal(CliRunner.Run(Repo, "open/draft.md", "locked/draft.md", "--profile", Profile).ExitCode, run.ExitCode);
    }

    [UnixFact]
    public void A_write_the_system_refuses_gives_a_sentence_not_an_exception()
    {
        // /proc accepts no new files, for root too.
        if (!Directory.Exists("/proc/self"))
        {
            output.WriteLine("Skipped: no /proc here.");
            return;
        }

        var result = AtomicFileWriter.Write("/proc/strategylint-write-test.sarif", [1, 2, 3]);

        Assert.Equal(FileWriteStatus.Failed, result.Status);
        Assert.StartsWith("the system", result.Problem, StringComparison.Ordinal);
        Assert.False(File.Exists("/proc/strategylint-write-test.sarif"));
    }

    // ---- --fix --dry-run on line endings the diff must count like DiffPlex ------------------------------------------------------

    [Theory(Timeout = Bounded)]
    [InlineData("lone CR", "\r")]
    [InlineData("LF with a final line break", "\n")]
    [InlineData("CR LF", "\r\n")]
    [InlineData("CR inside LF", "mixed")]
    public async Task Fix_dry_run_prints_a_diff_for_any_line_ending_and_writes_nothing(string why, string newline)
    {
        var text = newline == "mixed" ? GovernanceOnly.Replace("\n\n## Governance", "\r\r## Governance", StringComparison.Ordinal) + "\n" : GovernanceOnly.ReplaceLineEndings(newline) + newline;
        var draft = _folder.Write("draft.md", text);
        var before = File.ReadAllBytes(draft);

        var run = await InTime(() => CliRunner.Run(_folder.Path, "draft.md", "--fix", "--dry-run", "--profile", Profile));

        AssertNoCrash(run);
        Assert.True(run.ExitCode != 2, $"{why}: exit {run.ExitCode}: {run.Error}");
        Assert.StartsWith("--- a/draft.md\n+++ b/draft.md\n@@ ", run.Out, StringComparison.Ordinal);
        Assert.Contains("+" + Scaffold, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', run.Out);
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(draft));
    }

    // ---- the writer itself -------------------------------------------------------------------------------------------------

    [UnixFact]
    public void A_replaced_file_keeps_its_permissions_and_the_temporary_name_is_random_and_never_left_behind()
    {
        var path = _folder.Write("report.sarif", "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        var seen = new List<string>();

        var first = AtomicFileWriter.Write(path, stream =>
        {
            seen.AddRange(Directory.GetFiles(_folder.Path).Select(Path.GetFileName)!);
            stream.Write("new"u8);
        });
        var failed = AtomicFileWriter.Write(path, _ => throw new IOException("The disk is full."));

        Assert.True(first.Written);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        var temporary = Assert.Single(seen, name => name != "report.sarif");
        Assert.Matches(new Regex(@"\A\.report\.sarif\.[0-9a-f]{24}\.tmp\z"), temporary);
        Assert.DoesNotContain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), temporary, StringComparison.Ordinal);
        Assert.Equal(FileWriteStatus.Failed, failed.Status);
        Assert.Equal("the system reported: The disk is full.", failed.Problem);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["report.sarif"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [UnixFact]
    public void Outside_the_work_tree_a_link_to_a_regular_file_is_refused_too()
    {
        Setup();
        var target = Path.Combine(Outside, "pre-commit");
        var link = Path.Combine(_folder.Path, "elsewhere.sarif");
        File.CreateSymbolicLink(link, target);

        var result = AtomicFileWriter.Write(link, [1, 2, 3], FileWriteOptions.For(Repo));

        Assert.Equal(FileWriteStatus.Refused, result.Status);
        AssertOutsideUnchanged();
        AssertIsLink(link);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------------------

    private static bool MakeReadOnly(string folder)
    {
        if (!IsRoot())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        else if (TryRun("chattr", "+i", folder) != 0)
            return false;
        return !CanCreateIn(folder);
    }

    private static void MakeWritable(string folder)
    {
        TryRun("chattr", "-i", folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool IsRoot() => Environment.UserName == "root" || RunOutput("id", "-u").Trim() == "0";

    private static bool CanCreateIn(string folder)
    {
        var probe = Path.Combine(folder, ".probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>What <c>stat</c> says the path is ("character special file", "fifo", "symbolic link").</summary>
    private static string FileType(string path) => RunOutput("stat", "-c", "%F", path).Trim();

    private static int TryRun(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(Start(program, args))!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private static string RunOutput(string program, params string[] args)
    {
        using var process = Process.Start(Start(program, args))!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    private static ProcessStartInfo Start(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return start;
    }
}

/// <summary>A fact that needs symlinks, device nodes or FIFOs: Unix only.</summary>
file sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "Symlinks, device nodes and FIFOs are Unix-only here.";
    }
}

/// <summary>A theory that needs symlinks: Unix only.</summary>
file sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "Symlinks are Unix-only here.";
    }
}
