using System.CommandLine;
using StrategyLint.Analysis;

namespace StrategyLint.Cli.Commands;

/// <summary><c>strategylint rules</c>: the table of rules with ids, categories, default severities and titles.</summary>
internal static class RulesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var config = new Option<string?>("--config", "-c") { Description = "List the rules of this configuration (its extends packs and C# rules too) instead of the nearest strategylint.json's." };
        var command = new Command("rules", "List every rule: id, category, default severity and title, including the packs and C# rules the configuration adds.");
        var trust = LintCommand.TrustCodeRulesOption();
        command.Options.Add(config);
        command.Options.Add(trust);
        command.SetAction(parse =>
        {
            // The configuration's own rules belong in the list: a house pack's ids are what its users look up.
            var cwd = environment.WorkingDirectory;
            var explicitPath = parse.GetValue(config);
            var path = explicitPath is null ? Configuration.ConfigLoader.Discover(cwd, IO.ReadPolicy.Current.Root) : Path.GetFullPath(explicitPath, cwd);
            var catalog = RuleCatalog.BuiltIn;
            if (path is not null)
            {
                var (loaded, problems) = Configuration.ConfigLoader.Load(path, Linting.InputResolver.DisplayPath(path, cwd), catalog, cwd, parse.GetValue(trust));
                if (loaded is null)
                {
                    foreach (var problem in problems)
                        environment.Error.WriteLine(Output.Escape.Text(problem.ToString()));
                    return StrategyLintCli.ExitUsage;
                }
                catalog = loaded.Catalog ?? catalog;
                foreach (var notice in loaded.Notices)
                    environment.Error.WriteLine($"strategylint: notice: {Output.Escape.Text(notice.File)}({notice.Line},{notice.Column}): {Output.Escape.Text(notice.Message)}");
            }
            var rows = catalog.Descriptors
                // Ids, categories and titles of a pack are the pack author's text: shown, never obeyed by the terminal.
                .Select(d => (Id: Output.Escape.Text(d.Id), Category: Output.Escape.Text(d.Category), Severity: RuleSeverityExtensions.FromDefault(d.DefaultSeverity).ToName(), Title: Output.Escape.Text(d.Title.ToString())))
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
