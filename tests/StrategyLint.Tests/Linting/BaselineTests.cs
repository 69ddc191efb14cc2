using System.Text.Json;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Linting;

/// <summary>
/// <c>strategylint baseline</c> and <c>lint --baseline</c>: a team adopting StrategyLint halfway through a draft
/// records today's findings and from then on sees only new ones.
/// </summary>
public sealed class BaselineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public BaselineTests() =>
        // Only the Structure and Tool rules, so the findings do not change when rules of other categories are added.
        _folder.Write("strategylint.json", """
            {
              "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
            }
            """);

    public void Dispose() => _folder.Dispose();

    private const string BaselineFile = "strategylint-baseline.json";

    /// <summary>One SL1002 warning (a level-4 heading under a level-2 one) and nothing else.</summary>
    private const string Draft = """
        # Kestland National Cyber Security Strategy

        Internal working draft. Not for circulation outside government.

        ## Governance

        Responsibility for cyber security is currently shared informally between several ministries.

        #### Lead agency

        The Office of the Chief Information Officer (OCIO) will be the lead agency for cyber security in government.
        """;

    /// <summary>A second, different SL1002 problem, appended to <see cref="Draft"/>.</summary>
    private const string NewProblem = """


        ## Incident response

        The national CSIRT will coordinate the response to incidents.

        #### Escalation

        Serious incidents are escalated to the National Security Council.
        """;

    /// <summary>The same problem as the old one (same rule, same message), appended to <see cref="Draft"/>.</summary>
    private const string IdenticalProblem = """


        ## Incident response

        The national CSIRT will coordinate the response to incidents.

        #### Lead agency

        The national CSIRT will be the lead agency for incidents.
        """;

    private static int LineOf(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' does not occur {occurrence} times in the text");
        }
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static List<string> FindingLines(CliRun run) =>
        [.. run.Out.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal))];

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.DoesNotContain("   at ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    private CliRun WriteBaseline(params string[] paths) =>
        CliRunner.Run(_folder.Path, ["baseline", .. paths, "--output", BaselineFile]);

    // ---- the acceptance check --------------------------------------------------------------------------------------

    [Fact]
    public void After_baseline_a_lint_reports_nothing_until_a_new_problem_is_added()
    {
        _folder.Write("draft.md", Draft);
        Assert.Single(FindingLines(CliRunner.Run(_folder.Path, "draft.md")));

        var baseline = WriteBaseline("draft.md");

        Assert.Equal(0, baseline.ExitCode);
        Assert.Contains($"Recorded 1 finding in 1 file to {BaselineFile}.", baseline.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.Path, BaselineFile)));

        var clean = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(0, clean.ExitCode);
        Assert.Empty(FindingLines(clean));
        Assert.Equal("No problems found in 1 file. 1 finding in the baseline not shown.", clean.Out.Trim());
        Assert.Equal("", clean.Error);

        var edited = Draft + NewProblem;
        _folder.Write("draft.md", edited);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(1, run.ExitCode);
        var only = Assert.Single(FindingLines(run));
        Assert.StartsWith($"draft.md({LineOf(edited, "#### Escalation")},1): warning SL1002: ", only, StringComparison.Ordinal);
        Assert.Contains("'Escalation'", only, StringComparison.Ordinal);
        Assert.Contains("1 warning in 1 file. 1 finding in the baseline not shown.", run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Editing_lines_above_an_old_finding_does_not_bring_it_back()
    {
        _folder.Write("draft.md", Draft);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);

        // New paragraphs after the title and before the SL1002 heading: the finding moves down by six lines.
        var edited = Draft.Replace(
            "Internal working draft. Not for circulation outside government.\n",
            "Internal working draft. Not for circulation outside government.\n\n" +
            "This strategy was prepared by an inter-ministerial working group with the help of civil society.\n\n" +
            "It will be reviewed every two years, and the first review is due in 2027.\n\n" +
            "Comments on the draft are welcome until the end of the consultation.\n",
            StringComparison.Ordinal);
        _folder.Write("draft.md", edited);
        Assert.Equal(LineOf(Draft, "#### Lead agency") + 6, LineOf(edited, "#### Lead agency"));

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(FindingLines(run));
        Assert.Contains("1 finding in the baseline not shown.", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Editing_lines_above_does_not_bring_back_a_finding_whose_message_names_a_line()
    {
        // SL1004's message names the line of the first heading, so it changes when lines are added above:
        // only the fingerprint, which covers the text from the finding's line on, can keep it in the baseline.
        const string duplicate = """
            # Kestland National Cyber Security Strategy

            Internal working draft. Not for circulation outside government.

            ## Governance

            Responsibility for cyber security is currently shared informally between several ministries.

            ## Governance

            A second governance section, copied from the consultation paper by mistake and not yet merged.
            """;
        _folder.Write("draft.md", duplicate);
        Assert.Contains($"on line {LineOf(duplicate, "## Governance")}", CliRunner.Run(_folder.Path, "draft.md").Out, StringComparison.Ordinal);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);
        var edited = duplicate.Replace(
            "Internal working draft. Not for circulation outside government.\n",
            "Internal working draft. Not for circulation outside government.\n\nComments are welcome until the end of the consultation.\n",
            StringComparison.Ordinal);
        _folder.Write("draft.md", edited);
        Assert.Contains($"on line {LineOf(edited, "## Governance")}", CliRunner.Run(_folder.Path, "draft.md").Out, StringComparison.Ordinal);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(FindingLines(run));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Editing_the_text_right_under_an_old_finding_keeps_it_in_the_baseline_by_its_message()
    {
        _folder.Write("draft.md", Draft);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);

        // The fingerprint covers the text from the finding's line on, so this changes it; rule, file and message do not change.
        _folder.Write("draft.md", Draft.Replace("(OCIO) will be the lead agency", "(OCIO) is designated as the lead agency", StringComparison.Ordinal));

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(FindingLines(run));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void A_second_identical_problem_added_later_is_reported()
    {
        _folder.Write("draft.md", Draft);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);
        var edited = Draft + IdenticalProblem;
        _folder.Write("draft.md", edited);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(1, run.ExitCode);
        var only = Assert.Single(FindingLines(run));
        Assert.StartsWith($"draft.md({LineOf(edited, "#### Lead agency", 2)},1): warning SL1002: ", only, StringComparison.Ordinal);
        Assert.Contains("1 finding in the baseline not shown.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_identical_problem_is_reported_even_when_both_fingerprints_changed()
    {
        _folder.Write("draft.md", Draft);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);
        // The old finding's own text changes too, so both findings fall back to the one entry's message: one of them is new.
        var edited = Draft.Replace("(OCIO) will be the lead agency", "(OCIO) is designated as the lead agency", StringComparison.Ordinal) + IdenticalProblem;
        _folder.Write("draft.md", edited);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(FindingLines(run), l => l.Contains(" SL1002: ", StringComparison.Ordinal));
        Assert.Contains("1 finding in the baseline not shown.", run.Out, StringComparison.Ordinal);
    }

    // ---- paths -----------------------------------------------------------------------------------------------------

    [Fact]
    public void A_baseline_written_in_one_working_folder_works_from_another()
    {
        // A repository: the configuration at its root applies in every working folder below it (discovery stops at the root).
        Directory.CreateDirectory(Path.Combine(_folder.Path, ".git"));
        _folder.Write(Path.Combine("drafts", "ncs.md"), Draft);
        var baseline = CliRunner.Run(_folder.Path, "baseline", "drafts", "--output", Path.Combine("ci", BaselineFile));
        Assert.Equal(0, baseline.ExitCode);

        // Paths in the file are relative to the baseline's own folder, with forward slashes.
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "ci", BaselineFile))))
            Assert.Equal("../drafts/ncs.md", Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("file").GetString());

        var fromDrafts = CliRunner.Run(Path.Combine(_folder.Path, "drafts"), "ncs.md", "--baseline", Path.Combine("..", "ci", BaselineFile), "--fail-level", "warning");
        Assert.Equal(0, fromDrafts.ExitCode);
        Assert.Empty(FindingLines(fromDrafts));
        Assert.Contains("1 finding in the baseline not shown.", fromDrafts.Out, StringComparison.Ordinal);
        Assert.Equal("", fromDrafts.Error);

        var fromCi = CliRunner.Run(Path.Combine(_folder.Path, "ci"), Path.Combine("..", "drafts"), "--baseline", BaselineFile, "--fail-level", "warning");
        Assert.Equal(0, fromCi.ExitCode);
        Assert.Empty(FindingLines(fromCi));
        Assert.Equal("", fromCi.Error);
    }

    [Fact]
    public void A_baseline_entry_for_another_file_does_not_hide_the_same_problem_here()
    {
        _folder.Write("a.md", Draft);
        Assert.Equal(0, WriteBaseline("a.md").ExitCode);
        _folder.Write("b.md", Draft);

        var run = CliRunner.Run(_folder.Path, "a.md", "b.md", "--baseline", BaselineFile);

        var only = Assert.Single(FindingLines(run));
        Assert.StartsWith("b.md(", only, StringComparison.Ordinal);
    }

    // ---- an invalid baseline ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("[]")]
    [InlineData("""{ "version": 2, "tool": "StrategyLint 9.0.0", "count": 0, "findings": [] }""")]
    [InlineData("""{ "version": 1, "findings": [ { "file": "draft.md" } ] }""")]
    [InlineData("""{ "version": 1 }""")]
    [InlineData("")]
    public void An_invalid_baseline_exits_2_with_a_sentence_and_no_stack_trace(string content)
    {
        _folder.Write("draft.md", Draft);
        _folder.Write(BaselineFile, content);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("baseline", run.Error, StringComparison.Ordinal);
        Assert.Contains(BaselineFile, run.Error, StringComparison.Ordinal);
        Assert.Contains("strategylint baseline", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SL1002", run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_baseline_of_another_version_names_the_version_it_needs()
    {
        _folder.Write("draft.md", Draft);
        _folder.Write(BaselineFile, """{ "version": 2, "tool": "StrategyLint 9.0.0", "count": 0, "findings": [] }""");

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a version 1 StrategyLint baseline", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_baseline_exits_2_with_a_sentence()
    {
        _folder.Write("draft.md", Draft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", "missing-baseline.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing-baseline.json", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    // ---- fixed entries ---------------------------------------------------------------------------------------------

    [Fact]
    public void Entries_that_no_longer_occur_produce_a_note_on_standard_error()
    {
        var both = Draft + NewProblem;
        _folder.Write("draft.md", both);
        var baseline = WriteBaseline("draft.md");
        Assert.Contains("Recorded 2 findings in 1 file", baseline.Out, StringComparison.Ordinal);

        // Both problems fixed: the level-4 headings become level 3.
        _folder.Write("draft.md", both.Replace("#### ", "### ", StringComparison.Ordinal));

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 entries of the baseline no longer occur", run.Error, StringComparison.Ordinal);
        Assert.Contains("strategylint baseline", run.Error, StringComparison.Ordinal);
        Assert.Equal("No problems found in 1 file.", run.Out.Trim());
    }

    [Fact]
    public void A_single_fixed_entry_is_reported_in_the_singular()
    {
        var both = Draft + NewProblem;
        _folder.Write("draft.md", both);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);
        _folder.Write("draft.md", both.Replace("#### Escalation", "### Escalation", StringComparison.Ordinal));

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile);

        Assert.Contains("1 entry of the baseline no longer occurs", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 finding in the baseline not shown.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_of_files_not_linted_in_this_run_are_not_called_fixed()
    {
        // One baseline for the repository, linted folder by folder (the README's matrix for large repositories).
        _folder.Write(Path.Combine("national", "ncs.md"), Draft);
        _folder.Write(Path.Combine("sectoral", "energy.md"), Draft);
        Assert.Contains("Recorded 2 findings in 2 files", WriteBaseline("national", "sectoral").Out, StringComparison.Ordinal);

        var run = CliRunner.Run(_folder.Path, "national", "--baseline", BaselineFile, "--fail-level", "warning");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 finding in the baseline not shown.", run.Out, StringComparison.Ordinal);
        // sectoral/energy.md was not linted, so nothing is known about whether its entry still occurs.
        Assert.DoesNotContain("no longer occur", run.Error, StringComparison.Ordinal);
    }

    // ---- outputs ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Baselined_results_appear_in_sarif_only_with_include_suppressed_as_external()
    {
        _folder.Write("draft.md", Draft);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);

        var plain = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--format", "sarif");
        using (var sarif = JsonDocument.Parse(plain.Out))
            Assert.Empty(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());

        var included = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--format", "sarif", "--include-suppressed");
        using (var sarif = JsonDocument.Parse(included.Out))
        {
            var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
            Assert.Equal("SL1002", result.GetProperty("ruleId").GetString());
            var suppression = Assert.Single(result.GetProperty("suppressions").EnumerateArray());
            Assert.Equal("external", suppression.GetProperty("kind").GetString());
            Assert.False(string.IsNullOrWhiteSpace(suppression.GetProperty("justification").GetString()));
        }
    }

    [Fact]
    public void Json_lists_baselined_findings_as_suppressed_external()
    {
        _folder.Write("draft.md", Draft);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile, "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.True(finding.GetProperty("suppressed").GetBoolean());
        Assert.Equal("external", finding.GetProperty("suppression").GetProperty("kind").GetString());
    }

    [Fact]
    public void Inline_suppressed_findings_are_not_written_to_the_baseline()
    {
        _folder.Write("draft.md", Draft.Replace("#### Lead agency", "<!-- strategylint-disable-next-line SL1002 -- Set by statute. -->\n#### Lead agency", StringComparison.Ordinal));

        var baseline = WriteBaseline("draft.md");

        Assert.Contains("Recorded 0 findings in 0 files", baseline.Out, StringComparison.Ordinal);
        var run = CliRunner.Run(_folder.Path, "draft.md", "--baseline", BaselineFile);
        Assert.Equal("No problems found in 1 file. 1 finding suppressed in the drafts.", run.Out.Trim());
    }

    // ---- the baseline file -----------------------------------------------------------------------------------------

    [Fact]
    public void The_baseline_file_records_id_file_fingerprint_message_and_line()
    {
        _folder.Write("draft.md", Draft);
        Assert.Equal(0, WriteBaseline("draft.md").ExitCode);
        var lint = CliRunner.Run(_folder.Path, "draft.md", "--format", "json");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, BaselineFile)));
        using var report = JsonDocument.Parse(lint.Out);
        var reported = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        var entry = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("SL1002", entry.GetProperty("id").GetString());
        Assert.Equal("draft.md", entry.GetProperty("file").GetString());
        Assert.Equal(reported.GetProperty("fingerprint").GetString(), entry.GetProperty("fingerprint").GetString());
        Assert.Equal(reported.GetProperty("message").GetString(), entry.GetProperty("message").GetString());
        Assert.Equal(LineOf(Draft, "#### Lead agency"), entry.GetProperty("line").GetInt32());
    }

    [Fact]
    public void The_baseline_file_is_deterministic_and_written_atomically()
    {
        // Several files, linted in parallel, with several findings each.
        for (var i = 0; i < 6; i++)
            _folder.Write(Path.Combine("drafts", $"draft{i}.md"), Draft + NewProblem + IdenticalProblem);
        var path = Path.Combine(_folder.Path, BaselineFile);

        Assert.Equal(0, WriteBaseline("drafts").ExitCode);
        var first = File.ReadAllBytes(path);
        Assert.Equal(0, WriteBaseline("drafts").ExitCode);
        var second = File.ReadAllBytes(path);

        Assert.Equal(first, second);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp", SearchOption.AllDirectories));
        using var lint = JsonDocument.Parse(CliRunner.Run(_folder.Path, "drafts", "--format", "json").Out);
        using var baseline = JsonDocument.Parse(first);
        Assert.Equal(lint.RootElement.GetProperty("findings").GetArrayLength(), baseline.RootElement.GetProperty("findings").GetArrayLength());
        Assert.True(baseline.RootElement.GetProperty("findings").GetArrayLength() >= 18);
        Assert.Equal((byte)'\n', first[^1]);
    }

    [Fact]
    public void Baseline_writes_strategylint_baseline_json_by_default()
    {
        _folder.Write("draft.md", Draft);

        var run = CliRunner.Run(_folder.Path, "baseline", "draft.md");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.Path, BaselineFile)));
    }
}
