using System.Text;
using System.Text.Json;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Linting;

/// <summary>
/// Inline suppressions (<c>&lt;!-- strategylint-disable… --&gt;</c>) through the command line: which findings they
/// silence, and how suppressed findings show in text, JSON, SARIF and the exit code. Problems with the comments
/// themselves are SL0003 (Rules/Tool/SL0003Tests.cs).
/// </summary>
public sealed class SuppressionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public SuppressionTests() =>
        // Only the Structure and Tool rules, so the findings do not change when rules of other categories are added.
        _folder.Write("strategylint.json", """
            {
              "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
            }
            """);

    public void Dispose() => _folder.Dispose();

    private const string Reason = "The lead agency sits under the ministry by statute, so the outline follows the law.";

    /// <summary>The same SL1002 problem in two consecutive sections; the comment sits above the first one only.</summary>
    private const string TwoSkips = $$"""
        # Kestland National Cyber Security Strategy

        Internal working draft. Not for circulation outside government.

        ## Governance

        Responsibility for cyber security is shared between several ministries.

        <!-- strategylint-disable-next-line SL1002 -- {{Reason}} -->
        #### Lead agency

        The Office of the Chief Information Officer will be the lead agency.

        ## Incident response

        The national CSIRT will coordinate the response to incidents.

        #### Lead agency

        The national CSIRT will be the lead agency for incidents.
        """;

    private sealed record Row(string Id, int Line, bool Suppressed, string? Kind, string? Justification);

    /// <summary>The 1-based line of the <paramref name="occurrence"/>-th (1-based) occurrence of <paramref name="needle"/>.</summary>
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

    /// <summary>Lints <paramref name="file"/> to JSON (which always lists suppressed findings) and returns its findings.</summary>
    private List<Row> Findings(string file = "draft.md")
    {
        var run = CliRunner.Run(_folder.Path, file, "--format", "json");
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f =>
        {
            var suppression = f.TryGetProperty("suppression", out var s) ? s : (JsonElement?)null;
            return new Row(
                f.GetProperty("id").GetString()!,
                f.GetProperty("line").GetInt32(),
                f.GetProperty("suppressed").GetBoolean(),
                suppression?.GetProperty("kind").GetString(),
                suppression is { } x && x.TryGetProperty("justification", out var j) ? j.GetString() : null);
        })];
    }

    private static JsonElement[] SarifResults(CliRun run)
    {
        using var sarif = JsonDocument.Parse(run.Out);
        return [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone())];
    }

    // ---- disable-next-line -----------------------------------------------------------------------------------------

    [Fact]
    public void Disable_next_line_with_a_reason_silences_exactly_one_finding()
    {
        _folder.Write("draft.md", TwoSkips);
        var first = LineOf(TwoSkips, "#### Lead agency", 1);
        var second = LineOf(TwoSkips, "#### Lead agency", 2);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--fail-level", "warning");

        Assert.Equal(1, run.ExitCode);
        var reported = Assert.Single(run.Out.Split('\n'), l => l.Contains(" SL1002: ", StringComparison.Ordinal));
        Assert.StartsWith($"draft.md({second},1): warning SL1002: ", reported, StringComparison.Ordinal);
        Assert.DoesNotContain($"draft.md({first},", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 warning in 1 file. 1 finding suppressed in the drafts.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reason_reaches_json_suppression_justification()
    {
        _folder.Write("draft.md", TwoSkips);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("id").GetString() == "SL1002").ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal(LineOf(TwoSkips, "#### Lead agency", 1), findings[0].GetProperty("line").GetInt32());
        Assert.True(findings[0].GetProperty("suppressed").GetBoolean());
        Assert.Equal("inSource", findings[0].GetProperty("suppression").GetProperty("kind").GetString());
        Assert.Equal(Reason, findings[0].GetProperty("suppression").GetProperty("justification").GetString());
        Assert.False(findings[1].GetProperty("suppressed").GetBoolean());
        Assert.False(findings[1].TryGetProperty("suppression", out _));
    }

    [Fact]
    public void The_reason_reaches_sarif_justification_under_include_suppressed()
    {
        _folder.Write("draft.md", TwoSkips);
        var first = LineOf(TwoSkips, "#### Lead agency", 1);
        var second = LineOf(TwoSkips, "#### Lead agency", 2);

        var results = SarifResults(CliRunner.Run(_folder.Path, "draft.md", "--format", "sarif", "--include-suppressed"));

        Assert.Equal(2, results.Length);
        var silenced = Assert.Single(results, r => StartLine(r) == first);
        var suppression = Assert.Single(silenced.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal(Reason, suppression.GetProperty("justification").GetString());
        var open = Assert.Single(results, r => StartLine(r) == second);
        Assert.Empty(open.GetProperty("suppressions").EnumerateArray());
    }

    [Fact]
    public void Sarif_without_include_suppressed_leaves_suppressed_findings_out()
    {
        _folder.Write("draft.md", TwoSkips);

        var results = SarifResults(CliRunner.Run(_folder.Path, "draft.md", "--format", "sarif"));

        var result = Assert.Single(results);
        Assert.Equal(LineOf(TwoSkips, "#### Lead agency", 2), StartLine(result));
        Assert.False(result.TryGetProperty("suppressions", out _));
    }

    private static int StartLine(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();

    [Fact]
    public void Disable_next_line_reaches_the_line_after_the_last_line_of_a_multi_line_comment()
    {
        const string draft = """
            # Kestland National Cyber Security Strategy

            ## Governance

            Responsibility for cyber security is shared between several ministries.

            <!--
              strategylint-disable-next-line SL1002 -- The lead agency sits under the ministry
              by statute, so the outline follows the law.
            -->
            #### Lead agency

            The Office of the Chief Information Officer will be the lead agency.
            """;
        _folder.Write("draft.md", draft);

        var row = Assert.Single(Findings());

        Assert.Equal(("SL1002", true), (row.Id, row.Suppressed));
        Assert.StartsWith("The lead agency sits under the ministry", row.Justification, StringComparison.Ordinal);
        Assert.EndsWith("so the outline follows the law.", row.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_in_inline_html_in_a_paragraph_works()
    {
        const string draft = """
            # Kestland National Cyber Security Strategy

            ## Governance

            The statute places the lead agency under the ministry. <!-- strategylint-disable-next-line SL1002 -- Set by statute. -->
            #### Lead agency

            The Office of the Chief Information Officer will be the lead agency.
            """;
        _folder.Write("draft.md", draft);

        var row = Assert.Single(Findings());

        Assert.Equal(new Row("SL1002", LineOf(draft, "#### Lead agency"), true, "inSource", "Set by statute."), row);
    }

    // ---- disable … enable ------------------------------------------------------------------------------------------

    private const string RangeDraft = """
        # Kestland National Cyber Security Strategy

        ## Governance

        Responsibility for cyber security is shared between several ministries.

        <!-- strategylint-disable SL1002 -- Sections copied from the statute keep its numbering. -->

        #### Lead agency

        The Office of the Chief Information Officer will be the lead agency.

        <!-- strategylint-enable SL1002 -->

        ## Incident response

        The national CSIRT will coordinate the response to incidents.

        #### Lead agency

        The national CSIRT will be the lead agency for incidents.
        """;

    [Fact]
    public void A_finding_inside_a_disable_enable_range_is_silenced_and_one_after_the_enable_is_not()
    {
        _folder.Write("draft.md", RangeDraft);

        var rows = Findings();

        Assert.Equal(
            [new Row("SL1002", LineOf(RangeDraft, "#### Lead agency", 1), true, "inSource", "Sections copied from the statute keep its numbering."),
             new Row("SL1002", LineOf(RangeDraft, "#### Lead agency", 2), false, null, null)],
            rows);
    }

    [Fact]
    public void A_disable_without_an_enable_runs_to_the_end_but_not_back_before_it()
    {
        var draft = RangeDraft
            .Replace("<!-- strategylint-disable SL1002 -- Sections copied from the statute keep its numbering. -->\n\n", "", StringComparison.Ordinal)
            .Replace("<!-- strategylint-enable SL1002 -->", "<!-- strategylint-disable SL1002 -- Sections copied from the statute keep its numbering. -->", StringComparison.Ordinal);
        _folder.Write("draft.md", draft);

        var rows = Findings();

        Assert.Equal([false, true], rows.Select(r => r.Suppressed));
        Assert.Equal([LineOf(draft, "#### Lead agency", 1), LineOf(draft, "#### Lead agency", 2)], rows.Select(r => r.Line));
    }

    /// <summary>SL1002 under Governance, then a duplicate sibling heading (SL1004) and another SL1002 under it.</summary>
    private static string SeveralProblems(string comment, string enable = "") => $$"""
        # Kestland National Cyber Security Strategy

        ## Governance

        Responsibility for cyber security is shared between several ministries.

        {{comment}}

        #### Lead agency

        The Office of the Chief Information Officer will be the lead agency.

        {{enable}}

        ## Governance

        A second governance section, copied from the consultation paper.

        #### Lead agency

        The Council oversees the lead agency.
        """;

    [Theory]
    [InlineData("<!-- strategylint-disable SL1002, SL1004 -- Copied from the consultation paper. -->")]
    [InlineData("<!-- strategylint-disable SL1002 SL1004 -- Copied from the consultation paper. -->")]
    [InlineData("<!-- strategylint-disable SL1004,SL1002 -- Copied from the consultation paper. -->")]
    [InlineData("<!-- strategylint-disable Structure -- Copied from the consultation paper. -->")]
    [InlineData("<!-- strategylint-disable -- Copied from the consultation paper. -->")]
    public void A_disable_with_several_ids_a_category_or_no_ids_silences_each_of_them(string comment)
    {
        _folder.Write("draft.md", SeveralProblems(comment));

        var rows = Findings();

        Assert.Equal(["SL1002", "SL1004", "SL1002"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(("inSource", "Copied from the consultation paper."), (r.Kind, r.Justification)));
    }

    [Fact]
    public void A_disable_with_several_ids_silences_only_those_ids()
    {
        _folder.Write("draft.md", SeveralProblems("<!-- strategylint-disable SL1002 -- Copied from the consultation paper. -->"));

        var rows = Findings();

        Assert.Equal([("SL1002", true), ("SL1004", false), ("SL1002", true)], rows.Select(r => (r.Id, r.Suppressed)));
    }

    [Fact]
    public void An_enable_of_one_id_leaves_the_others_disabled()
    {
        _folder.Write("draft.md", SeveralProblems("<!-- strategylint-disable -- Copied from the consultation paper. -->", "<!-- strategylint-enable SL1002 -->"));

        var rows = Findings();

        Assert.Equal([("SL1002", true), ("SL1004", true), ("SL1002", false)], rows.Select(r => (r.Id, r.Suppressed)));
    }

    [Fact]
    public void An_enable_without_ids_ends_every_disable()
    {
        _folder.Write("draft.md", SeveralProblems("<!-- strategylint-disable SL1002 SL1004 -- Copied from the consultation paper. -->", "<!-- strategylint-enable -->"));

        var rows = Findings();

        // SL1004 has nothing to silence before the enable, so its id in the disable is reported as unused (SL0003).
        Assert.Equal([("SL0003", false), ("SL1002", true), ("SL1004", false), ("SL1002", false)], rows.Select(r => (r.Id, r.Suppressed)));
    }

    // ---- disable-file ----------------------------------------------------------------------------------------------

    [Fact]
    public void Disable_file_silences_its_rule_everywhere_even_before_the_comment_and_no_other_rule()
    {
        var draft = SeveralProblems("") + "\n\n<!-- strategylint-disable-file SL1002 -- The whole draft follows the statute's numbering. -->\n";
        _folder.Write("draft.md", draft);

        var rows = Findings();

        Assert.Equal(
            [("SL1002", true, "The whole draft follows the statute's numbering."), ("SL1004", false, null), ("SL1002", true, "The whole draft follows the statute's numbering.")],
            rows.Select(r => (r.Id, r.Suppressed, r.Justification)));
    }

    // ---- exit code and text output ---------------------------------------------------------------------------------

    [Fact]
    public void Suppressed_findings_do_not_count_toward_the_exit_code_and_text_leaves_them_out()
    {
        var draft = TwoSkips.Replace("<!-- strategylint-disable-next-line SL1002", "<!-- strategylint-disable-file SL1002", StringComparison.Ordinal);
        _folder.Write("draft.md", draft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--fail-level", "warning");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("SL1002", run.Out, StringComparison.Ordinal);
        Assert.Equal("No problems found in 1 file. 2 findings suppressed in the drafts.", run.Out.Trim());

        // The same draft without the comment fails at this level.
        _folder.Write("draft.md", draft.Replace($"<!-- strategylint-disable-file SL1002 -- {Reason} -->\n", "", StringComparison.Ordinal));
        Assert.Equal(1, CliRunner.Run(_folder.Path, "draft.md", "--fail-level", "warning").ExitCode);
    }

    // ---- encodings and line endings --------------------------------------------------------------------------------

    [Fact]
    public void A_crlf_file_with_a_bom_works()
    {
        var crlf = TwoSkips.ReplaceLineEndings("\r\n");
        _folder.WriteBytes("draft.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(crlf)]);

        var rows = Findings();

        Assert.Equal(
            [new Row("SL1002", LineOf(crlf, "#### Lead agency", 1), true, "inSource", Reason),
             new Row("SL1002", LineOf(crlf, "#### Lead agency", 2), false, null, null)],
            rows);
    }

    [Fact]
    public void A_crlf_file_with_a_multi_line_range_works()
    {
        var crlf = RangeDraft.ReplaceLineEndings("\r\n");
        _folder.WriteBytes("draft.md", Encoding.UTF8.GetBytes(crlf));

        var rows = Findings();

        Assert.Equal([true, false], rows.Select(r => r.Suppressed));
        Assert.Equal(LineOf(crlf, "#### Lead agency", 2), rows[1].Line);
    }

    // ---- comments that are not in HTML -----------------------------------------------------------------------------

    [Fact]
    public void An_unclosed_comment_in_a_code_span_does_not_swallow_the_next_real_suppression()
    {
        // The code span opens '<!--' and never closes it; the real comment two lines below must still apply.
        var draft = TwoSkips.Replace(
            "Responsibility for cyber security is shared between several ministries.",
            "Editors start a suppression with `<!-- strategylint-disable` followed by the rule id.",
            StringComparison.Ordinal);
        _folder.Write("draft.md", draft);

        var rows = Findings();

        Assert.Equal(
            [new Row("SL1002", LineOf(draft, "#### Lead agency", 1), true, "inSource", Reason),
             new Row("SL1002", LineOf(draft, "#### Lead agency", 2), false, null, null)],
            rows);
    }
}
