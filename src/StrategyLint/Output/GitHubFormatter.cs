using System.Text;
using StrategyLint.Analysis;
using StrategyLint.Linting;

namespace StrategyLint.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which the runner turns into
/// annotations on the pull request without code scanning. Errors come first because GitHub shows only ten
/// annotations of each level per step. Every value is escaped the way GitHub's toolkit escapes it, so text
/// quoted from a document can never end the command or start another one.
/// </summary>
// Suppressed findings are never annotated, --include-suppressed or not: an annotation is a request to act.
internal sealed class GitHubFormatter : IResultFormatter
{
    /// <summary>Annotations GitHub shows per level and step; the rest only reach the log.</summary>
    public const int ShownPerLevel = 10;

    public void Write(LintResult result, RuleCatalog catalog, TextWriter writer)
    {
        var findings = result.Files
            .SelectMany(f => f.Reported)
            .Select((finding, index) => (finding, index))
            .OrderByDescending(x => x.finding.Severity)
            .ThenBy(x => x.index)
            .Select(x => x.finding)
            .ToList();
        foreach (var finding in findings)
            writer.WriteLine(Command(finding));

        // Plain lines are read by the runner too: made safe like any log line.
        writer.WriteLine(Escape.Text(TextFormatter.Summary(result)));
        var hidden = findings.GroupBy(f => f.Severity).Where(g => g.Count() > ShownPerLevel).Select(g => g.Count() - ShownPerLevel).Sum();
        if (hidden > 0)
            writer.WriteLine($"GitHub shows {ShownPerLevel} annotations of each level per step, so {hidden} finding(s) are only in this log. The job summary (--format markdown) and the SARIF output list them all.");
    }

    /// <summary>One workflow command. Columns are given only for a one-line region, as GitHub requires.</summary>
    internal static string Command(Finding finding)
    {
        var level = finding.Severity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<(string Name, string Value)>
        {
            ("file", finding.Path),
            ("line", finding.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("endLine", finding.EndLine.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (finding.Line == finding.EndLine)
        {
            properties.Add(("col", finding.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            properties.Add(("endColumn", Math.Max(finding.Column, finding.EndColumn).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        properties.Add(("title", $"{finding.Id}: {finding.Descriptor.Title}"));

        var command = new StringBuilder("::").Append(level).Append(' ');
        command.AppendJoin(',', properties.Select(p => $"{p.Name}={EscapeProperty(p.Value)}"));
        // Only an http(s) page is named: a pack's help link is text the pull request chose.
        var help = Escape.WebLink(finding.Descriptor.HelpLinkUri);
        command.Append("::").Append(EscapeData(help is null ? finding.Message : $"{finding.Message} ({help})"));
        return command.ToString();
    }

    /// <summary>As <c>escapeData</c> in actions/toolkit (%, CR and LF), after making control characters visible (<see cref="Escape.GitHubData"/>).</summary>
    internal static string EscapeData(string value) => Escape.GitHubData(value);

    /// <summary>As <c>escapeProperty</c> in actions/toolkit: also ':' and ',' which separate properties (<see cref="Escape.GitHubProperty"/>).</summary>
    internal static string EscapeProperty(string value) => Escape.GitHubProperty(value);
}
