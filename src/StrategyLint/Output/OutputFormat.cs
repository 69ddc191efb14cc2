using StrategyLint.Analysis;
using StrategyLint.Linting;

namespace StrategyLint.Cli.Output;

/// <summary>The --format values of lint.</summary>
internal static class OutputFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string GitHub = "github";
    public const string Markdown = "markdown";
    public const string Html = "html";

    public static readonly string[] All = [Text, Json, Sarif, GitHub, Markdown, Html];

    public static IResultFormatter Create(string name, OutputOptions options) => name switch
    {
        Json => new JsonFormatter(),
        Sarif => new SarifFormatter(options),
        GitHub => new GitHubFormatter(),
        Markdown => new MarkdownFormatter(options),
        Html => new HtmlFormatter(options),
        _ => new TextFormatter(options.Color),
    };
}

/// <summary>What every formatter may need beyond the findings.</summary>
/// <param name="WorkingDirectory">The folder artifact URIs are relative to (SARIF's %SRCROOT%).</param>
/// <param name="Category">SARIF <c>automationDetails.id</c> category: one per analysis that uploads separately.</param>
/// <param name="IncludeSuppressed">Also write suppressed findings (SARIF with <c>suppressions</c>; JSON marks them).</param>
/// <param name="Color">ANSI colour in text output.</param>
/// <param name="Warnings">Where a formatter says it had to leave something out (standard error).</param>
/// <param name="Variables">Environment variables (GitHub's GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA give the summary its links).</param>
internal sealed record OutputOptions(
    string WorkingDirectory,
    string Category = OutputOptions.DefaultCategory,
    bool IncludeSuppressed = false,
    bool Color = false,
    TextWriter? Warnings = null,
    Func<string, string?>? Variables = null)
{
    public const string DefaultCategory = "strategylint";

    public string? Variable(string name) => Variables?.Invoke(name) is { Length: > 0 } value ? value : null;

    /// <summary>The findings a formatter writes: suppressed ones only under --include-suppressed.</summary>
    public IEnumerable<Finding> Visible(FileResult file) => IncludeSuppressed ? file.Findings : file.Reported;
}

/// <summary>Writes a run's findings in one format.</summary>
internal interface IResultFormatter
{
    void Write(LintResult result, RuleCatalog catalog, TextWriter writer);
}
