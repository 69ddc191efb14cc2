using System.CommandLine;
using StrategyLint.Cli.Commands;

namespace StrategyLint.Cli;

/// <summary>Builds the command tree and runs it. Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or configuration error.</summary>
internal static class StrategyLintCli
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("StrategyLint checks Markdown drafts of national cybersecurity strategies, cybercrime strategies and cyber capacity-building plans against good practice (ITU NCS Guide, UN OEWG principles), and reports what is missing.");
        var lint = LintCommand.Create(environment);
        LintCommand.AttachTo(root, environment);
        root.Subcommands.Add(lint);
        root.Subcommands.Add(RulesCommand.Create(environment));
        root.Subcommands.Add(ExplainCommand.Create(environment));
        root.Subcommands.Add(DumpCommand.Create(environment));
        root.Subcommands.Add(EvalCommand.Create(environment));
        root.Subcommands.Add(InitCommand.Create(environment));
        root.Subcommands.Add(CoverageCommand.Create(environment));
        root.Subcommands.Add(BaselineCommand.Create(environment));
        root.Subcommands.Add(TestCommand.Create(environment));

        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false };
        try
        {
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                    environment.Error.WriteLine($"strategylint: {error.Message}");
                environment.Error.WriteLine("Run 'strategylint --help' to see the commands and options.");
                return ExitUsage;
            }
            // Every command reads the tree under one policy: the repository root of the working folder, no links
            // followed. lint, baseline and coverage narrow or widen it with --follow-symlinks.
            using var readScope = IO.ReadPolicy.Use(IO.ReadPolicy.For(environment.WorkingDirectory));
            return parse.Invoke(configuration);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Policy people read this output: one plain sentence, never a stack trace.
            environment.Error.WriteLine($"strategylint: an unexpected error stopped the run: {ex.Message}");
            environment.Error.WriteLine("Please report this at " + ToolInfo.InformationUri + "/issues with the command you ran.");
            return ExitUsage;
        }
        finally
        {
            environment.Out.Flush();
            environment.Error.Flush();
        }
    }
}
