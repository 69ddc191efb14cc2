using StrategyLint.Cli;
using StrategyLint.Cli.Output;

namespace StrategyLint.Tests.Cli;

/// <summary>Progress on standard error: only for long runs, only on a terminal, never in CI.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (int Exit, string Out, string Error) Run(int files, bool errorIsTerminal, Dictionary<string, string> variables)
    {
        for (var i = 0; i < files; i++)
            _folder.Write($"drafts/d{i:000}.md", $"# Draft {i}\n\nText.\n");
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(_folder.Path, output, error, () => [], OutIsTerminal: false, NoColor: true, Variables: variables.GetValueOrDefault, ErrorIsTerminal: errorIsTerminal);
        var exit = StrategyLintCli.Run(["drafts", "--format", "json"], environment);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_long_run_on_a_terminal_shows_progress_on_stderr_and_clears_it()
    {
        var files = ProgressReporter.MinimumFiles;

        var run = Run(files, errorIsTerminal: true, []);

        Assert.Contains($"\rLinting {files} of {files} files…", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Linting", run.Out, StringComparison.Ordinal);
        // The line is cleared before the summary.
        var summary = run.Error.LastIndexOf("files.", StringComparison.Ordinal);
        Assert.True(run.Error.LastIndexOf('\r') < summary);
    }

    [Theory]
    [InlineData(false, "", 0)]                  // redirected
    [InlineData(true, "CI", 0)]                 // a CI log
    [InlineData(true, "GITHUB_ACTIONS", 0)]
    [InlineData(true, "", -1)]                  // too few files to bother
    public void No_progress_when_redirected_in_ci_or_for_a_short_run(bool terminal, string variable, int fewer)
    {
        var variables = variable.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [variable] = "true" };

        var run = Run(ProgressReporter.MinimumFiles + fewer, terminal, variables);

        Assert.DoesNotContain("Linting", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', run.Error);
    }
}
