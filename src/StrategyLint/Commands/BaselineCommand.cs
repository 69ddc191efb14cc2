using System.CommandLine;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Linting;
using StrategyLint.Profiles;

namespace StrategyLint.Cli.Commands;

/// <summary>
/// <c>strategylint baseline PATHS… --output FILE</c>: records today's findings so a team adopting StrategyLint
/// halfway through a draft sees only new problems (<c>lint --baseline FILE</c>).
/// </summary>
internal static class BaselineCommand
{
    public const string DefaultFile = "strategylint-baseline.json";

    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Files, folders or globs, as for lint. Default: the current folder." };
        var output = new Option<string>("--output", "-o") { Description = $"The baseline file to write (default {DefaultFile}). Commit it with the drafts.", DefaultValueFactory = _ => DefaultFile };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file instead of the nearest strategylint.json." };
        var profile = new Option<string?>("--profile", "-p") { Description = "Treat every draft as this kind of document, as for lint." };
        profile.AcceptOnlyFromAmong([.. StrategyProfiles.All]);
        var trust = LintCommand.TrustCodeRulesOption();
        var followSymlinks = LintCommand.FollowSymlinksOption();
        var command = new Command("baseline", "Record the current findings in a baseline file, so 'strategylint --baseline FILE' reports only new ones. Findings are matched by rule, file and fingerprint, not line number.");
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(profile);
        command.Options.Add(trust);
        command.Options.Add(followSymlinks);
        command.SetAction(parse =>
        {
            var catalog = RuleCatalog.BuiltIn;
            var inputs = new LintCommand.LintInputs(parse.GetValue(paths) ?? [], parse.GetValue(config), parse.GetValue(profile), "stdin.md", Verbose: false, TrustCodeRules: parse.GetValue(trust), FollowSymlinks: parse.GetValue(followSymlinks));
            var (result, problems, exit) = LintCommand.Analyse(inputs, catalog, environment);
            if (problems is not null)
            {
                new TextFormatter(color: false).Write(LintCommand.ConfigProblemResult(problems), catalog, environment.Error);
                return StrategyLintCli.ExitUsage;
            }
            if (result is null)
                return exit;

            var target = parse.GetValue(output)!;
            var full = Path.GetFullPath(target, environment.WorkingDirectory);
            var baseline = Baseline.From(result, full, environment.WorkingDirectory);
            // Through the one safe writer: never through a link in the checkout, never over a device.
            var outcome = OutputTarget.Write(full, append: false, writer => writer.WriteLine(baseline.Serialize()), environment.WorkingDirectory);
            if (!outcome.Written)
            {
                environment.Error.WriteLine($"strategylint: the baseline was not written to {Escape.Text(target)}: {Escape.Text(outcome.Problem)}");
                return StrategyLintCli.ExitUsage;
            }
            var files = baseline.Entries.Select(e => e.File).Distinct(StringComparer.Ordinal).Count();
            environment.Out.WriteLine($"Recorded {Wording.Count(baseline.Entries.Count, "finding", "findings")} in {Wording.Count(files, "file", "files")} to {Escape.Text(target)}. Run 'strategylint --baseline {Escape.Text(target)}' to report only new findings.");
            return StrategyLintCli.ExitClean;
        });
        return command;
    }
}
