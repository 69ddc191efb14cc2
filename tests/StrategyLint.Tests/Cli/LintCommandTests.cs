using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace StrategyLint.Tests.Cli;

/// <summary>The command line, run in-process: the acceptance checks of the lint command and the other commands.</summary>
public sealed class LintCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A draft whose level-4 heading follows a level-2 one: exactly one SL1002 warning and nothing else.</summary>
    private const string SkippedLevelDraft = """
        # Kestland National Cyber Security Strategy

        Internal working draft. Not for circulation outside government.

        ## Governance

        Responsibility for cyber security is currently shared informally between several ministries.

        #### Lead agency

        The Office of the Chief Information Officer (OCIO) will be the lead agency for cyber security in government.
        """;

    /// <summary>A draft with no findings.</summary>
    private const string CleanDraft = """
        # Republic of Valdoria National Cybersecurity Strategy

        Adopted by the Council of Ministers for public consultation, October 2025.

        ## Governance

        The National Cybersecurity Authority will be the lead agency for implementing this strategy.

        ### National Cybersecurity Steering Council

        The Council will meet at least four times a year.
        """;

    /// <summary>Only the Structure and Tool rules, so counts do not change when rules of other categories are added.</summary>
    private void WriteStructureOnlyConfig() => _folder.Write("strategylint.json", """
        {
          "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
        }
        """);

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, found by searching the text.</summary>
    private static int LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the text");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.DoesNotContain("   at ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n');

    // ---- (1) the SL1002 line and the exit code --------------------------------------------------------------------

    [Fact]
    public void A_skipped_heading_level_prints_the_canonical_line()
    {
        WriteStructureOnlyConfig();
        _folder.Write("draft.md", SkippedLevelDraft);
        var line = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.Run(_folder.Path, "draft.md");

        Assert.Equal(0, run.ExitCode);
        var finding = Assert.Single(Lines(run.Out), l => l.Contains(" SL1002: ", StringComparison.Ordinal));
        Assert.StartsWith($"draft.md({line},1): warning SL1002: ", finding, StringComparison.Ordinal);
        Assert.Contains("'Lead agency'", finding, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_warning_fails_the_run_only_with_fail_level_warning()
    {
        WriteStructureOnlyConfig();
        _folder.Write("draft.md", SkippedLevelDraft);

        Assert.Equal(0, CliRunner.Run(_folder.Path, "draft.md").ExitCode);
        Assert.Equal(0, CliRunner.Run(_folder.Path, "draft.md", "--fail-level", "error").ExitCode);
        Assert.Equal(1, CliRunner.Run(_folder.Path, "draft.md", "--fail-level", "warning").ExitCode);
        Assert.Equal(1, CliRunner.Run(_folder.Path, "lint", "draft.md", "--fail-level", "note").ExitCode);
    }

    [Fact]
    public void A_clean_draft_passes_every_fail_level()
    {
        WriteStructureOnlyConfig();
        _folder.Write("draft.md", CleanDraft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--fail-level", "note");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No problems found in 1 file.", run.Out.Trim());
    }

    [Fact]
    public void A_crlf_draft_reports_the_same_line()
    {
        WriteStructureOnlyConfig();
        var crlf = SkippedLevelDraft.ReplaceLineEndings("\r\n");
        _folder.Write("draft.md", crlf);
        var line = LineOf(crlf, "#### Lead agency");

        var run = CliRunner.Run(_folder.Path, "draft.md");

        Assert.Contains($"draft.md({line},1): warning SL1002: ", run.Out, StringComparison.Ordinal);
    }

    // ---- (2) an invalid configuration ------------------------------------------------------------------------------

    [Fact]
    public void An_unknown_rule_id_in_the_config_exits_2_naming_file_line_and_SL0001()
    {
        const string json = """
            {
              "rules": {
                "SL1003": "off",
                "SL1099": "error"
              }
            }
            """;
        _folder.Write("strategylint.json", json);
        _folder.Write("draft.md", SkippedLevelDraft);
        var line = LineOf(json, "\"SL1099\"");

        var run = CliRunner.Run(_folder.Path, "draft.md");

        Assert.Equal(2, run.ExitCode);
        var all = run.Out + run.Error;
        Assert.Contains("SL0001", all, StringComparison.Ordinal);
        Assert.Contains("SL1099", all, StringComparison.Ordinal);
        Assert.Contains($"strategylint.json({line},", all, StringComparison.Ordinal);
        // The draft is not linted with a broken configuration.
        Assert.DoesNotContain("SL1002", all, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void An_invalid_config_is_reported_in_sarif_too()
    {
        _folder.Write(".strategylint.json", """{ "rulez": {} }""");
        _folder.Write("draft.md", CleanDraft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "sarif");

        Assert.Equal(2, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Out);
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("SL0001", result.GetProperty("ruleId").GetString());
        Assert.Equal(".strategylint.json", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void A_missing_config_given_with_config_exits_2()
    {
        _folder.Write("draft.md", CleanDraft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--config", "missing.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.json", run.Out + run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_config_given_with_config_is_used()
    {
        _folder.Write("draft.md", SkippedLevelDraft);
        _folder.Write(Path.Combine("settings", "lint.json"), """{ "rules": { "SL1002": "error" } }""");

        var run = CliRunner.Run(_folder.Path, "draft.md", "--config", "settings/lint.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(": error SL1002: ", run.Out, StringComparison.Ordinal);
    }

    // ---- (3) a binary file beside a good draft ----------------------------------------------------------------------

    [Fact]
    public void A_binary_file_is_skipped_with_SL0002_and_the_other_files_are_still_linted()
    {
        WriteStructureOnlyConfig();
        _folder.WriteBytes(Path.Combine("drafts", "x.md"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFF, 0x00, 0xFF]);
        _folder.Write(Path.Combine("drafts", "ncs.md"), SkippedLevelDraft);
        var line = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.Run(_folder.Path, "drafts");

        // SL0002 is an error by default (a draft that was not linted must not pass unseen), so the run fails.
        Assert.Equal(1, run.ExitCode);
        var binary = Assert.Single(Lines(run.Out), l => l.Contains("SL0002", StringComparison.Ordinal));
        Assert.StartsWith("drafts/x.md(1,1): error SL0002: ", binary, StringComparison.Ordinal);
        Assert.Contains("binary", binary, StringComparison.Ordinal);
        Assert.Contains($"drafts/ncs.md({line},1): warning SL1002: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 error and 1 warning in 2 files.", run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_binary_file_beside_a_clean_draft_leaves_the_clean_draft_without_findings()
    {
        WriteStructureOnlyConfig();
        _folder.WriteBytes("x.md", [0x00, 0xFF, 0x00, 0xFF, 0x13, 0x37]);
        _folder.Write("good.md", CleanDraft);

        var run = CliRunner.Run(_folder.Path, ".", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.False(files["good.md"].GetProperty("skipped").GetBoolean());
        Assert.Equal(0, files["good.md"].GetProperty("findings").GetInt32());
        Assert.Equal("utf-8", files["good.md"].GetProperty("encoding").GetString());
        Assert.True(files["x.md"].GetProperty("skipped").GetBoolean());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("SL0002", finding.GetProperty("id").GetString());
        Assert.Equal("x.md", finding.GetProperty("file").GetString());
        Assert.Contains("1 error in 1 of 2 files.", run.Error, StringComparison.Ordinal);
    }

    // ---- (4) a missing input ----------------------------------------------------------------------------------------

    [Fact]
    public void A_missing_input_exits_2_with_a_plain_sentence()
    {
        var run = CliRunner.Run(_folder.Path, "drafts/national-strategy.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'drafts/national-strategy.md' does not exist.", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("strategylint: ", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_glob_that_matches_nothing_exits_2()
    {
        var run = CliRunner.Run(_folder.Path, "drafts/**/*.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No files match 'drafts/**/*.md'.", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    // ---- (5) JSON -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Json_output_parses_with_every_finding_field()
    {
        WriteStructureOnlyConfig();
        _folder.Write("draft.md", SkippedLevelDraft);
        var line = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("StrategyLint", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("draft.md", finding.GetProperty("file").GetString());
        Assert.Equal(line, finding.GetProperty("line").GetInt32());
        Assert.Equal(1, finding.GetProperty("column").GetInt32());
        Assert.Equal(line, finding.GetProperty("endLine").GetInt32());
        Assert.Equal("#### Lead agency".Length + 1, finding.GetProperty("endColumn").GetInt32());
        Assert.Equal("SL1002", finding.GetProperty("id").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Contains("Lead agency", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("SL1002.md", finding.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        // The summary goes to stderr so stdout stays machine-readable.
        Assert.Contains("1 warning in 1 file.", run.Error, StringComparison.Ordinal);
    }

    // ---- (6) SARIF ----------------------------------------------------------------------------------------------------

    [SharedFact("schemas/sarif-schema-2.1.0.json")]
    public async Task Sarif_output_validates_against_the_sarif_schema()
    {
        WriteStructureOnlyConfig();
        _folder.Write(Path.Combine("drafts", "national", "ncs draft.md"), SkippedLevelDraft);
        _folder.WriteBytes(Path.Combine("drafts", "scan.md"), [0x00, 0xFF, 0xFE]);
        var line = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.Run(_folder.Path, "drafts", "--format", "sarif");

        // The unreadable scan.md is SL0002, an error by default.
        Assert.Equal(1, run.ExitCode);
        var schema = await JsonSchema.FromFileAsync(TestPaths.SharedFile("schemas/sarif-schema-2.1.0.json"));
        var errors = schema.Validate(run.Out);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        using var sarif = JsonDocument.Parse(run.Out);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.True(sarifRun.GetProperty("originalUriBaseIds").TryGetProperty("%SRCROOT%", out _));

        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            var uri = artifact.GetProperty("uri").GetString()!;
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            Assert.False(Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile, $"'{uri}' should be relative");
            Assert.DoesNotContain('\\', uri);
            Assert.False(uri.StartsWith('/'), $"'{uri}' should not start with a slash");
            Assert.StartsWith("drafts/", uri, StringComparison.Ordinal);
            var region = location.GetProperty("region");
            foreach (var field in new[] { "startLine", "startColumn", "endLine", "endColumn" })
                Assert.True(region.TryGetProperty(field, out var value) && value.GetInt32() >= 1, $"region.{field} is missing in {region}");
        }

        var skipped = results.Single(r => r.GetProperty("ruleId").GetString() == "SL1002");
        var skippedLocation = skipped.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("drafts/national/ncs%20draft.md", skippedLocation.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(line, skippedLocation.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("warning", skipped.GetProperty("level").GetString());
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "SL0002");
    }

    // ---- (7) standard input -------------------------------------------------------------------------------------------

    [Fact]
    public void A_dash_reads_standard_input()
    {
        WriteStructureOnlyConfig();
        var line = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.RunWithStdin(_folder.Path, Encoding.UTF8.GetBytes(SkippedLevelDraft), "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"stdin.md({line},1): warning SL1002: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_can_be_named()
    {
        WriteStructureOnlyConfig();
        var line = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.RunWithStdin(_folder.Path, Encoding.UTF8.GetBytes(SkippedLevelDraft), "-", "--stdin-filename", "drafts/kestland.md", "--fail-level", "warning");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"drafts/kestland.md({line},1): warning SL1002: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_standard_input_is_SL0002()
    {
        var run = CliRunner.RunWithStdin(_folder.Path, [0x00, 0x01, 0xFF], "-");

        Assert.StartsWith("stdin.md(1,1): error SL0002: ", run.Out, StringComparison.Ordinal);
    }

    // ---- (8) globs, folders, exclude, order ----------------------------------------------------------------------------

    private static List<string> FilePaths(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)];
    }

    private void WriteDraftTree()
    {
        _folder.Write(Path.Combine("drafts", "zeta.md"), CleanDraft);
        _folder.Write(Path.Combine("drafts", "alpha.md"), SkippedLevelDraft);
        _folder.Write(Path.Combine("drafts", "regional", "merrow.md"), SkippedLevelDraft);
        _folder.Write(Path.Combine("drafts", "archive", "2019.md"), SkippedLevelDraft);
        _folder.Write(Path.Combine("drafts", "notes.txt"), "not markdown");
        _folder.Write(Path.Combine("other", "elsewhere.md"), CleanDraft);
    }

    [Fact]
    public void A_glob_matches_below_its_folder()
    {
        WriteDraftTree();

        var run = CliRunner.Run(_folder.Path, "drafts/**/*.md", "--format", "json");

        Assert.Equal(["drafts/alpha.md", "drafts/archive/2019.md", "drafts/regional/merrow.md", "drafts/zeta.md"], FilePaths(run));
    }

    [Fact]
    public void A_folder_means_every_markdown_file_below_it()
    {
        WriteDraftTree();

        var run = CliRunner.Run(_folder.Path, "drafts", "--format", "json");

        Assert.Equal(["drafts/alpha.md", "drafts/archive/2019.md", "drafts/regional/merrow.md", "drafts/zeta.md"], FilePaths(run));
    }

    [Fact]
    public void No_path_means_the_working_folder()
    {
        WriteDraftTree();

        var run = CliRunner.Run(_folder.Path, "--format", "json");

        Assert.Equal(["drafts/alpha.md", "drafts/archive/2019.md", "drafts/regional/merrow.md", "drafts/zeta.md", "other/elsewhere.md"], FilePaths(run));
    }

    [Fact]
    public void Config_exclude_is_respected_for_folders_and_globs()
    {
        WriteDraftTree();
        _folder.Write("strategylint.json", """{ "exclude": ["drafts/archive/**"] }""");

        Assert.Equal(["drafts/alpha.md", "drafts/regional/merrow.md", "drafts/zeta.md"], FilePaths(CliRunner.Run(_folder.Path, "drafts", "--format", "json")));
        Assert.Equal(["drafts/alpha.md", "drafts/regional/merrow.md", "drafts/zeta.md"], FilePaths(CliRunner.Run(_folder.Path, "drafts/**/*.md", "--format", "json")));
        // A file named on the command line is linted even when a pattern excludes it.
        Assert.Equal(["drafts/archive/2019.md"], FilePaths(CliRunner.Run(_folder.Path, "drafts/archive/2019.md", "--format", "json")));
    }

    [Fact]
    public void Results_are_sorted_by_path_and_files_are_not_repeated()
    {
        WriteStructureOnlyConfig();
        WriteDraftTree();

        var run = CliRunner.Run(_folder.Path, "drafts/zeta.md", "drafts", "drafts/alpha.md");

        var paths = Lines(run.Out).Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf('(')]).ToList();
        Assert.Equal(["drafts/alpha.md", "drafts/archive/2019.md", "drafts/regional/merrow.md"], paths);
        Assert.Contains("3 warnings in 3 of 4 files.", run.Out, StringComparison.Ordinal);
        // Files are separated by a blank line.
        Assert.Contains("\n\ndrafts/archive/2019.md(", run.Out, StringComparison.Ordinal);
    }

    // ---- (9) --output -------------------------------------------------------------------------------------------------

    [Fact]
    public void Output_writes_the_report_to_a_file()
    {
        WriteStructureOnlyConfig();
        _folder.Write("draft.md", SkippedLevelDraft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "json", "--output", "reports/strategylint.json");

        Assert.Equal(0, run.ExitCode);
        var report = Path.Combine(_folder.Path, "reports", "strategylint.json");
        Assert.True(File.Exists(report));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("SL1002", Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain("\"findings\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("Written to reports/strategylint.json.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_writes_text_to_a_file()
    {
        WriteStructureOnlyConfig();
        _folder.Write("draft.md", SkippedLevelDraft);
        var line = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.Run(_folder.Path, "draft.md", "-o", "lint.txt");

        var text = File.ReadAllText(Path.Combine(_folder.Path, "lint.txt"));
        Assert.StartsWith($"draft.md({line},1): warning SL1002: ", text, StringComparison.Ordinal);
        Assert.Contains("1 warning in 1 file.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SL1002", run.Out, StringComparison.Ordinal);
    }

    // ---- (10) the summary line ----------------------------------------------------------------------------------------

    [Fact]
    public void Summary_counts_findings_and_files()
    {
        WriteStructureOnlyConfig();
        _folder.Write("a.md", SkippedLevelDraft);
        _folder.Write("b.md", CleanDraft);

        Assert.Equal("1 warning in 1 of 2 files.", Lines(CliRunner.Run(_folder.Path, "a.md", "b.md").Out.TrimEnd()).Last());
        Assert.Equal("No problems found in 1 file.", Lines(CliRunner.Run(_folder.Path, "b.md").Out.TrimEnd()).Last());
        Assert.Equal("1 warning in 1 file.", Lines(CliRunner.Run(_folder.Path, "a.md").Out.TrimEnd()).Last());
    }

    [Fact]
    public void Summary_names_errors_and_warnings()
    {
        WriteStructureOnlyConfig();
        _folder.Write("a.md", SkippedLevelDraft);
        _folder.Write("b.md", SkippedLevelDraft);
        _folder.Write("c.md", "---\nstrategylint:\n  SL1002: error\n---\n\n" + SkippedLevelDraft);

        var run = CliRunner.Run(_folder.Path, ".");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("1 error and 2 warnings in 3 files.", Lines(run.Out.TrimEnd()).Last());
    }

    [Fact]
    public void Summary_of_no_files_with_problems_in_several_files()
    {
        WriteStructureOnlyConfig();
        _folder.Write("a.md", CleanDraft);
        _folder.Write("b.md", CleanDraft);

        Assert.Equal("No problems found in 2 files.", CliRunner.Run(_folder.Path, ".").Out.Trim());
    }

    // ---- (11) the other commands --------------------------------------------------------------------------------------

    [Fact]
    public void Rules_lists_the_rules()
    {
        var run = CliRunner.Run(_folder.Path, "rules");

        Assert.Equal(0, run.ExitCode);
        var row = Assert.Single(Lines(run.Out), l => l.StartsWith("SL1002", StringComparison.Ordinal));
        Assert.Contains("Structure", row, StringComparison.Ordinal);
        Assert.Contains("warning", row, StringComparison.Ordinal);
        Assert.Contains("Heading levels should increase one step at a time", row, StringComparison.Ordinal);
        Assert.Contains(Lines(run.Out), l => l.StartsWith("SL0001", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_prints_the_rule_page()
    {
        var run = CliRunner.Run(_folder.Path, "explain", "SL1002");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
        var title = Lines(run.Out).First(l => l.Trim().Length > 0);
        Assert.Contains("SL1002", title, StringComparison.Ordinal);
        Assert.Contains("Heading levels should increase one step at a time", title, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(_folder.Path, "explain", "sl1002").ExitCode);
    }

    [Fact]
    public void Explain_an_unknown_id_exits_2()
    {
        var run = CliRunner.Run(_folder.Path, "explain", "SL9999");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("there is no rule 'SL9999'", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Explain_suggests_a_near_id()
    {
        var run = CliRunner.Run(_folder.Path, "explain", "SL1009");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Did you mean", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_prints_the_sections_with_positions()
    {
        _folder.Write("draft.md", SkippedLevelDraft);
        var governance = LineOf(SkippedLevelDraft, "## Governance");
        var lead = LineOf(SkippedLevelDraft, "#### Lead agency");

        var run = CliRunner.Run(_folder.Path, "dump", "draft.md");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("draft.md  utf-8, LF", run.Out, StringComparison.Ordinal);
        var lines = Lines(run.Out);
        Assert.Contains(lines, l => l.TrimStart().StartsWith($"section H1 \"Kestland National Cyber Security Strategy\" 1:1-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith($"section H2 \"Governance\" {governance}:1-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith($"section H4 \"Lead agency\" {lead}:1-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == $"heading {lead}:1-{lead}:{"#### Lead agency".Length + 1}");
    }

    [Fact]
    public void Dump_of_a_missing_file_exits_2()
    {
        var run = CliRunner.Run(_folder.Path, "dump", "missing.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.md", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Version_prints_a_version()
    {
        var run = CliRunner.Run(_folder.Path, "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), run.Out.Trim());
    }

    [Fact]
    public void An_unknown_option_exits_2()
    {
        _folder.Write("draft.md", CleanDraft);

        var run = CliRunner.Run(_folder.Path, "--colour", "draft.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--colour' is not an option", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-level", "fatal")]
    public void An_unknown_option_value_exits_2(params string[] args)
    {
        _folder.Write("draft.md", CleanDraft);

        var run = CliRunner.Run(_folder.Path, [.. args, "draft.md"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("strategylint --help", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }
}
