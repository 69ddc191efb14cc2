using System.Text;
using StrategyLint.Analysis;
using StrategyLint.Linting;

namespace StrategyLint.Cli.Output;

/// <summary>
/// A GitHub-flavoured Markdown report for <c>$GITHUB_STEP_SUMMARY</c>: the summary line, the coverage matrix
/// (focus areas and clauses × files) and every finding. Document-level findings have no changed line to
/// annotate on a pull request, so this is where reviewers see them. GitHub refuses a step summary over
/// 1 MiB; past that budget the report says how many findings it left out instead of being dropped whole.
/// </summary>
internal sealed class MarkdownFormatter(OutputOptions options) : IResultFormatter
{
    /// <summary>GitHub's step summary limit is 1024 KiB; keep a margin for the closing note.</summary>
    public int MaxBytes { get; init; } = 1000 * 1024;

    public void Write(LintResult result, RuleCatalog catalog, TextWriter writer)
    {
        var report = new BudgetWriter(MaxBytes);
        report.Line("## StrategyLint");
        report.Line();
        report.Line($"**{Escape(TextFormatter.Summary(result))}**");
        var suppressed = result.Findings.Count(f => f.IsSuppressed);
        if (suppressed > 0 && !options.IncludeSuppressed)
            report.Line($"{suppressed} suppressed finding(s) are not shown.");
        report.Line();

        WriteMatrix(report, CoverageMatrix.Build(result, catalog), catalog);
        WriteFindings(report, result);

        writer.Write(report.ToString());
        if (report.Omitted > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"*{report.Omitted} more line(s) of this report were left out to stay within GitHub's 1 MiB job-summary limit; the SARIF or JSON output has every finding.*");
        }
    }

    private void WriteMatrix(BudgetWriter report, CoverageMatrix matrix, RuleCatalog catalog)
    {
        report.Line("### Coverage");
        report.Line();
        if (matrix.IsEmpty)
        {
            report.Line("No focus-area or clause rule ran on these files (their profiles have none, or the configuration switched them off).");
            report.Line();
            return;
        }
        report.Line("| File | Profile | " + string.Join(" | ", matrix.Columns.Select(c => MaybeLink(Escape(c.Topic.Label), catalog.Find(c.Topic.DiagnosticId)!.HelpLinkUri))) + " |");
        report.Line("| --- | --- |" + string.Concat(matrix.Columns.Select(_ => " :-: |")));
        foreach (var row in matrix.Rows)
            report.Line($"| {FileLink(row.Path, null)} | {Escape(row.Profile ?? "")} | " + string.Join(" | ", row.Cells.Select(Symbol)) + " |");
        report.Line();
        report.Line("✅ covered · 🟡 thin (mentioned in passing, no section of its own) · ❌ missing · ➖ not checked for this profile · *(s)* suppressed");
        report.Line();
    }

    internal static string Symbol(CoverageCell cell)
    {
        var symbol = cell.State switch
        {
            CoverageState.Covered => "✅",
            CoverageState.Thin => "🟡",
            CoverageState.Missing => "❌",
            _ => "➖",
        };
        return cell.Suppressed ? symbol + " *(s)*" : symbol;
    }

    private void WriteFindings(BudgetWriter report, LintResult result)
    {
        report.Line("### Findings");
        report.Line();
        var files = result.Files.Select(f => (File: f, Findings: options.Visible(f).ToList())).Where(x => x.Findings.Count > 0).ToList();
        if (files.Count == 0)
        {
            report.Line("None.");
            return;
        }
        foreach (var (file, findings) in files)
        {
            var profile = file.Profile is { } p ? $" ({Escape(p.Name)})" : "";
            report.Line($"#### {FileLink(file.File.DisplayPath, null)}{profile}");
            report.Line();
            report.Line("| Line | Severity | Rule | Message |");
            report.Line("| ---: | --- | --- | --- |");
            foreach (var finding in findings)
            {
                var severity = finding.Severity switch
                {
                    RuleSeverity.Error => "🔴 error",
                    RuleSeverity.Warning => "🟠 warning",
                    _ => "🔵 info",
                };
                var message = Escape(finding.Message);
                if (finding.Suppression is { } suppression)
                    message = $"*Suppressed ({suppression.Kind}){(suppression.Justification is { Length: > 0 } why ? ": " + Escape(why) : "")}.* " + message;
                report.Line($"| {FileLink(finding.Path, finding.Line)} | {severity} | {MaybeLink(Escape(finding.Id), finding.Descriptor.HelpLinkUri)} | {message} |");
            }
            report.Line();
        }
    }

    /// <summary>The path (and line) as a link to the commit on GitHub when run in Actions, else as code.</summary>
    private string FileLink(string path, int? line)
    {
        var text = line is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : Output.Escape.MarkdownCode(path);
        if (options.Variable("GITHUB_SERVER_URL") is not { } server || options.Variable("GITHUB_REPOSITORY") is not { } repository || options.Variable("GITHUB_SHA") is not { } sha)
            return text;
        var workspace = options.Variable("GITHUB_WORKSPACE") ?? options.WorkingDirectory;
        var relative = Path.GetRelativePath(workspace, Path.GetFullPath(path, options.WorkingDirectory)).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return text;
        var anchor = line is { } n ? $"#L{n}" : "";
        return $"[{text}]({server.TrimEnd('/')}/{repository}/blob/{sha}/{SarifFormatter.RelativeUri(relative)}{anchor})";
    }

    /// <summary>Document text rendered literally (<see cref="Output.Escape.Markdown"/>).</summary>
    internal static string Escape(string text) => Output.Escape.Markdown(text);

    /// <summary>Collects lines until a byte budget is spent, then counts the lines it left out.</summary>
    private sealed class BudgetWriter(int maxBytes)
    {
        private readonly StringBuilder _text = new();
        private int _bytes;

        public int Omitted { get; private set; }

        public void Line(string line = "")
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (Omitted > 0 || _bytes + size > maxBytes)
            {
                Omitted++;
                return;
            }
            _bytes += size;
            _text.Append(line).Append('\n');
        }

        public override string ToString() => _text.ToString();
    }

    // A house rule without a page is named, not linked; so is one whose link is not http(s).
    private static string MaybeLink(string text, string? uri) => Output.Escape.MarkdownUrl(uri) is { } link ? $"[{text}]({link})" : text;
}
