using System.CommandLine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Configuration;
using StrategyLint.IO;
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
        Option<bool> IncludeSuppressed,
        Option<string?> Baseline,
        Option<bool> Fix,
        Option<bool> DryRun,
        Option<string?> Shard,
        Option<bool> TrustCodeRules,
        Option<bool> FollowSymlinks);

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
            new Option<string[]>("--format", "-f") { Description = "Output format: text (default), json, sarif, github (workflow annotations), markdown (job summary) or html (a page for reviewers). Repeat it with an --output after each to write several formats in one run.", Arity = ArgumentArity.OneOrMore },
            new Option<string[]>("--output", "-o") { Description = "Write the format given just before it to this file instead of the terminal.", Arity = ArgumentArity.OneOrMore },
            new Option<string?>("--config", "-c") { Description = "Use this configuration file instead of the nearest strategylint.json." },
            new Option<string?>("--profile", "-p") { Description = "Treat every draft as this kind of document: national-cybersecurity-strategy, capacity-building-plan or cybercrime-strategy. Default: the front matter 'type', the config's 'profiles', or detection from the title and text." },
            new Option<string>("--fail-level") { Description = "Exit with 1 when a finding is at or above this severity: error (default), warning or note.", DefaultValueFactory = _ => "error" },
            new Option<string>("--stdin-filename") { Description = "The name shown for text read from standard input.", DefaultValueFactory = _ => "stdin.md" },
            new Option<bool>("--verbose", "-v") { Description = "Say which configuration and files were used." },
            new Option<string>("--category") { Description = "The SARIF automationDetails category: give each separately uploaded analysis its own (default strategylint).", DefaultValueFactory = _ => OutputOptions.DefaultCategory },
            new Option<bool>("--include-suppressed") { Description = "Also write suppressed findings, marked with their suppression and reason (SARIF, markdown and html)." },
            new Option<string?>("--baseline") { Description = "Report only findings that are not in this baseline file (written by 'strategylint baseline')." },
            new Option<bool>("--fix") { Description = "Apply the fixes rules offer (scaffold a missing focus-area section, partner wording, a review clause), write the files atomically, then lint again." },
            new Option<bool>("--dry-run") { Description = "With --fix: print the changes as a unified diff instead of writing them." },
            new Option<string?>("--shard") { Description = "Lint only part I of N of the files (for example 2/4), to split a large repository across CI jobs. Each file is in exactly one part; the SARIF category defaults to strategylint/shard-I-of-N." },
            TrustCodeRulesOption(),
            FollowSymlinksOption());
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
        command.Options.Add(symbols.Baseline);
        command.Options.Add(symbols.Fix);
        command.Options.Add(symbols.DryRun);
        command.Options.Add(symbols.Shard);
        command.Options.Add(symbols.TrustCodeRules);
        command.Options.Add(symbols.FollowSymlinks);
        command.SetAction(parse => Execute(parse, symbols, environment));
    }

    /// <summary>--follow-symlinks, shared by lint, baseline and coverage.</summary>
    internal static Option<bool> FollowSymlinksOption() => new("--follow-symlinks")
    {
        Description = "Follow symbolic links whose target stays inside the repository (never into .git, never outside). Without it, a linked draft, folder, configuration or pack is refused with a diagnostic.",
    };

    private static int Execute(ParseResult parse, Symbols symbols, CliEnvironment environment)
    {
        var catalog = RuleCatalog.BuiltInLazy;
        var cwd = environment.WorkingDirectory;
        var followSymlinks = parse.GetValue(symbols.FollowSymlinks);
        // Every read of this run (config, packs, drafts, fixes, SARIF fingerprints) goes through this policy.
        using var readScope = ReadPolicy.Use(ReadPolicy.For(cwd, followSymlinks));
        var verbose = parse.GetValue(symbols.Verbose);
        var (targets, targetError) = OutputTarget.Pair(parse, symbols.Format, symbols.Output, cwd);
        if (targetError is not null)
        {
            environment.Error.WriteLine($"strategylint: {targetError}");
            return StrategyLintCli.ExitUsage;
        }
        Shard? shard = null;
        if (parse.GetValue(symbols.Shard) is { } shardValue)
        {
            if (!Linting.Shard.TryParse(shardValue, out var parsed, out var problem))
            {
                environment.Error.WriteLine($"strategylint: {problem}");
                return StrategyLintCli.ExitUsage;
            }
            shard = parsed;
        }
        // Each shard's SARIF needs its own category, or GitHub keeps only the last upload of a commit.
        var category = shard is { } s && parse.GetResult(symbols.Category) is null or { Implicit: true }
            ? $"{OutputOptions.DefaultCategory.TrimEnd('/')}/shard-{s.Index}-of-{s.Count}"
            : parse.GetValue(symbols.Category)!;
        var options = new OutputOptions(cwd, category, parse.GetValue(symbols.IncludeSuppressed), Warnings: environment.Error, Variables: environment.Variable);

        var inputs = new LintInputs(parse.GetValue(symbols.Paths) ?? [], parse.GetValue(symbols.Config), parse.GetValue(symbols.Profile), parse.GetValue(symbols.StdinName)!, verbose, shard, parse.GetValue(symbols.TrustCodeRules), followSymlinks);
        var (analysed, configProblems, exit) = Analyse(inputs, catalog, environment);
        if (configProblems is not null)
        {
            // Reported through the chosen format so SARIF consumers see SL0001 too; exit 2 all the same.
            WriteOutputs(ConfigProblemResult(configProblems), catalog.Value, targets, options, environment, summaryToError: true);
            return StrategyLintCli.ExitUsage;
        }
        if (analysed is null)
            return exit;
        var result = analysed;

        Baseline? baseline = null;
        if (parse.GetValue(symbols.Baseline) is { } baselinePath)
        {
            (baseline, var problem) = Baseline.Load(Path.GetFullPath(baselinePath, cwd));
            if (baseline is null)
            {
                environment.Error.WriteLine($"strategylint: {Escape.Text(problem)}");
                return StrategyLintCli.ExitUsage;
            }
        }
        var fix = parse.GetValue(symbols.Fix);
        if (parse.GetValue(symbols.DryRun) && !fix)
        {
            environment.Error.WriteLine("strategylint: --dry-run goes with --fix: 'strategylint --fix --dry-run PATHS' shows the changes --fix would make.");
            return StrategyLintCli.ExitUsage;
        }
        result = ApplyBaseline(result, baseline, environment, report: !fix || parse.GetValue(symbols.DryRun));

        if (fix)
        {
            var fixProblems = new List<FixProblem>();
            var plans = FixApplier.Plan(result, fixProblems);
            foreach (var problem in fixProblems)
                environment.Error.WriteLine($"strategylint: {Escape.Text(problem.File.File.DisplayPath)} was not fixed: {Escape.Text(problem.Problem)}");
            if (parse.GetValue(symbols.DryRun))
            {
                foreach (var plan in plans)
                    environment.Out.Write(UnifiedDiff.Create(plan.File.File.DisplayPath, plan.Before, plan.After));
                environment.Error.WriteLine(plans.Count == 0 ? "--fix would change nothing." : $"--fix would apply {Wording.Count(plans.Sum(p => p.Fixed.Count), "fix", "fixes")} in {Wording.Count(plans.Count, "file", "files")}; nothing was written.");
                return ExitCode(result, parse.GetValue(symbols.FailLevel));
            }
            // One file that cannot be written (a read-only folder, edited meanwhile, a link) is skipped with a message;
            // the others are still fixed, and the exit code comes from the findings of the second pass as always.
            var writeOptions = FileWriteOptions.For(cwd);
            plans = [.. plans.Where(plan =>
            {
                var written = FixApplier.Write(plan, writeOptions);
                if (!written.Written)
                    environment.Error.WriteLine($"strategylint: {Escape.Text(plan.File.File.DisplayPath)} was not fixed: {Escape.Text(written.Problem)}");
                return written.Written;
            })];
            if (plans.Count > 0)
            {
                environment.Error.WriteLine($"Fixed {Wording.Count(plans.Sum(p => p.Fixed.Count), "finding", "findings")} in {Wording.Count(plans.Count, "file", "files")}: {string.Join(", ", plans.Select(p => Escape.Text(p.File.File.DisplayPath)))}.");
                // Lint again, so the report shows what is left after the fixes.
                (analysed, _, exit) = Analyse(inputs with { Verbose = false, Repeated = true }, catalog, environment);
                if (analysed is null)
                    return exit;
                result = ApplyBaseline(analysed, baseline, environment, report: true);
            }
        }
        // A report that could not be written fails the run (exit 2): CI must not go on with a stale or missing SARIF.
        if (!WriteOutputs(result, result.Catalog ?? catalog.Value, targets, options, environment, summaryToError: false))
            return StrategyLintCli.ExitUsage;

        return ExitCode(result, parse.GetValue(symbols.FailLevel));
    }

    private static int ExitCode(LintResult result, string? failLevelName)
    {
        var failLevel = failLevelName switch
        {
            "warning" => RuleSeverity.Warning,
            "note" or "info" => RuleSeverity.Info,
            _ => RuleSeverity.Error,
        };
        return result.Reported.Any(f => f.Severity >= failLevel) ? StrategyLintCli.ExitFindings : StrategyLintCli.ExitClean;
    }

    private static LintResult ApplyBaseline(LintResult result, Baseline? baseline, CliEnvironment environment, bool report)
    {
        if (baseline is null)
            return result;
        (result, _, var gone) = baseline.Apply(result, environment.WorkingDirectory);
        if (report && gone > 0)
            environment.Error.WriteLine($"{Wording.Count(gone, "entry", "entries")} of the baseline no longer {(gone == 1 ? "occurs" : "occur")} (fixed or reworded). Run 'strategylint baseline' again to drop {(gone == 1 ? "it" : "them")}.");
        return result;
    }

    /// <summary>What every command that lints takes: paths, config, profile.</summary>
    /// <param name="TrustCodeRules">--trust-code-rules: the C# rules the configuration enables are compiled and run.</param>
    /// <param name="FollowSymlinks">--follow-symlinks: links whose target stays inside the repository are followed.</param>
    /// <param name="Repeated">The second analysis of a --fix run: notices were already written.</param>
    internal sealed record LintInputs(string[] Paths, string? Config, string? Profile, string StdinName, bool Verbose, Shard? Shard = null, bool TrustCodeRules = false, bool FollowSymlinks = false, bool Repeated = false);

    /// <summary>
    /// <c>--trust-code-rules</c>, shared by every command that loads a configuration. Trust is the workflow's to grant,
    /// never the configuration's: a pull request can change strategylint.json, not the command line CI runs.
    /// </summary>
    internal static Option<bool> TrustCodeRulesOption() => new("--trust-code-rules")
    {
        Description = "Compile and run the C# rules the configuration enables (codeRules). Without it they are skipped with a notice. Grant it only where the configuration and rule files are trusted: pushes to protected branches and same-repository pull requests, never pull requests from forks.",
    };

    /// <summary>
    /// Loads the configuration, resolves the inputs and lints them: the part of a run that lint, baseline and
    /// coverage share. Returns the result; or the configuration's problems (exit 2, reported by the caller in its
    /// format); or, after a usage error already written to standard error, just the exit code.
    /// </summary>
    internal static (LintResult? Result, List<ConfigProblem>? ConfigProblems, int Exit) Analyse(LintInputs inputs, RuleCatalog catalog, CliEnvironment environment) =>
        Analyse(inputs, new Lazy<RuleCatalog>(catalog), environment);

    // The catalog is forced only when needed (a configuration file to check, then the rules), so the documents are
    // read and parsed while it loads on another thread.
    private static (LintResult? Result, List<ConfigProblem>? ConfigProblems, int Exit) Analyse(LintInputs inputs, Lazy<RuleCatalog> catalog, CliEnvironment environment)
    {
        var cwd = environment.WorkingDirectory;
        using var readScope = ReadPolicy.Use(ReadPolicy.For(cwd, inputs.FollowSymlinks));
        var (config, configProblems) = LoadConfig(inputs.Config, cwd, catalog, inputs.TrustCodeRules);
        if (config is null)
            return (null, configProblems, StrategyLintCli.ExitUsage);
        // Legitimate but worth a reviewer's eye (a folder pack replacing a shipped one): never silent.
        if (!inputs.Repeated)
        {
            foreach (var notice in config.Notices)
                environment.Error.WriteLine($"strategylint: notice: {Escape.Text(notice.File)}({notice.Line},{notice.Column}): {Escape.Text(notice.Message)}");
        }
        if (inputs.Verbose)
            environment.Error.WriteLine(config.Path is null ? "No strategylint.json found; using the defaults." : $"Using configuration {Escape.Text(InputResolver.DisplayPath(config.Path, cwd))}.");
        if (inputs.Verbose && config.CodeRulesStatus is { } codeRules && !config.Notices.Any(n => n.Message == codeRules))
            environment.Error.WriteLine(Escape.Text(codeRules));

        var paths = inputs.Paths is { Length: > 0 } given ? given : ["."];
        // The paths argument takes any token, so an unknown option would otherwise be read as a missing file.
        if (paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(Path.Combine(cwd, p))) is { } unknown)
        {
            environment.Error.WriteLine($"strategylint: '{Escape.Text(unknown)}' is not an option of this command. Run 'strategylint --help' to see the options (a file whose name starts with '-' can be given as ./{Escape.Text(unknown)}).");
            return (null, null, StrategyLintCli.ExitUsage);
        }
        var (files, errors) = InputResolver.Resolve(paths, cwd, config, environment.ReadStdin, inputs.StdinName);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                environment.Error.WriteLine($"strategylint: {Escape.Text(error)}");
            return (null, null, StrategyLintCli.ExitUsage);
        }
        if (inputs.Shard is { } shard)
        {
            var all = files.Count;
            files = [.. files.Where(shard.Contains)];
            if (inputs.Verbose)
                environment.Error.WriteLine($"Shard {shard}: {files.Count} of {all} file(s).");
        }
        if (inputs.Verbose)
            environment.Error.WriteLine($"Linting {files.Count} file(s) with {(config.Catalog ?? catalog.Value).Rules.Count} rules.");

        var progress = ProgressReporter.For(environment, files.Count);
        var result = new StrategyLinter(config.Catalog is { } configured ? new Lazy<RuleCatalog>(configured) : catalog, config, inputs.Profile) { Progress = progress is null ? null : progress.Report }.Lint(files);
        progress?.Done();
        result = WithNotices(result, config);
        if (inputs.Verbose)
        {
            foreach (var file in result.Files.Where(f => f.Profile is not null))
                environment.Error.WriteLine($"{Escape.Text(file.File.DisplayPath)}: profile {Escape.Text(file.Profile?.ToString())}");
            foreach (var file in result.Files.Where(f => f.Language is not null))
                environment.Error.WriteLine($"{Escape.Text(file.File.DisplayPath)}: language {Escape.Text(file.Language!.ToString())}");
        }
        return (result, null, StrategyLintCli.ExitClean);
    }

    /// <summary>The configuration's notices as info-level SL0001 findings on its file, so SARIF and the job summary show them too.</summary>
    private static LintResult WithNotices(LintResult result, LintConfig config)
    {
        if (config.Notices.Count == 0 || config.SeverityOf(SL0001InvalidConfiguration.Rule) == RuleSeverity.Off)
            return result;
        var notices = config.Notices.GroupBy(n => n.File).Select(g => new FileResult(new InputFile(g.Key, null), [.. g.Select(n => ToFinding(n) with { Severity = RuleSeverity.Info })], null, Skipped: true));
        return result with { Files = [.. result.Files.Concat(notices).OrderBy(f => f.File.DisplayPath, StringComparer.Ordinal)] };
    }

    /// <summary>Configuration problems as a result, so every format can report them as SL0001.</summary>
    internal static LintResult ConfigProblemResult(List<ConfigProblem> problems) =>
        new([.. problems.GroupBy(p => p.File).Select(g => new FileResult(new InputFile(g.Key, null), [.. g.Select(ToFinding)], null, Skipped: true))]);

    private static (LintConfig? Config, List<ConfigProblem> Problems) LoadConfig(string? explicitPath, string cwd, Lazy<RuleCatalog> catalog, bool trustCodeRules)
    {
        string? path;
        if (explicitPath is not null)
        {
            path = Path.GetFullPath(explicitPath, cwd);
            // A link or FIFO given with --config exists: loading it says why it is refused.
            if (!SafeFileReader.EntryExists(path))
                return (null, [new ConfigProblem(explicitPath, 1, 1, "$", $"The configuration file '{explicitPath}' given with --config does not exist.")]);
        }
        else
        {
            // Never above the repository root: a config in a folder above the checkout is not the repository's.
            path = ConfigLoader.Discover(cwd, ReadPolicy.Current.Root);
        }
        return path is null ? (LintConfig.Default(cwd), []) : ConfigLoader.Load(path, InputResolver.DisplayPath(path, cwd), catalog.Value, cwd, trustCodeRules);
    }

    private static Finding ToFinding(ConfigProblem problem)
    {
        var position = new LinePosition(problem.Line - 1, problem.Column - 1);
        // A C# rule's problem has a line and column but no JSON path.
        var properties = problem.JsonPath.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["jsonPath"] = problem.JsonPath };
        var message = problem.JsonPath.Length == 0 ? problem.Message : $"{problem.Message} (at {problem.JsonPath})";
        return new Finding(SL0001InvalidConfiguration.Rule, problem.File, default, new LinePositionSpan(position, position), message, RuleSeverity.Error, properties);
    }

    /// <summary>Writes every report; false when one could not be written (each such report is named on standard error).</summary>
    private static bool WriteOutputs(LintResult result, RuleCatalog catalog, IReadOnlyList<OutputTarget> targets, OutputOptions options, CliEnvironment environment, bool summaryToError)
    {
        var written = new List<string>();
        var allWritten = true;
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
            var outcome = OutputTarget.Write(full, append, writer => formatter.Write(result, catalog, writer), environment.WorkingDirectory);
            if (outcome.Written)
                written.Add(Escape.Text(target.Path));
            else
                environment.Error.WriteLine($"strategylint: the {target.Format} report was not written to {Escape.Text(target.Path)}: {Escape.Text(outcome.Problem)}");
            allWritten &= outcome.Written;
        }

        // The one-line summary goes wherever the report is not: after files, to stdout; after a machine format on stdout, to stderr.
        var textOnStdout = targets.Any(t => t.Path is null && t.Format is OutputFormat.Text or OutputFormat.GitHub);
        if (textOnStdout)
            return allWritten;
        var line = TextFormatter.Summary(result) + (written.Count > 0 ? $" Written to {string.Join(", ", written)}." : "");
        var stdoutTaken = targets.Any(t => t.Path is null);
        (stdoutTaken || summaryToError ? environment.Error : environment.Out).WriteLine(line);
        return allWritten;
    }
}
