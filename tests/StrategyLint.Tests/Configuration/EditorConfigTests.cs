using System.Text.RegularExpressions;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Configuration;

/// <summary>
/// Severities from .editorconfig (strategylint_diagnostic.ID.severity), read with Roslyn's AnalyzerConfig: section
/// matching, nesting, root = true, precedence against the front matter and strategylint.json, and SL0001 for mistakes.
/// Every temporary folder's top .editorconfig says root = true, so the machine's own files never leak in.
/// </summary>
public sealed partial class EditorConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>One SL1002 (the level-4 heading) and one SL1003 (the empty section), both warnings by default.</summary>
    private const string Draft = """
        # Kestland National Cyber Security Strategy

        Internal working draft. Not for circulation outside government.

        ## Governance

        Responsibility for cyber security is currently shared informally between several ministries.

        #### Lead agency

        The Office of the Chief Information Officer will be the lead agency for cyber security in government.

        ## Incident reporting

        ## Funding

        The strategy is funded from the national budget.
        """;

    /// <summary>Only the Structure and Tool rules run, so the findings are the two above and any SL0001.</summary>
    private const string StructureOnly = """
        {
          "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
        }
        """;

    private static RuleSeverity Default(string id) => RuleSeverityExtensions.FromDefault(RuleCatalog.BuiltIn.Find(id)!.DefaultSeverity);

    /// <summary>The severity the .editorconfig files give <paramref name="id"/> for the file, or null when they say nothing.</summary>
    private static RuleSeverity? EditorConfigSeverity(string fullPath, string id) =>
        new EditorConfigSeverities(RuleCatalog.BuiltIn).For(fullPath) is { } map && map.TryGetValue(id, out var severity) ? severity : null;

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, found by searching the text.</summary>
    private static int LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the text");
        return text[..index].Count(c => c == '\n') + 1;
    }

    /// <summary>The 1-based column of <paramref name="needle"/> on its line.</summary>
    private static int ColumnOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the text");
        return index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
    }

    private sealed record Reported(string Path, int Line, int Column, string Severity, string Id, string Message);

    [GeneratedRegex(@"^(?<path>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<id>SL\d{4}): (?<message>.*)$")]
    private static partial Regex FindingLine();

    private static List<Reported> Findings(CliRun run) =>
        [.. run.Out.Split('\n').Select(l => FindingLine().Match(l)).Where(m => m.Success).Select(m => new Reported(
            m.Groups["path"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value),
            m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["message"].Value))];

    /// <summary>The severity word printed for <paramref name="id"/> in <paramref name="path"/>, or "off" when it is not reported.</summary>
    private static string SeverityIn(CliRun run, string path, string id) =>
        Findings(run).Where(f => f.Path == path && f.Id == id).Select(f => f.Severity).SingleOrDefault() ?? "off";

    // ---- sections ------------------------------------------------------------------------------------------------

    [Fact]
    public void A_star_md_section_applies_to_drafts_in_every_folder_and_other_sections_do_not()
    {
        _folder.Write(".editorconfig", """
            root = true

            [*.md]
            strategylint_diagnostic.SL2004.severity = error

            [*.txt]
            strategylint_diagnostic.SL2005.severity = none
            """);
        var top = _folder.Write("a.md", Draft);
        var deep = _folder.Write("drafts/national/b.md", Draft);

        Assert.Equal(RuleSeverity.Error, EditorConfigSeverity(top, "SL2004"));
        Assert.Equal(RuleSeverity.Error, EditorConfigSeverity(deep, "SL2004"));
        Assert.Null(EditorConfigSeverity(top, "SL2005"));
    }

    [Fact]
    public void A_section_with_a_folder_applies_only_below_that_folder_of_the_editorconfig()
    {
        _folder.Write(".editorconfig", """
            root = true

            [drafts/**.md]
            strategylint_diagnostic.SL2004.severity = suggestion
            """);
        var inDrafts = _folder.Write("drafts/2026/ncs.md", Draft);
        var directly = _folder.Write("drafts/ncs.md", Draft);
        var elsewhere = _folder.Write("plans/ncs.md", Draft);

        Assert.Equal(RuleSeverity.Info, EditorConfigSeverity(inDrafts, "SL2004"));
        Assert.Equal(RuleSeverity.Info, EditorConfigSeverity(directly, "SL2004"));
        Assert.Null(EditorConfigSeverity(elsewhere, "SL2004"));
    }

    [Fact]
    public void A_section_with_braces_applies_to_each_name_listed()
    {
        _folder.Write(".editorconfig", """
            root = true

            [{a,b}.md]
            strategylint_diagnostic.SL2004.severity = silent
            """);

        Assert.Equal(RuleSeverity.Off, EditorConfigSeverity(_folder.Write("a.md", Draft), "SL2004"));
        Assert.Equal(RuleSeverity.Off, EditorConfigSeverity(_folder.Write("b.md", Draft), "SL2004"));
        Assert.Null(EditorConfigSeverity(_folder.Write("c.md", Draft), "SL2004"));
    }

    [Theory]
    [InlineData("none", "off")]
    [InlineData("silent", "off")]
    [InlineData("suggestion", "info")]
    [InlineData("warning", "warning")]
    [InlineData("error", "error")]
    [InlineData("Error", "error")]
    public void Each_roslyn_severity_maps_to_a_strategylint_severity(string word, string expected)
    {
        _folder.Write(".editorconfig", $"root = true\n[*.md]\nstrategylint_diagnostic.SL2004.severity = {word} # a comment\n");

        Assert.Equal(expected, EditorConfigSeverity(_folder.Write("a.md", Draft), "SL2004")?.ToName());
    }

    [Fact]
    public void A_later_section_beats_an_earlier_one_in_the_same_file()
    {
        _folder.Write(".editorconfig", """
            root = true

            [*.md]
            strategylint_diagnostic.SL2004.severity = error

            [archive/**.md]
            strategylint_diagnostic.SL2004.severity = none
            """);

        Assert.Equal(RuleSeverity.Off, EditorConfigSeverity(_folder.Write("archive/old.md", Draft), "SL2004"));
        Assert.Equal(RuleSeverity.Error, EditorConfigSeverity(_folder.Write("current.md", Draft), "SL2004"));
    }

    // ---- nesting and root = true ---------------------------------------------------------------------------------

    [Fact]
    public void A_nested_editorconfig_overrides_its_parent_and_inherits_the_rest()
    {
        _folder.Write(".editorconfig", """
            root = true

            [*.md]
            strategylint_diagnostic.SL2004.severity = error
            strategylint_diagnostic.SL2005.severity = error
            """);
        _folder.Write("plans/.editorconfig", """
            [*.md]
            strategylint_diagnostic.SL2004.severity = none
            """);
        var nested = _folder.Write("plans/2026/plan.md", Draft);
        var top = _folder.Write("ncs.md", Draft);

        Assert.Equal(RuleSeverity.Off, EditorConfigSeverity(nested, "SL2004"));
        Assert.Equal(RuleSeverity.Error, EditorConfigSeverity(nested, "SL2005"));
        Assert.Equal(RuleSeverity.Error, EditorConfigSeverity(top, "SL2004"));
    }

    [Fact]
    public void Root_true_stops_the_search_for_editorconfig_files_above()
    {
        _folder.Write(".editorconfig", """
            root = true

            [*.md]
            strategylint_diagnostic.SL2004.severity = error
            """);
        var inner = _folder.Write("repo/.editorconfig", """
            # This repository's settings stand alone.
            root = true

            [*.md]
            strategylint_diagnostic.SL2005.severity = none
            """);
        var draft = _folder.Write("repo/drafts/ncs.md", Draft);
        var severities = new EditorConfigSeverities(RuleCatalog.BuiltIn);

        Assert.Null(EditorConfigSeverity(draft, "SL2004"));
        Assert.Equal(RuleSeverity.Off, EditorConfigSeverity(draft, "SL2005"));
        Assert.Equal([inner], severities.FilesFor(draft));
    }

    [Fact]
    public void Drafts_in_one_folder_share_one_reading_of_the_editorconfig_files()
    {
        _folder.Write(".editorconfig", "root = true\n[*.md]\nstrategylint_diagnostic.SL2004.severity = error\n");
        var severities = new EditorConfigSeverities(RuleCatalog.BuiltIn);
        var first = severities.For(_folder.Write("drafts/a.md", Draft));
        var second = severities.For(_folder.Write("drafts/b.md", Draft));

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    // ---- ids, categories and the dotnet_diagnostic form -----------------------------------------------------------

    [Theory]
    [InlineData("strategylint_diagnostic.category-Structure.severity = none\nstrategylint_diagnostic.SL1002.severity = error")]
    [InlineData("strategylint_diagnostic.SL1002.severity = error\nstrategylint_diagnostic.category-structure.severity = none")]
    public void A_rule_id_beats_its_category_whatever_the_order(string lines)
    {
        _folder.Write(".editorconfig", $"root = true\n[*.md]\n{lines}\n");
        var draft = _folder.Write("a.md", Draft);

        Assert.Equal(RuleSeverity.Error, EditorConfigSeverity(draft, "SL1002"));
        Assert.Equal(RuleSeverity.Off, EditorConfigSeverity(draft, "SL1003"));
        Assert.Equal(RuleSeverity.Off, EditorConfigSeverity(draft, "SL1004"));
        Assert.Null(EditorConfigSeverity(draft, "SL2004"));
    }

    [Fact]
    public void The_dotnet_diagnostic_form_works_and_the_strategylint_form_beats_it()
    {
        _folder.Write(".editorconfig", """
            root = true

            [*.md]
            dotnet_diagnostic.SL1002.severity = error
            dotnet_diagnostic.SL1003.severity = none
            strategylint_diagnostic.SL1003.severity = suggestion
            dotnet_diagnostic.CA1822.severity = none
            """);
        _folder.Write("strategylint.json", StructureOnly);
        _folder.Write("draft.md", Draft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--fail-level", "warning");

        Assert.Equal("error", SeverityIn(run, "draft.md", "SL1002"));
        Assert.Equal("info", SeverityIn(run, "draft.md", "SL1003"));
        // Another analyzer's id is not StrategyLint's business: no SL0001 for it.
        Assert.DoesNotContain(Findings(run), f => f.Id == "SL0001");
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Default_gives_the_rule_its_own_severity_whatever_strategylint_json_says()
    {
        _folder.Write(".editorconfig", "root = true\n[*.md]\nstrategylint_diagnostic.SL1002.severity = default\n");
        _folder.Write("strategylint.json", """
            {
              "rules": { "SL1002": "off", "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
            }
            """);
        _folder.Write("draft.md", Draft);

        var run = CliRunner.Run(_folder.Path, "draft.md");

        Assert.Equal(Default("SL1002").ToName(), SeverityIn(run, "draft.md", "SL1002"));
    }

    // ---- precedence ----------------------------------------------------------------------------------------------

    [Fact]
    public void The_editorconfig_beats_strategylint_json_even_a_category_over_an_id()
    {
        _folder.Write(".editorconfig", """
            root = true

            [*.md]
            strategylint_diagnostic.SL1002.severity = error
            strategylint_diagnostic.category-Structure.severity = suggestion
            """);
        _folder.Write("strategylint.json", """
            {
              "rules": { "SL1002": "off", "SL1003": "error", "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
            }
            """);
        _folder.Write("draft.md", Draft);

        var run = CliRunner.Run(_folder.Path, "draft.md");

        Assert.Equal("error", SeverityIn(run, "draft.md", "SL1002"));
        Assert.Equal("info", SeverityIn(run, "draft.md", "SL1003"));
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void The_front_matter_beats_the_editorconfig()
    {
        _folder.Write(".editorconfig", """
            root = true

            [*.md]
            strategylint_diagnostic.SL1002.severity = error
            strategylint_diagnostic.SL1003.severity = error
            """);
        _folder.Write("strategylint.json", StructureOnly);
        _folder.Write("draft.md", "---\nstrategylint:\n  SL1002: info\n  Structure: warning\n---\n" + Draft);
        _folder.Write("plain.md", Draft);

        var run = CliRunner.Run(_folder.Path, ".");

        Assert.Equal("info", SeverityIn(run, "draft.md", "SL1002"));
        // The front matter's category beats the .editorconfig's id: the levels come first.
        Assert.Equal("warning", SeverityIn(run, "draft.md", "SL1003"));
        Assert.Equal("error", SeverityIn(run, "plain.md", "SL1002"));
    }

    [Fact]
    public void Without_a_matching_section_strategylint_json_and_the_defaults_apply()
    {
        _folder.Write(".editorconfig", "root = true\n[other/**.md]\nstrategylint_diagnostic.SL1002.severity = none\n");
        _folder.Write("strategylint.json", """
            {
              "rules": { "SL1003": "error", "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
            }
            """);
        _folder.Write("draft.md", Draft);

        var run = CliRunner.Run(_folder.Path, "draft.md");

        Assert.Equal(Default("SL1002").ToName(), SeverityIn(run, "draft.md", "SL1002"));
        Assert.Equal("error", SeverityIn(run, "draft.md", "SL1003"));
    }

    // ---- mistakes: SL0001 at the line and column, once per file ----------------------------------------------------

    [Fact]
    public void An_unknown_rule_id_is_SL0001_at_its_line_once_per_editorconfig_and_the_run_goes_on()
    {
        const string editorConfig = """
            root = true

            [*.md]
            strategylint_diagnostic.SL1002.severity = error
            strategylint_diagnostic.SL2040.severity = none
            """;
        _folder.Write(".editorconfig", editorConfig);
        _folder.Write("strategylint.json", StructureOnly);
        for (var i = 0; i < 12; i++)
            _folder.Write($"drafts/d{i:D2}.md", Draft);

        var run = CliRunner.Run(_folder.Path, "drafts");

        var problem = Assert.Single(Findings(run), f => f.Id == "SL0001");
        Assert.Equal(".editorconfig", problem.Path);
        Assert.Equal(LineOf(editorConfig, "strategylint_diagnostic.SL2040"), problem.Line);
        Assert.Equal(ColumnOf(editorConfig, "SL2040"), problem.Column);
        Assert.Equal("error", problem.Severity);
        Assert.Contains("'SL2040'", problem.Message, StringComparison.Ordinal);
        // The valid line still applies and every draft is linted.
        Assert.Equal(12, Findings(run).Count(f => f.Id == "SL1002" && f.Severity == "error"));
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void An_invalid_severity_unknown_category_or_misplaced_key_is_SL0001_at_its_place()
    {
        const string nested = """
            [*.md]
            strategylint_diagnostic.SL1002.severity = off
            strategylint_diagnostic.category-Focus.severity = none
            dotnet_diagnostic.SL1003.severity = loud
            strategylint_diagnostic.SL1004.level = error
            """;
        const string top = """
            root = true
            strategylint_diagnostic.SL1003.severity = none

            [*.md]
            """;
        _folder.Write(".editorconfig", top);
        _folder.Write("drafts/.editorconfig", nested);
        _folder.Write("strategylint.json", StructureOnly);
        _folder.Write("drafts/a.md", Draft);

        var run = CliRunner.Run(_folder.Path, "drafts/a.md");
        var problems = Findings(run).Where(f => f.Id == "SL0001").ToList();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Path == ".editorconfig" && p.Line == LineOf(top, "strategylint_diagnostic.SL1003") && p.Column == 1 && p.Message.Contains("[section]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "drafts/.editorconfig" && p.Line == LineOf(nested, "= off") && p.Column == ColumnOf(nested, "off\n") && p.Message.Contains("write none", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "drafts/.editorconfig" && p.Line == LineOf(nested, "category-Focus") && p.Message.Contains("'Focus'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "drafts/.editorconfig" && p.Line == LineOf(nested, "= loud") && p.Column == ColumnOf(nested, "loud"));
        Assert.Contains(problems, p => p.Path == "drafts/.editorconfig" && p.Line == LineOf(nested, ".level") && p.Column == 1);
        // The bad lines set nothing: SL1002 keeps its default.
        Assert.Equal(Default("SL1002").ToName(), SeverityIn(run, "drafts/a.md", "SL1002"));
    }

    [Fact]
    public void SL0001_from_an_editorconfig_follows_the_configured_severity_of_SL0001()
    {
        _folder.Write(".editorconfig", "root = true\n[*.md]\nstrategylint_diagnostic.SL9999.severity = none\n");
        _folder.Write("strategylint.json", """
            {
              "rules": { "SL0001": "off", "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
            }
            """);
        _folder.Write("draft.md", Draft);

        var run = CliRunner.Run(_folder.Path, "draft.md");

        Assert.DoesNotContain(Findings(run), f => f.Id == "SL0001");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Standard_input_uses_no_editorconfig()
    {
        _folder.Write(".editorconfig", "root = true\n[*.md]\nstrategylint_diagnostic.SL1002.severity = error\n");
        _folder.Write("strategylint.json", StructureOnly);

        var run = CliRunner.RunWithStdin(_folder.Path, System.Text.Encoding.UTF8.GetBytes(Draft), "-");

        Assert.Equal(Default("SL1002").ToName(), SeverityIn(run, "stdin.md", "SL1002"));
    }
}
