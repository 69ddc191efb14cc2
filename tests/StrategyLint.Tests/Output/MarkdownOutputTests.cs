using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Output.OutputTestSupport;

namespace StrategyLint.Tests.Output;

/// <summary>The job summary (--format markdown): coverage matrix, every finding, escaping, links and the size budget.</summary>
public sealed partial class MarkdownOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void CopyExample(string name, string? target = null) =>
        File.Copy(Path.Combine(TestPaths.Examples, name), Path.Combine(_folder.Path, target ?? name));

    /// <summary>The cells of a table row, split at the pipes GitHub splits at (every '|' not escaped with a backslash).</summary>
    private static List<string> Cells(string row)
    {
        var cells = UnescapedPipe().Split(row.Trim()).Select(c => c.Trim()).ToList();
        Assert.True(cells.Count >= 2 && cells[0].Length == 0 && cells[^1].Length == 0, $"'{row}' is not a table row");
        return cells[1..^1];
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"SL\d{4}")]
    private static partial Regex RuleIdPattern();

    /// <summary>The coverage matrix: for each file (as written in the row), rule id → symbol.</summary>
    private static Dictionary<string, Dictionary<string, string>> Matrix(string markdown)
    {
        var lines = Lines(markdown);
        var headerIndex = Array.FindIndex(lines, l => l.StartsWith("| File | Profile |", StringComparison.Ordinal));
        Assert.True(headerIndex >= 0, "the report has no coverage matrix:\n" + markdown);
        var ids = Cells(lines[headerIndex]).Skip(2).Select(c => RuleIdPattern().Match(c).Value).ToList();
        Assert.All(ids, id => Assert.NotEqual("", id));
        var matrix = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var row in lines.Skip(headerIndex + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(row);
            Assert.Equal(ids.Count + 2, cells.Count);
            matrix[cells[0].Trim('`')] = ids.Select((id, i) => (id, cell: cells[i + 2])).ToDictionary(x => x.id, x => x.cell, StringComparer.Ordinal);
        }
        return matrix;
    }

    private sealed record JsonFinding(string File, int Line, string Id, string Severity, IReadOnlyDictionary<string, string> Properties);

    private static List<JsonFinding> JsonFindings(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => new JsonFinding(
            f.GetProperty("file").GetString()!,
            f.GetProperty("line").GetInt32(),
            f.GetProperty("id").GetString()!,
            f.GetProperty("severity").GetString()!,
            f.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)))];
    }

    private static readonly string[] FocusAreas = ["SL2001", "SL2002", "SL2003", "SL2004", "SL2005", "SL2006", "SL2007"];

    // ---- coverage matrix ---------------------------------------------------------------------------------------------

    [Fact]
    public void The_matrix_shows_covered_missing_and_not_checked_and_agrees_with_the_findings()
    {
        CopyExample("gaps-ncs.md");
        CopyExample("complete-ncs.md");
        CopyExample("capacity-building-plan.md");

        var markdown = CliRunner.Run(_folder.Path, ".", "-f", "markdown").Out;
        var findings = JsonFindings(CliRunner.Run(_folder.Path, ".", "-f", "json"));

        var matrix = Matrix(markdown);
        Assert.Equal(["capacity-building-plan.md", "complete-ncs.md", "gaps-ncs.md"], matrix.Keys.Order(StringComparer.Ordinal));
        Assert.All(FocusAreas, id => Assert.Contains(id, matrix["gaps-ncs.md"].Keys));

        // The gaps draft has a governance chapter and says nothing on international cooperation.
        Assert.Equal("✅", matrix["gaps-ncs.md"]["SL2001"]);
        Assert.Equal("❌", matrix["gaps-ncs.md"]["SL2007"]);
        Assert.All(FocusAreas, id => Assert.Equal("✅", matrix["complete-ncs.md"][id]));
        // A capacity-building plan is not checked for the national strategy's focus areas.
        Assert.All(FocusAreas, id => Assert.Equal("➖", matrix["capacity-building-plan.md"][id]));

        // Every cell of a checked file agrees with the findings: ❌ exactly when the rule fired, 🟡 when SL2010 named it.
        foreach (var (file, cells) in matrix)
        {
            foreach (var (id, cell) in cells.Where(c => c.Value != "➖"))
            {
                var expected = findings.Any(f => f.File == file && f.Id == id) ? "❌"
                    : findings.Any(f => f.File == file && f.Properties.TryGetValue("focusArea", out var area) && area == id) ? "🟡"
                    : "✅";
                Assert.True(expected == cell, $"{file} {id}: the matrix says {cell}, the findings say {expected}");
            }
        }
        Assert.Contains(matrix.Values.SelectMany(c => c.Values), c => c == "❌");
        Assert.Contains("✅ covered · 🟡 thin", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_the_capacity_building_profile_the_focus_areas_are_not_columns_and_the_clauses_are()
    {
        CopyExample("gaps-ncs.md");

        var markdown = CliRunner.Run(_folder.Path, "gaps-ncs.md", "--profile", "capacity-building-plan", "-f", "markdown").Out;

        var row = Assert.Single(Matrix(markdown)).Value;
        Assert.DoesNotContain(row.Keys, FocusAreas.Contains);
        Assert.Contains("SL3001", row.Keys);
        Assert.Contains("| `gaps-ncs.md` | capacity-building-plan |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_mentioned_only_in_passing_is_thin()
    {
        // SL2010's own example: risk management has two passing mentions and no section; the other areas have sections.
        const string draft = OutputTestSupport.ThinRiskManagementDraft;
        _folder.Write("thin.md", draft);

        var markdown = CliRunner.Run(_folder.Path, "thin.md", "--profile", "national-cybersecurity-strategy", "-f", "markdown").Out;

        var row = Matrix(markdown)["thin.md"];
        Assert.Equal("🟡", row["SL2002"]);
        Assert.All(FocusAreas.Where(id => id != "SL2002"), id => Assert.Equal("✅", row[id]));
        Assert.Contains("[SL2010]", markdown, StringComparison.Ordinal);
    }

    // ---- every finding ----------------------------------------------------------------------------------------------

    [Fact]
    public void Every_finding_of_the_run_has_a_row()
    {
        foreach (var name in new[] { "gaps-ncs.md", "complete-ncs.md", "capacity-building-plan.md", "cybercrime-strategy.md" })
            CopyExample(name);
        _folder.Write(Path.Combine("drafts", "skipped.md"), SkippedLevelDraft);

        var markdown = CliRunner.Run(_folder.Path, ".", "-f", "markdown").Out;
        var findings = JsonFindings(CliRunner.Run(_folder.Path, ".", "-f", "json"));

        var rows = new List<(string File, int Line, string Id, string Severity)>();
        string? file = null;
        foreach (var line in Lines(markdown))
        {
            if (line.StartsWith("#### ", StringComparison.Ordinal))
                file = line["#### ".Length..].Split('`')[1];
            else if (line.StartsWith("| ", StringComparison.Ordinal) && file is not null && !line.StartsWith("| Line", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal))
            {
                var cells = Cells(line);
                Assert.Equal(4, cells.Count);
                rows.Add((file, int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), RuleIdPattern().Match(cells[2]).Value, cells[1].Split(' ')[1]));
            }
        }

        Assert.True(findings.Count > 20, $"expected a rich run, got {findings.Count} findings");
        Assert.Equal(findings.Count, rows.Count);
        Assert.Equal(
            findings.Select(f => $"{f.File}:{f.Line}:{f.Id}:{f.Severity}").Order(StringComparer.Ordinal),
            rows.Select(r => $"{r.File}:{r.Line}:{r.Id}:{r.Severity}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_clean_run_says_none()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("clean.md", "# Title\n\nText.\n");

        var markdown = CliRunner.Run(_folder.Path, "clean.md", "-f", "markdown").Out;

        Assert.StartsWith("## StrategyLint\n", markdown, StringComparison.Ordinal);
        Assert.Contains("### Findings\n\nNone.", markdown, StringComparison.Ordinal);
    }

    // ---- escaping ---------------------------------------------------------------------------------------------------

    [Fact]
    public void A_hostile_heading_quoted_in_a_message_is_rendered_literally()
    {
        WriteStructureOnlyConfig(_folder);
        // In a code span the title keeps its characters (the parser would drop raw HTML and link targets otherwise).
        const string draft = """
            # T

            Some text.

            ## A

            More text.

            #### `<img src=x onerror=alert(1)> | [link](http://evil) @someone`

            Body.
            """;
        _folder.Write("evil.md", draft);

        var markdown = CliRunner.Run(_folder.Path, "evil.md", "-f", "markdown").Out;

        var row = Assert.Single(Lines(markdown), l => l.Contains("[SL1002]", StringComparison.Ordinal));
        var cells = Cells(row);
        Assert.Equal(4, cells.Count);
        Assert.Equal(LineOf(draft, "#### `<img").ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
        Assert.Contains(@"\<img src=x onerror=alert(1)\> \| \[link\](http://evil) @&#8203;someone", cells[3], StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<img", markdown);
        Assert.DoesNotContain("@someone", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>", @"\<b\>")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("[x](y)", @"\[x\](y)")]
    [InlineData("@team", "@&#8203;team")]
    [InlineData("*a* _b_ `c` ~d~", @"\*a\* \_b\_ \`c\` \~d\~")]
    [InlineData("&amp; $x$ !#", @"\&amp; \$x\$ \!\#")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("line\nbreak\r\n", "line break  ")]
    [InlineData("Plain text, 100% (ok).", "Plain text, 100% (ok).")]
    public void Escape_backslash_escapes_markup_and_flattens_line_breaks(string text, string expected) =>
        Assert.Equal(expected, MarkdownFormatter.Escape(text));

    [Fact]
    public void A_file_name_with_a_pipe_does_not_split_its_matrix_row()
    {
        // Documents a src bug: the matrix row writes the path as `a|b.md` without escaping the pipe, and GitHub splits
        // table cells at a '|' even inside a code span (GFM spec, tables: "including inside other inline spans").
        CopyExample("complete-ncs.md", "a|b.md");

        var markdown = CliRunner.Run(_folder.Path, ".", "-f", "markdown").Out;

        var header = Assert.Single(Lines(markdown), l => l.StartsWith("| File | Profile |", StringComparison.Ordinal));
        var row = Assert.Single(Lines(markdown), l => l.StartsWith("| `a", StringComparison.Ordinal));
        Assert.Equal(Cells(header).Count, Cells(row).Count);
    }

    // ---- links to GitHub --------------------------------------------------------------------------------------------

    private static readonly Dictionary<string, string> GitHubVariables = new(StringComparer.Ordinal)
    {
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "o/r",
        ["GITHUB_SHA"] = "0123abcd",
    };

    [Fact]
    public void In_Actions_lines_and_files_link_to_the_commit_on_GitHub()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write(Path.Combine("drafts", "my draft.md"), SkippedLevelDraft);
        var line = LineOf(SkippedLevelDraft, SkippedHeading);

        var run = RunWithVariables(_folder.Path, GitHubVariables, "drafts", "-f", "markdown");

        Assert.Contains($"| [{line}](https://github.com/o/r/blob/0123abcd/drafts/my%20draft.md#L{line}) | 🟠 warning |", run.Out, StringComparison.Ordinal);
        Assert.Contains("#### [`drafts/my draft.md`](https://github.com/o/r/blob/0123abcd/drafts/my%20draft.md)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_relative_to_the_workspace_when_run_from_a_subfolder()
    {
        var sub = Path.Combine(_folder.Path, "docs");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, "strategylint.json"), StructureOnlyConfig);
        File.WriteAllText(Path.Combine(sub, "x.md"), SkippedLevelDraft);
        var line = LineOf(SkippedLevelDraft, SkippedHeading);
        var variables = new Dictionary<string, string>(GitHubVariables, StringComparer.Ordinal)
        {
            ["GITHUB_WORKSPACE"] = _folder.Path,
            ["GITHUB_SERVER_URL"] = "https://github.example.com/",
        };

        var run = RunWithVariables(sub, variables, "x.md", "-f", "markdown");

        Assert.Contains($"[{line}](https://github.example.com/o/r/blob/0123abcd/docs/x.md#L{line})", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_commit_there_are_no_links()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("x.md", SkippedLevelDraft);
        var line = LineOf(SkippedLevelDraft, SkippedHeading);
        var variables = new Dictionary<string, string>(GitHubVariables, StringComparer.Ordinal);
        variables.Remove("GITHUB_SHA");

        var run = RunWithVariables(_folder.Path, variables, "x.md", "-f", "markdown");

        Assert.Contains($"| {line} | 🟠 warning |", run.Out, StringComparison.Ordinal);
        Assert.Contains("#### `x.md`", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("o/r/blob", run.Out, StringComparison.Ordinal);
    }

    // ---- suppressed findings ------------------------------------------------------------------------------------------

    [Fact]
    public void Suppressed_findings_are_counted_by_default_and_marked_under_include_suppressed()
    {
        var sl1003 = RuleCatalog.BuiltIn.Find("SL1003")!;
        var result = ResultOf(
            "draft.md",
            MakeFinding(sl1003, "draft.md", 3, RuleSeverity.Warning, "Open one."),
            MakeFinding(sl1003, "draft.md", 8, RuleSeverity.Warning, "Accepted one.") with
            {
                Suppression = new FindingSuppression(FindingSuppression.InSource, "Left empty <on purpose>"),
            });

        string Render(bool include)
        {
            var writer = new StringWriter { NewLine = "\n" };
            new MarkdownFormatter(new OutputOptions(_folder.Path, IncludeSuppressed: include)).Write(result, RuleCatalog.BuiltIn, writer);
            return writer.ToString();
        }

        var plain = Render(include: false);
        Assert.Contains("1 suppressed finding(s) are not shown.", plain, StringComparison.Ordinal);
        Assert.Contains("Open one.", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted one.", plain, StringComparison.Ordinal);

        var included = Render(include: true);
        Assert.DoesNotContain("are not shown", included, StringComparison.Ordinal);
        var row = Assert.Single(Lines(included), l => l.Contains("Accepted one.", StringComparison.Ordinal));
        Assert.Contains(@"*Suppressed (inSource): Left empty \<on purpose\>.*", row, StringComparison.Ordinal);
    }

    // ---- the 1 MiB budget -------------------------------------------------------------------------------------------

    [Fact]
    public void A_report_over_budget_ends_with_a_note_and_stays_within_it()
    {
        var sl1003 = RuleCatalog.BuiltIn.Find("SL1003")!;
        var result = ResultOf("draft.md", [.. Enumerable.Range(1, 200).Select(i => MakeFinding(sl1003, "draft.md", i, RuleSeverity.Warning, $"Finding number {i} with some words."))]);
        const int budget = 2000;

        string Render(int? maxBytes)
        {
            var writer = new StringWriter { NewLine = "\n" };
            var formatter = maxBytes is { } max ? new MarkdownFormatter(new OutputOptions(_folder.Path)) { MaxBytes = max } : new MarkdownFormatter(new OutputOptions(_folder.Path));
            formatter.Write(result, RuleCatalog.BuiltIn, writer);
            return writer.ToString();
        }

        var full = Render(null);
        var cut = Render(budget);

        Assert.DoesNotContain("left out", full, StringComparison.Ordinal);
        Assert.Contains("Finding number 200 ", full, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(full) > budget, "the full report should exceed the test budget");

        var note = Regex.Match(cut, @"\n\*(\d+) more line\(s\) of this report were left out to stay within GitHub's 1 MiB job-summary limit; the SARIF or JSON output has every finding\.\*\n\z");
        Assert.True(note.Success, "no closing note:\n" + cut[^Math.Min(cut.Length, 400)..]);
        var body = cut[..note.Index];
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1, budget);
        Assert.StartsWith(body, full, StringComparison.Ordinal);
        // The note counts exactly the lines left out.
        var omitted = int.Parse(note.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(full.Count(c => c == '\n'), body.Count(c => c == '\n') + omitted);
        Assert.DoesNotContain("Finding number 200 ", cut, StringComparison.Ordinal);
    }
}
