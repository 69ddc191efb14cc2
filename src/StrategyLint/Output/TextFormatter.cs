using Humanizer;
using StrategyLint.Analysis;
using StrategyLint.Linting;

namespace StrategyLint.Cli.Output;

/// <summary>
/// <c>path(line,col): warning SL1002: message</c>, the MSBuild/Roslyn shape editors and CI log matchers parse;
/// files separated by a blank line; a summary line at the end. Colour only on a terminal without NO_COLOR.
/// </summary>
internal sealed class TextFormatter(bool color) : IResultFormatter
{
    public void Write(LintResult result, RuleCatalog catalog, TextWriter writer)
    {
        string? previousPath = null;
        foreach (var finding in result.Reported)
        {
            if (previousPath is not null && previousPath != finding.Path)
                writer.WriteLine();
            previousPath = finding.Path;
            // Path, id and message come from the pull request: no escape code or line break may reach the terminal or log.
            writer.Write($"{Escape.Text(finding.Path)}({finding.Line},{finding.Column}): ");
            writer.Write(Paint(finding.Severity.ToName(), finding.Severity));
            writer.WriteLine($" {Escape.Text(finding.Id)}: {Escape.Text(finding.Message)}");
        }
        if (previousPath is not null)
            writer.WriteLine();
        writer.WriteLine(Summary(result));
    }

    /// <summary>"3 warnings and 1 error in 2 files", or "No problems found in 4 files."</summary>
    public static string Summary(LintResult result)
    {
        var files = Wording.Count(result.Files.Count, "file", "files");
        var parts = new List<string>();
        foreach (var (severity, noun) in new[] { (RuleSeverity.Error, "error"), (RuleSeverity.Warning, "warning"), (RuleSeverity.Info, "info message") })
        {
            var count = result.Count(severity);
            if (count > 0)
                parts.Add(Wording.Count(count, noun, noun + "s"));
        }
        var note = SuppressedNote(result);
        if (parts.Count == 0)
            return $"No problems found in {files}.{note}";
        var withFindings = result.Files.Count(f => f.Reported.Any());
        var where = withFindings == result.Files.Count ? $"in {files}" : $"in {withFindings} of {files}";
        return $"{parts.Humanize("and")} {where}.{note}";
    }

    /// <summary>" 2 findings suppressed in the drafts and 12 in the baseline." or "".</summary>
    private static string SuppressedNote(LintResult result)
    {
        var inSource = result.Findings.Count(f => f.Suppression?.Kind == FindingSuppression.InSource);
        var baselined = result.Findings.Count(f => f.Suppression?.Kind == FindingSuppression.External);
        return (inSource, baselined) switch
        {
            (0, 0) => "",
            (_, 0) => $" {Wording.Count(inSource, "finding", "findings")} suppressed in the drafts.",
            (0, _) => $" {Wording.Count(baselined, "finding", "findings")} in the baseline not shown.",
            _ => $" {Wording.Count(inSource, "finding", "findings")} suppressed in the drafts and {baselined} in the baseline.",
        };
    }

    private string Paint(string text, RuleSeverity severity)
    {
        if (!color)
            return text;
        var code = severity switch { RuleSeverity.Error => "31", RuleSeverity.Warning => "33", _ => "36" };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
