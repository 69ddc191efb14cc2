using System.CommandLine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Profiles;
using StrategyLint.Rules.Tool;

namespace StrategyLint.Cli.Commands;

/// <summary><c>strategylint [lint] PATHS…</c>: the default command.</summary>
internal static class LintCommand
{
    private sealed record Symbols(
        Argument<string[]> Paths,
        Option<string[]> Format,
        Option<string[]> Output,
        Option<string?> Config,
        Option<string?> Profile,
        Option<string> FailLevel,
        Option<string> StdinName,
        Option<bool> Verbose,
        Option<string> Category,
        Option<bool> IncludeSuppressed);

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("lint", "Lint Markdown drafts (the default command: 'strategylint PATHS' is the same as 'strategylint lint PATHS').");
        Attach(command, environment);
        return command;
    }

    public static void AttachTo(RootCommand root, CliEnvironment environment) => Attach(root, environment);

    private static void Attach(Command command, CliEnvironment environment)
    {
        var symbols = new Symbols(
            new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Files, folders (every *.md below), globs such as \"drafts/**/*.md\", or - for standard input. Default: the current folder." },
            new Option<string[]>("--format", "-f") { Description = "Output format: text (default), json, sarif, github (workflow annotations) or markdown (job summary). Repeat it with an --output after each to write several formats in one run.", Arity = ArgumentArity.OneOrMore },
            new Option<string[]>("--output", "-o") { Description = "Write the format given just before it to this file instead of the terminal.", Arity = ArgumentArity.OneOrMore },
            new Option<string?>("--config", "-c") { Description = "Use this configuration file instead of the nearest strategylint.json." },
            new Option<string?>("--profile", "-p") { Description = "Treat every draft as this kind of document: national-cybersecurity-strategy, capacity-building-plan or cybercrime-strategy. Default: the front matter 'type', the config's 'profiles', or detection from the title and text." },
            new Option<string>("--fail-level") { Description = "Exit with 1 when a finding is at or above this severity: error (default), warning or note.", DefaultValueFactory = _ => "error" },
            new Option<string>("--stdin-filename") { Description = "The name shown for text read from standard input.", DefaultValueFactory = _ => "stdin.md" },
            new Option<bool>("--verbose", "-v") { Description = "Say which configuration and files were used." },
            new Option<string>("--category") { Description = "The SARIF automationDetails category: give each separately uploaded analysis its own (default strategylint).", DefaultValueFactory = _ => OutputOptions.DefaultCategory },
            new Option<bool>("--include-suppressed") { Description = "Also write suppressed findings, marked with their suppression and reason (SARIF and markdown)." });
        symbols.Format.AcceptOnlyFromAmong(OutputFormat.All);
        symbols.FailLevel.AcceptOnlyFromAmong("error", "warning", "note", "info");
        symbols.Profile.AcceptOnlyFromAmong([.. StrategyProfiles.All]);
        command.Arguments.Add(symbols.Paths);
        command.Options.Add(symbols.Format);
        command.Options.Add(symbols.Output);
        command.Options.Add(symbols.Config);
        command.Options.Add(symbols.Profile);
        command.Options.Add(symbols.FailLevel);
        command.Options.Add(symbols.StdinName);
        command.Options.Add(symbols.Verbose);
        command.Options.Add(symbols.Category);
        command.Options.Add(symbols.IncludeSuppressed);
        command.SetAction(parse => Execute(parse, symbols, environment));
    }

    private static int Execute(ParseResult parse, Symbols symbols, CliEnvironment environment)
    {
        var catalog = RuleCatalog.BuiltIn;
        var cwd = environment.WorkingDirectory;
        var verbose = parse.GetValue(symbols.Verbose);
        var (targets, targetError) = OutputTarget.Pair(parse, symbols.Format, symbols.Output, cwd);
        if (targetError is not null)
        {
            environment.Error.WriteLine($"strategylint: {targetError}");
            return StrategyLintCli.ExitUsage;
        }
        var options = new OutputOptions(cwd, parse.GetValue(symbols.Category)!, parse.GetValue(symbols.IncludeSuppressed), Warnings: environment.Error, Variables: environment.Variable);

        var (config, configProblems) = LoadConfig(parse.GetValue(symbols.Config), cwd, catalog, environment);
        if (config is null)
        {
            // Reported through the chosen format so SARIF consumers see SL0001 too; exit 2 all the same.
            var problemResult = new LintResult([.. configProblems.GroupBy(p => p.File).Select(g => new FileResult(new InputFile(g.Key, null), [.. g.Select(ToFinding)], null, Skipped: true))]);
            WriteOutputs(problemResult, catalog, targets, options, environment, summaryToError: true);
            return StrategyLintCli.ExitUsage;
        }
        if (verbose)
            environment.Error.WriteLine(config.Path is null ? "No strategylint.json found; using the defaults." : $"Using configuration {InputResolver.DisplayPath(config.Path, cwd)}.");

        var paths = parse.GetValue(symbols.Paths) is { Length: > 0 } given ? given : ["."];
        // The paths argument takes any token, so an unknown option would otherwise be read as a missing file.
        if (paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(Path.Combine(cwd, p))) is { } unknown)
        {
            environment.Error.WriteLine($"strategylint: '{unknown}' is not an option of lint. Run 'strategylint --help' to see the options (a file whose name starts with '-' can be given as ./{unknown}).");
            return StrategyLintCli.ExitUsage;
        }
        var (files, errors) = InputResolver.Resolve(paths, cwd, config, environment.ReadStdin, parse.GetValue(symbols.StdinName)!);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                environment.Error.WriteLine($"strategylint: {error}");
            return StrategyLintCli.ExitUsage;
        }
        if (verbose)
            environment.Error.WriteLine($"Linting {files.Count} file(s) with {catalog.Rules.Count} rules.");

        var result = new StrategyLinter(catalog, config, parse.GetValue(symbols.Profile)).Lint(files);
        if (verbose)
        {
            foreach (var file in result.Files.Where(f => f.Profile is not null))
                environment.Error.WriteLine($"{file.File.DisplayPath}: profile {file.Profile}");
        }
        WriteOutputs(result, catalog, targets, options, environment, summaryToError: false);

        var failLevel = parse.GetValue(symbols.FailLevel) switch
        {
            "warning" => RuleSeverity.Warning,
            "note" or "info" => RuleSeverity.Info,
            _ => RuleSeverity.Error,
        };
        return result.Reported.Any(f => f.Severity >= failLevel) ? StrategyLintCli.ExitFindings : StrategyLintCli.ExitClean;
    }

    private static (LintConfig? Config, List<ConfigProblem> Problems) LoadConfig(string? explicitPath, string cwd, RuleCatalog catalog, CliEnvironment environment)
    {
        string? path;
        if (explicitPath is not null)
        {
            path = Path.GetFullPath(explicitPath, cwd);
            if (!File.Exists(path))
                return (null, [new ConfigProblem(explicitPath, 1, 1, "$", $"The configuration file '{explicitPath}' given with --config does not exist.")]);
        }
        else
        {
            path = ConfigLoader.Discover(cwd);
        }
        return path is null ? (LintConfig.Default(cwd), []) : ConfigLoader.Load(path, InputResolver.DisplayPath(path, cwd), catalog);
    }

    private static Finding ToFinding(ConfigProblem problem)
    {
        var position = new LinePosition(problem.Line - 1, problem.Column - 1);
        var properties = new Dictionary<string, string> { ["jsonPath"] = problem.JsonPath };
        return new Finding(SL0001InvalidConfiguration.Rule, problem.File, default, new LinePositionSpan(position, position), $"{problem.Message} (at {problem.JsonPath})", RuleSeverity.Error, properties);
    }

    private static void WriteOutputs(LintResult result, RuleCatalog catalog, IReadOnlyList<OutputTarget> targets, OutputOptions options, CliEnvironment environment, bool summaryToError)
    {
        var written = new List<string>();
        foreach (var target in targets)
        {
            var color = target.Format == OutputFormat.Text && target.Path is null && environment.OutIsTerminal && !environment.NoColor;
            var formatter = OutputFormat.Create(target.Format, options with { Color = color });
            if (target.Path is null)
            {
                // A configuration error in text goes to standard error: there is no report to print.
                formatter.Write(result, catalog, target.Format == OutputFormat.Text && summaryToError ? environment.Error : environment.Out);
                continue;
            }
            var full = Path.GetFullPath(target.Path, environment.WorkingDirectory);
            var append = environment.Variable("GITHUB_STEP_SUMMARY") is { } summary && Path.GetFullPath(summary, environment.WorkingDirectory) == full;
            OutputTarget.Write(full, append, writer => formatter.Write(result, catalog, writer));
            written.Add(target.Path);
        }

        // The one-line summary goes wherever the report is not: after files, to stdout; after a machine format on stdout, to stderr.
        var textOnStdout = targets.Any(t => t.Path is null && t.Format is OutputFormat.Text or OutputFormat.GitHub);
        if (textOnStdout)
            return;
        var line = TextFormatter.Summary(result) + (written.Count > 0 ? $" Written to {string.Join(", ", written)}." : "");
        var stdoutTaken = targets.Any(t => t.Path is null);
        (stdoutTaken || summaryToError ? environment.Error : environment.Out).WriteLine(line);
    }
}
