using System.CommandLine;
using StrategyLint.Analysis;

namespace StrategyLint.Cli.Commands;

/// <summary><c>strategylint rules</c>: the table of rules with ids, categories, default severities and titles.</summary>
internal static class RulesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("rules", "List every rule: id, category, default severity and title.");
        command.SetAction(_ =>
        {
            var rows = RuleCatalog.BuiltIn.Descriptors
                .Select(d => (d.Id, d.Category, Severity: RuleSeverityExtensions.FromDefault(d.DefaultSeverity).ToName(), Title: d.Title.ToString()))
                .ToList();
            var idWidth = Math.Max(2, rows.Max(r => r.Id.Length));
            var categoryWidth = Math.Max(8, rows.Max(r => r.Category.Length));
            var severityWidth = Math.Max(8, rows.Max(r => r.Severity.Length));
            var output = environment.Out;
            output.WriteLine($"{"ID".PadRight(idWidth)}  {"CATEGORY".PadRight(categoryWidth)}  {"DEFAULT".PadRight(severityWidth)}  TITLE");
            foreach (var row in rows)
                output.WriteLine($"{row.Id.PadRight(idWidth)}  {row.Category.PadRight(categoryWidth)}  {row.Severity.PadRight(severityWidth)}  {row.Title}");
            output.WriteLine();
            output.WriteLine("Run 'strategylint explain ID' for a rule's rationale, examples and how to configure or suppress it.");
            return StrategyLintCli.ExitClean;
        });
        return command;
    }
}
