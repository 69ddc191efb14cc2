using System.Text.Json;
using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Output.OutputTestSupport;

namespace StrategyLint.Tests.Output;

/// <summary>Several --format/--output pairs in one run: pairing, usage errors, atomic writes and the job summary file.</summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public OutputTargetTests()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("draft.md", SkippedLevelDraft);
    }

    public void Dispose() => _folder.Dispose();

    private string PathOf(string relative) => Path.Combine(_folder.Path, relative);

    private static void AssertSarif(string text)
    {
        using var sarif = JsonDocument.Parse(text);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal("SL1002", RuleId(Assert.Single(SarifResults(sarif))));
    }

    [Fact]
    public void GitHub_to_stdout_with_sarif_and_markdown_to_files()
    {
        var run = CliRunner.Run(_folder.Path, "draft.md", "-f", "github", "-f", "sarif", "-o", "out.sarif", "-f", "markdown", "-o", "summary.md");

        Assert.Equal(0, run.ExitCode);
        var command = Assert.Single(Lines(run.Out), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith($"::warning file=draft.md,line={LineOf(SkippedLevelDraft, SkippedHeading)},", command, StringComparison.Ordinal);
        Assert.DoesNotContain("\"version\"", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("## StrategyLint", run.Out, StringComparison.Ordinal);
        AssertSarif(File.ReadAllText(PathOf("out.sarif")));
        var summary = File.ReadAllText(PathOf("summary.md"));
        Assert.StartsWith("## StrategyLint", summary, StringComparison.Ordinal);
        Assert.Contains("[SL1002]", summary, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_output_given_before_its_format_goes_with_it()
    {
        var run = CliRunner.Run(_folder.Path, "draft.md", "-o", "out.sarif", "-f", "sarif");

        Assert.Equal(0, run.ExitCode);
        AssertSarif(File.ReadAllText(PathOf("out.sarif")));
        // With the report in a file, the summary line goes to the terminal.
        Assert.Contains("1 warning in 1 file. Written to out.sarif.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_written_with_an_equals_sign_pair_the_same_way()
    {
        var run = CliRunner.Run(_folder.Path, "draft.md", "--format=github", "--format=sarif", "--output=out.sarif");

        Assert.Equal(0, run.ExitCode);
        AssertSarif(File.ReadAllText(PathOf("out.sarif")));
        Assert.Single(Lines(run.Out), l => l.StartsWith("::warning ", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_output_takes_the_nearest_format_before_it()
    {
        var run = CliRunner.Run(_folder.Path, "draft.md", "-f", "json", "-f", "sarif", "-o", "out.sarif");

        Assert.Equal(0, run.ExitCode);
        AssertSarif(File.ReadAllText(PathOf("out.sarif")));
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Output_files_go_into_new_folders()
    {
        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "sarif", "--output", Path.Combine("reports", "lint", "out.sarif"));

        Assert.Equal(0, run.ExitCode);
        AssertSarif(File.ReadAllText(PathOf(Path.Combine("reports", "lint", "out.sarif"))));
    }

    [Theory]
    [InlineData("two formats without outputs", "-f github -f sarif")]
    [InlineData("more outputs than formats", "-f sarif -o a.sarif -o b.sarif")]
    [InlineData("two outputs for the one default format", "-o a.txt -o b.txt")]
    [InlineData("two formats to the same file", "-f sarif -o same.out -f json -o ./same.out")]
    public void Impossible_pairings_are_usage_errors(string why, string options)
    {
        var run = CliRunner.Run(_folder.Path, ["draft.md", .. options.Split(' ')]);

        Assert.True(run.ExitCode == 2, $"{why}: exit {run.ExitCode}");
        Assert.StartsWith("strategylint: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--output", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        // Nothing was written.
        Assert.Equal(["draft.md", "strategylint.json"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("-f")]
    [InlineData("-o")]
    [InlineData("--format")]
    public void A_format_or_output_option_without_its_value_is_a_usage_error(string option)
    {
        // The option comes last so nothing can be read as its value.
        var run = CliRunner.Run(_folder.Path, "draft.md", option);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{option}'", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void The_step_summary_file_is_appended_to_and_any_other_file_is_replaced()
    {
        const string earlier = "## Earlier step\n\nIts summary.\n";
        var summary = _folder.Write("step_summary.md", earlier);
        var other = _folder.Write("other.md", "old content that must go\n");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITHUB_STEP_SUMMARY"] = summary };

        var toSummary = RunWithVariables(_folder.Path, variables, "draft.md", "-f", "markdown", "-o", summary);
        var toOther = RunWithVariables(_folder.Path, variables, "draft.md", "-f", "markdown", "-o", "other.md");

        Assert.Equal(0, toSummary.ExitCode);
        Assert.Equal(0, toOther.ExitCode);
        var appended = File.ReadAllText(summary);
        Assert.StartsWith(earlier, appended, StringComparison.Ordinal);
        // A blank line keeps the report's heading apart from what the earlier step wrote.
        Assert.StartsWith("\n## StrategyLint", appended[earlier.Length..], StringComparison.Ordinal);
        var replaced = File.ReadAllText(other);
        Assert.StartsWith("## StrategyLint", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("old content", replaced, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void The_step_summary_is_recognised_through_a_relative_output_path()
    {
        const string earlier = "Earlier.\n";
        var summary = _folder.Write("step_summary.md", earlier);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITHUB_STEP_SUMMARY"] = summary };

        RunWithVariables(_folder.Path, variables, "draft.md", "-f", "markdown", "-o", "./step_summary.md");

        Assert.StartsWith(earlier + "\n## StrategyLint", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_step_summary_gets_the_report_without_a_leading_blank_line()
    {
        var summary = _folder.Write("step_summary.md", "");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITHUB_STEP_SUMMARY"] = summary };

        RunWithVariables(_folder.Path, variables, "draft.md", "-f", "markdown", "-o", summary);
        RunWithVariables(_folder.Path, variables, "draft.md", "-f", "markdown", "-o", summary);

        var text = File.ReadAllText(summary);
        Assert.StartsWith("## StrategyLint", text, StringComparison.Ordinal);
        // The second run appended a second report.
        Assert.Equal(2, Lines(text).Count(l => l == "## StrategyLint"));
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    public void The_exit_code_follows_the_fail_level_with_several_formats(string failLevel, int expected)
    {
        var run = CliRunner.Run(_folder.Path, "draft.md", "-f", "github", "-f", "sarif", "-o", "out.sarif", "-f", "markdown", "-o", "summary.md", "--fail-level", failLevel);

        Assert.Equal(expected, run.ExitCode);
        Assert.True(File.Exists(PathOf("out.sarif")) && File.Exists(PathOf("summary.md")), "both reports are written whatever the exit code");
    }

    [Fact]
    public void An_error_finding_fails_the_run_with_several_formats()
    {
        _folder.Write("strategylint.json", """
            {
              "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off", "SL1002": "error" }
            }
            """);

        var run = CliRunner.Run(_folder.Path, "draft.md", "-f", "sarif", "-o", "out.sarif", "-f", "github");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("::error file=draft.md,", run.Out, StringComparison.Ordinal);
    }
}
