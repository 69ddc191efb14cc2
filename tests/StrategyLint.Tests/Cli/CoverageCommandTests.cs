using StrategyLint.Tests.Output;
using System.Text.Json;
using StrategyLint.Analysis;
using StrategyLint.Cli;
using StrategyLint.Cli.Commands;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Packs;
using StrategyLint.Profiles;
using static StrategyLint.Tests.Output.OutputTestSupport;

namespace StrategyLint.Tests.Cli;

/// <summary><c>strategylint coverage</c>: the matrix in the terminal agrees with the findings, fits 100 columns, explains itself, and exits 0 or 2.</summary>
public sealed class CoverageCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void CopyExample(string name, string? target = null)
    {
        var full = Path.Combine(_folder.Path, target ?? name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Copy(Path.Combine(TestPaths.Examples, name), full);
    }

    private void CopyExamples()
    {
        foreach (var name in new[] { "gaps-ncs.md", "complete-ncs.md", "capacity-building-plan.md", "cybercrime-strategy.md" })
            CopyExample(name);
    }

    private static readonly string[] FocusAreas = ["SL2001", "SL2002", "SL2003", "SL2004", "SL2005", "SL2006", "SL2007"];

    private const string Covered = "✓", Thin = "◐", Missing = "✗", NotChecked = "·";

    /// <summary>What the command printed, read back: file → rule id → symbol, the totals rows, the key.</summary>
    private sealed record Printed(
        Dictionary<string, Dictionary<string, string>> Cells,
        Dictionary<string, Dictionary<string, int>> Totals,
        Dictionary<string, (string Id, string Label)> Key,
        int Blocks);

    /// <summary>
    /// Reads the matrix back using the key (abbreviation → id) and the header line of each block; columns are
    /// found by where each abbreviation sits in the header, so the test does not depend on the widths.
    /// </summary>
    private static Printed Read(string output)
    {
        var lines = output.Split('\n');
        var key = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (System.Text.RegularExpressions.Match entry in System.Text.RegularExpressions.Regex.Matches(line, @"(?:^|\s{3})(\S+)\s+(SL\d{4})  (.+?)(?=\s{3}\S+\s+SL\d{4}  |\s*$)"))
                key[entry.Groups[1].Value] = (entry.Groups[2].Value, entry.Groups[3].Value.Trim());
        }
        Assert.NotEmpty(key);

        var cells = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var blocks = 0;
        List<(string Id, int Start, int End)>? columns = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(' ') && line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words && words.All(key.ContainsKey))
            {
                blocks++;
                columns = [];
                var at = 0;
                foreach (var word in words)
                {
                    var start = line.IndexOf(word, at, StringComparison.Ordinal);
                    columns.Add((key[word].Item1, start, start + word.Length));
                    at = start + word.Length;
                }
                continue;
            }
            if (columns is null || line.Length == 0 || line.StartsWith('-'))
            {
                if (line.Length == 0)
                    columns = null;
                continue;
            }
            var totalRow = line.StartsWith("✓ covered", StringComparison.Ordinal) || line.StartsWith("◐ thin", StringComparison.Ordinal) || line.StartsWith("✗ missing", StringComparison.Ordinal);
            var name = totalRow ? line[..line.IndexOf(' ', 2)] : line[..Math.Min(line.Length, columns[0].Start - 1)].TrimEnd();
            foreach (var (id, start, end) in columns)
            {
                // A cell is centred under its heading: take the text that overlaps the heading's span.
                var text = Around(line, start, end);
                if (totalRow)
                    (totals.TryGetValue(name, out var t) ? t : totals[name] = new(StringComparer.Ordinal))[id] = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                else
                    (cells.TryGetValue(name, out var c) ? c : cells[name] = new(StringComparer.Ordinal))[id] = text;
            }
        }
        return new Printed(cells, totals, key, blocks);
    }

    private static string Around(string line, int start, int end)
    {
        var from = Math.Max(0, start - 1);
        var to = Math.Min(line.Length, end + 1);
        return from >= line.Length ? "" : line[from..to].Trim();
    }

    private Dictionary<string, Dictionary<string, string>> JsonCoverage(params string[] args)
    {
        using var json = JsonDocument.Parse(CliRunner.Run(_folder.Path, [.. args, "-f", "json"]).Out);
        return json.RootElement.GetProperty("files").EnumerateArray()
            .Where(f => f.TryGetProperty("coverage", out _))
            .ToDictionary(
                f => f.GetProperty("path").GetString()!,
                f => f.GetProperty("coverage").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("state").GetString()!, StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    // ---- the matrix -------------------------------------------------------------------------------------------

    [Fact]
    public void The_matrix_shows_covered_missing_and_not_checked_and_agrees_with_lint()
    {
        CopyExamples();

        var run = CliRunner.Run(_folder.Path, "coverage", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var printed = Read(run.Out);
        Assert.Equal(["capacity-building-plan.md", "complete-ncs.md", "cybercrime-strategy.md", "gaps-ncs.md"], printed.Cells.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Covered, printed.Cells["gaps-ncs.md"]["SL2001"]);
        Assert.Equal(Missing, printed.Cells["gaps-ncs.md"]["SL2007"]);
        Assert.All(FocusAreas, id => Assert.Equal(Covered, printed.Cells["complete-ncs.md"][id]));
        Assert.All(FocusAreas, id => Assert.Equal(NotChecked, printed.Cells["capacity-building-plan.md"][id]));

        // Every cell agrees with the coverage lint reports in JSON (which leaves out the topics not checked).
        var json = JsonCoverage(".");
        foreach (var (file, cells) in printed.Cells)
        {
            foreach (var (id, symbol) in cells)
            {
                var expected = json[file].GetValueOrDefault(id) switch { "covered" => Covered, "thin" => Thin, "missing" => Missing, _ => NotChecked };
                Assert.True(expected == symbol, $"{file} {id}: coverage prints {symbol}, lint says {expected}");
            }
        }
    }

    [Fact]
    public void Totals_count_each_column_and_the_key_names_every_topic()
    {
        CopyExamples();

        var run = CliRunner.Run(_folder.Path, "coverage");
        var printed = Read(run.Out);

        Assert.Equal(0, run.ExitCode);
        var ids = printed.Cells.First().Value.Keys.ToList();
        foreach (var id in ids)
        {
            Assert.Equal(printed.Cells.Values.Count(r => r[id] == Covered), printed.Totals["✓ covered"][id]);
            Assert.Equal(printed.Cells.Values.Count(r => r[id] == Thin), printed.Totals["◐ thin"][id]);
            Assert.Equal(printed.Cells.Values.Count(r => r[id] == Missing), printed.Totals["✗ missing"][id]);
            // The key gives each abbreviation's rule id and full label.
            var topic = RuleCatalog.BuiltIn.Rules.Select(r => r.Coverage).OfType<CoverageTopic>().Single(t => t.DiagnosticId == id);
            Assert.Contains(printed.Key.Values, k => k.Id == id && k.Label == topic.Label);
        }
        Assert.Contains("✓ covered   ◐ thin: mentioned in passing, no section of its own   ✗ missing", run.Out, StringComparison.Ordinal);
        Assert.Contains("· not checked for the file's profile", run.Out, StringComparison.Ordinal);
        Assert.Contains("(✗) suppressed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_mentioned_only_in_passing_is_thin()
    {
        const string draft = OutputTestSupport.ThinRiskManagementDraft;
        _folder.Write("thin.md", draft);

        var printed = Read(CliRunner.Run(_folder.Path, "coverage", "thin.md", "--profile", "national-cybersecurity-strategy").Out);

        Assert.Equal(Thin, printed.Cells["thin.md"]["SL2002"]);
        Assert.All(FocusAreas.Where(id => id != "SL2002"), id => Assert.Equal(Covered, printed.Cells["thin.md"][id]));
        Assert.Equal(1, printed.Totals["◐ thin"]["SL2002"]);
    }

    [Fact]
    public void The_profile_option_chooses_the_columns_as_in_lint()
    {
        CopyExample("gaps-ncs.md");

        var run = CliRunner.Run(_folder.Path, "coverage", "gaps-ncs.md", "-p", "capacity-building-plan");

        var row = Assert.Single(Read(run.Out).Cells).Value;
        Assert.DoesNotContain(row.Keys, FocusAreas.Contains);
        Assert.Contains("SL3001", row.Keys);
    }

    [Fact]
    public void A_suppressed_gap_is_shown_in_brackets()
    {
        var sl3002 = RuleCatalog.BuiltIn.Find("SL3002")!;
        var file = ResultOf("draft.md", MakeFinding(sl3002, "draft.md", 1, RuleSeverity.Warning, "No gender clause.") with
        {
            Suppression = new FindingSuppression(FindingSuppression.InSource, "covered by the gender policy"),
        }).Files[0] with { CheckedRules = new HashSet<string>(["SL3001", "SL3002"], StringComparer.Ordinal) };
        var output = new StringWriter { NewLine = "\n" };

        CoverageCommand.Write(CoverageMatrix.Build(new LintResult([file]), RuleCatalog.BuiltIn), output, color: false);

        var printed = Read(output.ToString());
        Assert.Equal("(✗)", printed.Cells["draft.md"]["SL3002"]);
        Assert.Equal(Covered, printed.Cells["draft.md"]["SL3001"]);
    }

    [Fact]
    public void A_gap_suppressed_in_the_draft_is_shown_in_brackets()
    {
        var draft = File.ReadAllText(Path.Combine(TestPaths.Examples, "gaps-ncs.md"))
            + "\n<!-- strategylint-disable-file SL3002 -- Covered by the national gender policy. -->\n";
        _folder.Write("gaps-ncs.md", draft);

        var run = CliRunner.Run(_folder.Path, "coverage", "gaps-ncs.md");

        Assert.Equal(0, run.ExitCode);
        var row = Read(run.Out).Cells["gaps-ncs.md"];
        Assert.Equal("(✗)", row["SL3002"]);
        Assert.Equal(Missing, row["SL3001"]);
    }

    [Fact]
    public void Without_focus_area_or_clause_rules_it_says_so()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("x.md", SkippedLevelDraft);

        var run = CliRunner.Run(_folder.Path, "coverage", "x.md");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("No focus-area or clause rule ran on these files", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_like_lint_reads_it()
    {
        var draft = File.ReadAllBytes(Path.Combine(TestPaths.Examples, "gaps-ncs.md"));

        var run = CliRunner.RunWithStdin(_folder.Path, draft, "coverage", "-", "--stdin-filename", "draft.md");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Missing, Read(run.Out).Cells["draft.md"]["SL2007"]);
    }

    // ---- width --------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_line_fits_in_100_columns_even_with_long_paths()
    {
        CopyExamples();
        var deep = Path.Combine("drafts", "national", "2025", "consultation-round-two", "ministry-of-digital-affairs-comments", "complete-ncs-with-comments.md");
        CopyExample("complete-ncs.md", deep);

        var run = CliRunner.Run(_folder.Path, "coverage", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.Length <= CoverageCommand.MaxWidth, $"{line.Length} columns: {line}"));
        // The long path is cut from the left, keeping the file name.
        var row = Assert.Single(Read(run.Out).Cells.Keys, k => k.StartsWith('…'));
        Assert.EndsWith("/complete-ncs-with-comments.md", row, StringComparison.Ordinal);
        Assert.All(Read(run.Out).Cells[row].Values.Take(7), symbol => Assert.Equal(Covered, symbol));
    }

    [Fact]
    public void Too_many_topics_for_100_columns_are_printed_in_blocks()
    {
        // Thirty clause rules of a made-up pack: far more columns than 100 characters hold.
        var files = new List<(string Name, Func<string> Read)> { ("wide/pack.json", () => """{ "name": "wide", "profiles": [] }""") };
        for (var i = 1; i <= 30; i++)
        {
            var id = $"SL9{i:000}";
            var json = $$"""
                { "id": "{{id}}", "kind": "require-clause", "title": "Clause {{i}}", "category": "Clauses", "severity": "warning",
                  "message": "No clause {{i}}.", "description": "Test.", "coverage": "Topic number {{i}}", "terms": ["{{(i % 2 == 0 ? "governance" : "zebra")}}"] }
                """;
            files.Add(($"wide/{id}.json", () => json));
        }
        var catalog = new RuleCatalog([.. PackLoader.Load(files)]);
        _folder.Write("draft.md", "# A strategy\n\n## Governance\n\nThe council leads governance of the strategy.\n");
        var result = new StrategyLinter(catalog, LintConfig.Default(_folder.Path)).Lint([new InputFile("draft.md", Path.Combine(_folder.Path, "draft.md"))]);
        var output = new StringWriter { NewLine = "\n" };

        CoverageCommand.Write(CoverageMatrix.Build(result, catalog), output, color: false);

        var text = output.ToString();
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= CoverageCommand.MaxWidth, $"{line.Length} columns: {line}"));
        var printed = Read(text);
        Assert.True(printed.Blocks >= 2, "expected the matrix in several blocks:\n" + text);
        var row = printed.Cells["draft.md"];
        Assert.Equal(30, row.Count);
        // Even topics name "governance", which the draft has; odd ones name a word it lacks.
        for (var i = 1; i <= 30; i++)
            Assert.Equal(i % 2 == 0 ? Covered : Missing, row[$"SL9{i:000}"]);
        // Abbreviations are unique although every label starts "Topic number".
        Assert.Equal(30, printed.Key.Count);
    }

    [Theory]
    [InlineData(new[] { "Governance", "Risk management", "Multi-stakeholder", "Preparedness and resilience" }, new[] { "Gove", "RM", "MS", "PR" })]
    [InlineData(new[] { "Risk management", "Resource mobilisation", "Road map" }, new[] { "RM", "RM2", "RM3" })]
    [InlineData(new[] { "A", "and" }, new[] { "A", "and" })]
    public void Abbreviations_are_short_and_unique(string[] labels, string[] expected) =>
        Assert.Equal(expected, CoverageCommand.Abbreviate(labels));

    // ---- colour -------------------------------------------------------------------------------------------------

    private CliRun RunOnTerminal(bool noColor, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(_folder.Path, output, error, () => [], OutIsTerminal: true, NoColor: noColor);
        return new CliRun(StrategyLintCli.Run(args, environment), output.ToString(), error.ToString());
    }

    [Fact]
    public void Colour_only_on_a_terminal_without_NO_COLOR()
    {
        CopyExample("gaps-ncs.md");

        var coloured = RunOnTerminal(noColor: false, "coverage", "gaps-ncs.md");
        var plain = RunOnTerminal(noColor: true, "coverage", "gaps-ncs.md");
        var redirected = CliRunner.Run(_folder.Path, "coverage", "gaps-ncs.md");

        Assert.Contains("\u001b[32m✓\u001b[0m", coloured.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[31m✗\u001b[0m", coloured.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", plain.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", redirected.Out, StringComparison.Ordinal);
        Assert.Equal(plain.Out, redirected.Out);
        // Colour changes nothing but the escapes.
        Assert.Equal(plain.Out, System.Text.RegularExpressions.Regex.Replace(coloured.Out, "\u001b\\[\\d+m", ""));
    }

    // ---- usage errors -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("coverage", "missing.md")]
    [InlineData("coverage", "--no-such-option")]
    [InlineData("coverage", ".", "--profile", "tax-strategy")]
    [InlineData("coverage", ".", "--config", "nowhere.json")]
    public void Usage_errors_exit_2(params string[] args)
    {
        CopyExample("gaps-ncs.md");

        var run = CliRunner.Run(_folder.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.NotEqual("", run.Error);
    }

    [Fact]
    public void An_invalid_configuration_is_reported_and_exits_2()
    {
        CopyExample("gaps-ncs.md");
        _folder.Write("strategylint.json", "{ \"rules\": { \"SL9999\": \"error\" } }");

        var run = CliRunner.Run(_folder.Path, "coverage", ".");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SL0001", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_the_layout()
    {
        var run = CliRunner.Run(_folder.Path, "coverage", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("abbreviations", run.Out, StringComparison.Ordinal);
        Assert.Contains("--profile", run.Out, StringComparison.Ordinal);
    }
}
