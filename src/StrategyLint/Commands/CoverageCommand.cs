using System.CommandLine;
using System.Globalization;
using System.Text;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Linting;
using StrategyLint.Profiles;

namespace StrategyLint.Cli.Commands;

/// <summary>
/// <c>strategylint coverage PATHS…</c>: the coverage matrix in the terminal, files down the side and topics across.
/// Files go down because a run can have hundreds of them and only a dozen or so topics. Topic labels are far
/// too long for a 100-column terminal, so each column is headed by an abbreviation of at most four letters
/// (initials of a multi-word label, else its first four letters) with a key underneath; should the topics
/// still not fit, the matrix is printed in several blocks of columns, each repeating the file names.
/// </summary>
internal static class CoverageCommand
{
    /// <summary>The width the matrix keeps within: a common terminal and a readable CI log.</summary>
    internal const int MaxWidth = 100;

    private const int CellWidth = 4;
    private const int MaxFileWidth = 40;
    private const int MinFileWidth = 12;

    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Files, folders (every *.md below), globs such as \"drafts/**/*.md\", or - for standard input. Default: the current folder." };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file instead of the nearest strategylint.json." };
        var profile = new Option<string?>("--profile", "-p") { Description = "Treat every draft as this kind of document: national-cybersecurity-strategy, capacity-building-plan or cybercrime-strategy." };
        var stdinName = new Option<string>("--stdin-filename") { Description = "The name shown for text read from standard input.", DefaultValueFactory = _ => "stdin.md" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Say which configuration and files were used, and each file's profile." };
        profile.AcceptOnlyFromAmong([.. StrategyProfiles.All]);
        var trust = LintCommand.TrustCodeRulesOption();
        var followSymlinks = LintCommand.FollowSymlinksOption();

        var command = new Command(
            "coverage",
            "Print the coverage matrix: which focus areas and clauses each draft covers (✓), mentions only in passing (◐) or misses (✗). " +
            "Files are rows and topics are columns, headed by short abbreviations explained in a key below the matrix; " +
            $"when the topics do not fit in {MaxWidth} columns the matrix is printed in several blocks. Takes the paths, configuration and profile options of lint; exits 0, or 2 on a usage or configuration error.");
        command.Arguments.Add(paths);
        command.Options.Add(config);
        command.Options.Add(profile);
        command.Options.Add(stdinName);
        command.Options.Add(verbose);
        command.Options.Add(trust);
        command.Options.Add(followSymlinks);
        command.SetAction(parse =>
        {
            var catalog = RuleCatalog.BuiltIn;
            // The same configuration, inputs and profiles as lint: the matrix never disagrees with lint's findings.
            var inputs = new LintCommand.LintInputs(parse.GetValue(paths) ?? [], parse.GetValue(config), parse.GetValue(profile), parse.GetValue(stdinName)!, parse.GetValue(verbose), TrustCodeRules: parse.GetValue(trust), FollowSymlinks: parse.GetValue(followSymlinks));
            var (result, problems, exit) = LintCommand.Analyse(inputs, catalog, environment);
            if (result is null)
            {
                foreach (var problem in problems ?? [])
                    environment.Error.WriteLine(Escape.Text(problem.ToString()));
                return exit;
            }

            Write(CoverageMatrix.Build(result, result.Catalog ?? catalog), environment.Out, environment.OutIsTerminal && !environment.NoColor);
            var skipped = result.Files.Where(f => f.Skipped).Select(f => Escape.Text(f.File.DisplayPath)).ToList();
            if (skipped.Count > 0)
                environment.Error.WriteLine($"strategylint: {Wording.Count(skipped.Count, "file", "files")} could not be read and {(skipped.Count == 1 ? "is" : "are")} not in the matrix: {string.Join(", ", skipped)}. Run 'strategylint lint' to see why.");
            return StrategyLintCli.ExitClean;
        });
        return command;
    }

    /// <summary>Writes the matrix, its per-column totals, the legend and the key to the abbreviations.</summary>
    internal static void Write(CoverageMatrix matrix, TextWriter output, bool color)
    {
        if (matrix.IsEmpty)
        {
            output.WriteLine("No focus-area or clause rule ran on these files (their profiles have none, or the configuration switched them off).");
            return;
        }
        // File names and a pack's labels come from the pull request: shown with control characters made visible.
        var abbreviations = Abbreviate(matrix.Columns.Select(c => Escape.Text(c.Topic.Label)).ToList());
        var width = Math.Max(CellWidth, matrix.Rows.Count.ToString(CultureInfo.InvariantCulture).Length);
        var fileWidth = Math.Clamp(matrix.Rows.Max(r => Escape.Text(r.Path).Length), MinFileWidth, MaxFileWidth);
        fileWidth = Math.Max(fileWidth, "✗ missing".Length);
        var perBlock = Math.Max(1, (MaxWidth - fileWidth) / (width + 1));

        output.WriteLine($"Coverage of focus areas and clauses in {Wording.Count(matrix.Rows.Count, "file", "files")}:");
        for (var start = 0; start < matrix.Columns.Count; start += perBlock)
        {
            var columns = Enumerable.Range(start, Math.Min(perBlock, matrix.Columns.Count - start)).ToList();
            output.WriteLine();
            var header = new StringBuilder(new string(' ', fileWidth));
            foreach (var i in columns)
                header.Append(' ').Append(Centre(abbreviations[i], width));
            output.WriteLine(header.ToString().TrimEnd());
            foreach (var row in matrix.Rows)
            {
                var line = new StringBuilder(Fit(Escape.Text(row.Path), fileWidth).PadRight(fileWidth));
                foreach (var i in columns)
                {
                    var (symbol, code) = Look(row.Cells[i].State);
                    var text = row.Cells[i].Suppressed ? $"({symbol})" : symbol;
                    line.Append(' ').Append(Centre(text, width, code, color));
                }
                output.WriteLine(line.ToString().TrimEnd());
            }
            // Per-column totals: how many files are in each state.
            output.WriteLine(new string('-', fileWidth + columns.Count * (width + 1)));
            foreach (var state in new[] { CoverageState.Covered, CoverageState.Thin, CoverageState.Missing })
            {
                var (symbol, code) = Look(state);
                var line = new StringBuilder(Paint(symbol, code, color) + " " + Name(state).PadRight(fileWidth - 2));
                foreach (var i in columns)
                    line.Append(' ').Append(Centre(matrix.Count(i, state).ToString(CultureInfo.InvariantCulture), width));
                output.WriteLine(line.ToString().TrimEnd());
            }
        }

        output.WriteLine();
        string Key(CoverageState state) => $"{Paint(Look(state).Symbol, Look(state).Color, color)} {Meaning(state)}";
        output.WriteLine($"{Key(CoverageState.Covered)}   {Key(CoverageState.Thin)}   {Key(CoverageState.Missing)}");
        output.WriteLine($"{Key(CoverageState.NotChecked)}   (✗) suppressed: the drafting team accepted the gap");
        output.WriteLine();
        WriteKey(output, matrix, abbreviations);
    }

    /// <summary>What each abbreviation stands for, in two columns when two fit.</summary>
    private static void WriteKey(TextWriter output, CoverageMatrix matrix, IReadOnlyList<string> abbreviations)
    {
        var abbreviationWidth = abbreviations.Max(a => a.Length);
        var entries = matrix.Columns.Select((c, i) => $"{abbreviations[i].PadRight(abbreviationWidth)}  {Escape.Text(c.Topic.DiagnosticId)}  {Escape.Text(c.Topic.Label)}").ToList();
        var entryWidth = entries.Max(e => e.Length) + 3;
        var perLine = entryWidth * 2 - 3 <= MaxWidth ? 2 : 1;
        var lines = (entries.Count + perLine - 1) / perLine;
        // Down the first column, then the second, so the key reads in the matrix's order.
        for (var line = 0; line < lines; line++)
        {
            var text = new StringBuilder();
            for (var column = 0; column < perLine && line + column * lines < entries.Count; column++)
                text.Append(entries[line + column * lines].PadRight(entryWidth));
            output.WriteLine(text.ToString().TrimEnd());
        }
    }

    private static (string Symbol, string Color) Look(CoverageState state) => state switch
    {
        CoverageState.Covered => ("✓", "32"),
        CoverageState.Thin => ("◐", "33"),
        CoverageState.Missing => ("✗", "31"),
        _ => ("·", "90"),
    };

    private static string Name(CoverageState state) => state switch
    {
        CoverageState.Covered => "covered",
        CoverageState.Thin => "thin",
        CoverageState.Missing => "missing",
        _ => "not checked",
    };

    private static string Meaning(CoverageState state) => state switch
    {
        CoverageState.Thin => "thin: mentioned in passing, no section of its own",
        CoverageState.NotChecked => "not checked for the file's profile",
        _ => Name(state),
    };

    /// <summary>
    /// Short, unique column headings: the initials of a label of several words ("Risk management" → RM,
    /// "Multi-stakeholder" → MS), else its first four letters ("Governance" → Gove); a repeat gets a digit.
    /// </summary>
    internal static List<string> Abbreviate(IReadOnlyList<string> labels)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(labels.Count);
        foreach (var label in labels)
        {
            var words = label.Split([' ', '-', '/', '_'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => char.IsLetterOrDigit(w[0]) && !MinorWords.Contains(w))
                .ToList();
            var abbreviation = words.Count switch
            {
                0 => label.Length > CellWidth ? label[..CellWidth] : label,
                1 => words[0].Length > CellWidth ? words[0][..CellWidth] : words[0],
                _ => string.Concat(words.Take(CellWidth).Select(w => char.ToUpperInvariant(w[0]))),
            };
            if (abbreviation.Length == 0)
                abbreviation = "?";
            var candidate = abbreviation;
            for (var n = 2; !used.Add(candidate); n++)
            {
                var suffix = n.ToString(CultureInfo.InvariantCulture);
                candidate = abbreviation[..Math.Min(abbreviation.Length, CellWidth - suffix.Length)] + suffix;
            }
            result.Add(candidate);
        }
        return result;
    }

    private static readonly HashSet<string> MinorWords = new(["and", "of", "the", "for", "in", "on", "to", "a", "an"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A path cut from the left to fit ("…/national/draft.md"): the file name is the part that tells files apart.</summary>
    private static string Fit(string path, int width) => path.Length <= width ? path : "…" + path[^(width - 1)..];

    /// <summary>The text centred in the width; only the text is coloured, so trailing spaces can be trimmed.</summary>
    private static string Centre(string text, int width, string? code = null, bool color = false)
    {
        var left = Math.Max(0, (width - text.Length) / 2);
        var right = Math.Max(0, width - text.Length - left);
        return new string(' ', left) + (code is null ? text : Paint(text, code, color)) + new string(' ', right);
    }

    private static string Paint(string text, string code, bool color) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
