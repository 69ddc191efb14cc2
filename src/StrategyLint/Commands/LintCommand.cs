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
        Option<string> Format,
        Option<string?> Output,
        Option<string?> Config,
        Option<string?> Profile,
        Option<string> FailLevel,
        Option<string> StdinName,
        Option<bool> Verbose);

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
            new Option<string>("--format", "-f") { Description = "Output format: text (default), json or sarif.", DefaultValueFactory = _ => OutputFormat.Text },
            new Option<string?>("--output", "-o") { Description = "Write the output to this file instead of the terminal." },
            new Option<string?>("--config", "-c") { Description = "Use this configuration file instead of the nearest strategylint.json." },
            new Option<string?>("--profile", "-p") { Description = "Treat every draft as this kind of document: national-cybersecurity-strategy, capacity-building-plan or cybercrime-strategy. Default: the front matter 'type', the config's 'profiles', or detection from the title and text." },
            new Option<string>("--fail-level") { Description = "Exit with 1 when a finding is at or above this severity: error (default), warning or note.", DefaultValueFactory = _ => "error" },
            new Option<string>("--stdin-filename") { Description = "The name shown for text read from standard input.", DefaultValueFactory = _ => "stdin.md" },
            new Option<bool>("--verbose", "-v") { Description = "Say which configuration and files were used." });
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
        command.SetAction(parse => Execute(parse, symbols, environment));
    }

    private static int Execute(ParseResult parse, Symbols symbols, CliEnvironment environment)
    {
        var catalog = RuleCatalog.BuiltIn;
        var cwd = environment.WorkingDirectory;
        var format = parse.GetValue(symbols.Format)!;
        var output = parse.GetValue(symbols.Output);
        var verbose = parse.GetValue(symbols.Verbose);

        var (config, configProblems) = LoadConfig(parse.GetValue(symbols.Config), cwd, catalog, environment);
        if (config is null)
        {
            // Reported through the chosen format so SARIF consumers see SL0001 too; exit 2 all the same.
            var problemResult = new LintResult([.. configProblems.GroupBy(p => p.File).Select(g => new FileResult(new InputFile(g.Key, null), [.. g.Select(ToFinding)], null, Skipped: true))]);
            WriteOutput(problemResult, catalog, format, output, environment, summaryToError: true);
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
        WriteOutput(result, catalog, format, output, environment, summaryToError: false);

        var failLevel = parse.GetValue(symbols.FailLevel) switch
        {
            "warning" => RuleSeverity.Warning,
            "note" or "info" => RuleSeverity.Info,
            _ => RuleSeverity.Error,
        };
        return result.Findings.Any(f => f.Severity >= failLevel) ? StrategyLintCli.ExitFindings : StrategyLintCli.ExitClean;
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

    private static void WriteOutput(LintResult result, RuleCatalog catalog, string format, string? output, CliEnvironment environment, bool summaryToError)
    {
        var color = format == OutputFormat.Text && output is null && environment.OutIsTerminal && !environment.NoColor;
        var formatter = format == OutputFormat.Sarif ? new SarifFormatter(environment.WorkingDirectory) : OutputFormat.Create(format, color);
        if (output is null)
        {
            if (format == OutputFormat.Text && summaryToError)
            {
                formatter.Write(result, catalog, environment.Error);
                return;
            }
            formatter.Write(result, catalog, environment.Out);
            if (format != OutputFormat.Text)
                environment.Error.WriteLine(TextFormatter.Summary(result));
            return;
        }

        var target = Path.GetFullPath(output, environment.WorkingDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using (var writer = new StreamWriter(target, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            formatter.Write(result, catalog, writer);
        if (format != OutputFormat.Text || summaryToError)
            (summaryToError ? environment.Error : environment.Out).WriteLine(TextFormatter.Summary(result) + $" Written to {output}.");
    }
}
