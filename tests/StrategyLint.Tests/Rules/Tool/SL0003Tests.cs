using StrategyLint.Testing;
using System.Text;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Tool;

/// <summary>
/// SL0003 is not reported by a rule action: the linter reports it after the rules have run, about the suppression
/// comments themselves. <see cref="RuleVerifier"/> lints with a catalog that holds only the rule under test, so it
/// can express SL0003 only for comments that name no other rule. Most tests here therefore lint with the whole
/// built-in catalog, the domain categories off so only the Structure and Tool rules report, and compare every
/// finding left unsuppressed with the markup: <c>[|…|]</c> is SL0003, <c>{|SL1002:…|}</c> a finding of that id.
/// Each case runs with LF and with CRLF line endings.
/// </summary>
public sealed class SL0003Tests
{
    private static readonly Dictionary<string, RuleSeverity> StructureOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FocusAreas"] = RuleSeverity.Off,
        ["Clauses"] = RuleSeverity.Off,
        ["Assistance"] = RuleSeverity.Off,
        ["Principles"] = RuleSeverity.Off,
    };

    private static List<Finding> Lint(string text, bool requireReason)
    {
        var config = new LintConfig { BaseDirectory = Environment.CurrentDirectory, Rules = StructureOnly, RequireSuppressionReason = requireReason };
        var bytes = Encoding.UTF8.GetBytes(text);
        return [.. new StrategyLinter(RuleCatalog.BuiltIn, config).LintFile(new InputFile("draft.md", null, () => bytes)).Findings];
    }

    /// <summary>Asserts the unsuppressed findings are exactly the marked spans (LF, then CRLF); returns every finding of the LF run.</summary>
    private static List<Finding> Verify(string markup, bool requireReason = false)
    {
        List<Finding>? first = null;
        foreach (var newline in new[] { "\n", "\r\n" })
        {
            var (text, expected) = FixtureMarkup.Parse(markup.ReplaceLineEndings(newline));
            var findings = Lint(text, requireReason);
            var expectedSet = expected.Select(e => $"{e.Id ?? "SL0003"} {Describe(text, e.Span)}").Order(StringComparer.Ordinal).ToList();
            var actualSet = findings.Where(f => !f.IsSuppressed).Select(f => $"{f.Id} {Describe(text, f.Span)}").Order(StringComparer.Ordinal).ToList();
            var label = newline == "\n" ? "LF" : "CRLF";
            Assert.True(expectedSet.SequenceEqual(actualSet),
                $"[{label}] expected:\n  {string.Join("\n  ", expectedSet)}\nactual:\n  {string.Join("\n  ", actualSet)}\nmessages:\n  {string.Join("\n  ", findings.Select(f => f.ToString()))}");
            Assert.DoesNotContain(findings, f => f.Id == "SL0004");
            first ??= findings;
        }
        return first!;
    }

    private static string Describe(string text, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        $"{span} '{text.Substring(span.Start, span.Length).ReplaceLineEndings("⏎")}'";

    private static Finding Sl0003(List<Finding> findings) => Assert.Single(findings, f => f.Id == "SL0003");

    // ---- inputs that satisfy the rule ------------------------------------------------------------------------------

    [Fact]
    public void UsedSuppressionWithAReason_GivesNoSL0003()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            ## Governance

            The National Cybersecurity Authority leads implementation.

            <!-- strategylint-disable-next-line SL1002 -- The lead agency sits under the ministry by statute. -->
            #### Lead agency

            The Office of the Chief Information Officer will be the lead agency.
            """);

        var suppressed = Assert.Single(findings);
        Assert.Equal("SL1002", suppressed.Id);
        Assert.Equal(FindingSuppression.InSource, suppressed.Suppression!.Kind);
        Assert.Equal("The lead agency sits under the ministry by statute.", suppressed.Suppression.Justification);
    }

    [Fact]
    public void CommentsInCodeBlocksOrCodeSpans_AreIgnoredEntirely() => Verify("""
        # National Cybersecurity Strategy

        ## How to suppress a finding

        Write a comment such as this one above the heading:

        ```markdown
        <!-- strategylint-disable-file SL1002 -- an example, not a suppression -->
        <!-- strategylint-disable SL9999 -->
        <!-- strategylint-disabel SL1002 -->
        <!-- strategylint-enable -->
        ```

        An indented example:

            <!-- strategylint-disable-file SL1002 -- an indented example -->

        Or inline: `<!-- strategylint-disable-next-line SL1002 -- also an example -->`
        {|SL1002:#### Lead agency|}

        The Office of the Chief Information Officer will be the lead agency.
        """);

    [Fact]
    public void CategoryIds_SuppressTheirRules_InAnyCase()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            <!-- strategylint-disable-next-line Structure -- The outline follows the statute. -->
            #### Lead agency

            Text.

            ## Incident response

            The CSIRT coordinates.

            <!-- strategylint-disable-next-line structure -- The outline follows the statute. -->
            #### Lead agency

            Text.
            """);

        Assert.Equal(2, findings.Count(f => f.Id == "SL1002" && f.IsSuppressed));
    }

    [Fact]
    public void EnableAfterADisable_IsNotReported() => Verify("""
        # National Cybersecurity Strategy

        <!-- strategylint-disable SL1002 -- The annex keeps the numbering of the statute. -->

        ## Annex

        #### Article 4

        Text.

        <!-- strategylint-enable SL1002 -->
        """);

    [Fact]
    public void AReasonlessComment_IsAccepted_WhenReasonsAreNotRequired() => Verify("""
        # National Cybersecurity Strategy

        ## Governance

        The Authority leads implementation.

        <!-- strategylint-disable-next-line SL1002 -->
        #### Lead agency

        Text.
        """);

    // ---- an unknown id ---------------------------------------------------------------------------------------------

    [Fact]
    public void UnknownId_IsReportedAtTheId_WithASuggestionForAOneCharacterTypo()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            <!-- strategylint-disable-next-line [|SL1O02|] -- The lead agency sits under the ministry by statute. -->
            {|SL1002:#### Lead agency|}

            Text.
            """);

        var finding = Sl0003(findings);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Contains("'SL1O02'", finding.Message);
        Assert.Contains("not a rule id or category", finding.Message);
        Assert.Contains("Did you mean SL1002?", finding.Message);
    }

    [Fact]
    public void UnknownId_FarFromEveryRule_GetsNoSuggestion_AndTheOtherIdsStillWork()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            <!-- strategylint-disable-next-line SL1002, [|XY12|] -- The lead agency sits under the ministry by statute. -->
            #### Lead agency

            Text.
            """);

        Assert.DoesNotContain("Did you mean", Sl0003(findings).Message);
        Assert.Contains(findings, f => f.Id == "SL1002" && f.IsSuppressed);
    }

    [Fact]
    public void UnknownId_IsReportedByTheSingleRuleVerifierToo() => RuleVerifier.Verify("SL0003", """
        # National Cybersecurity Strategy

        <!-- strategylint-disable-file [|SL9999|] -- an id no rule has -->

        The Authority leads implementation.
        """);

    // ---- an unknown directive --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("strategylint-disabel")]
    [InlineData("strategylint-disable-nextline")]
    [InlineData("strategylint-ignore")]
    public void UnknownDirective_IsReportedAtItsName_AndSuppressesNothing(string directive)
    {
        var findings = Verify($$"""
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            <!-- [|{{directive}}|] SL1002 -- The lead agency sits under the ministry by statute. -->
            {|SL1002:#### Lead agency|}

            Text.
            """);

        var message = Sl0003(findings).Message;
        Assert.Contains($"'{directive}' is not a suppression StrategyLint knows", message);
        Assert.Contains("strategylint-disable-next-line", message);
    }

    // ---- a disable that suppresses nothing -------------------------------------------------------------------------

    [Fact]
    public void UnusedIdOfADisableNextLine_IsReportedAtThatId_AndTheUsedIdIsNot()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            <!-- strategylint-disable-next-line SL1002, [|SL1004|] -- The lead agency sits under the ministry by statute. -->
            #### Lead agency

            Text.
            """);

        var message = Sl0003(findings).Message;
        Assert.Contains("strategylint-disable-next-line of SL1004 suppresses nothing", message);
        Assert.Contains(findings, f => f.Id == "SL1002" && f.IsSuppressed);
    }

    [Fact]
    public void UnusedRangeDisable_IsReportedAtTheId() => Verify("""
        # National Cybersecurity Strategy

        <!-- strategylint-disable [|SL1003|] -- Sections are filled in during consultation. -->

        ## Governance

        The Authority leads implementation.

        <!-- strategylint-enable SL1003 -->
        """);

    [Fact]
    public void UnusedFileDisable_IsReportedAtTheId_ForRulesAndCategories() => Verify("""
        # National Cybersecurity Strategy

        <!-- strategylint-disable-file [|SL1004|], [|Clauses|] -- Headings repeat the statute's. -->

        ## Governance

        The Authority leads implementation.
        """);

    [Fact]
    public void UnusedDisableWithoutIds_IsReportedAtTheComment()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            ## Governance

            [|<!-- strategylint-disable-next-line -- Nothing here needs it any more. -->|]
            The Authority leads implementation.
            """);

        Assert.Contains("strategylint-disable-next-line comment suppresses nothing", Sl0003(findings).Message);
    }

    [Fact]
    public void DisableNextLine_SeparatedFromTheFindingByABlankLine_SuppressesNothing() => Verify("""
        # National Cybersecurity Strategy

        ## Governance

        The Authority leads implementation.

        <!-- strategylint-disable-next-line [|SL1002|] -- The lead agency sits under the ministry by statute. -->

        {|SL1002:#### Lead agency|}

        Text.
        """);

    // ---- an enable with no disable before it -----------------------------------------------------------------------

    [Fact]
    public void EnableWithoutADisableBeforeIt_IsReportedAtTheComment()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            [|<!-- strategylint-enable SL1002 -->|]

            ## Governance

            The Authority leads implementation.

            <!-- strategylint-disable SL1002 -- The annex keeps the numbering of the statute. -->

            #### Lead agency

            Text.
            """);

        Assert.Contains("has no strategylint-disable before it", Sl0003(findings).Message);
    }

    // ---- a missing reason when the configuration requires one ------------------------------------------------------

    [Theory]
    [InlineData("<!-- strategylint-disable-next-line SL1002 -->")]
    [InlineData("<!-- strategylint-disable-next-line SL1002 -- -->")]
    [InlineData("<!-- strategylint-disable-next-line SL1002 --   -->")]
    public void MissingReason_WhenRequired_IsReportedAtTheComment_AndDoesNotSuppress(string comment)
    {
        var findings = Verify($$"""
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            [|{{comment}}|]
            {|SL1002:#### Lead agency|}

            Text.
            """, requireReason: true);

        var message = Sl0003(findings).Message;
        Assert.Contains("has no reason", message);
        Assert.Contains("suppressions.requireReason", message);
        Assert.DoesNotContain(findings, f => f.IsSuppressed);
    }

    [Fact]
    public void MissingReason_WhenRequired_AppliesToEveryKindButEnable() => Verify("""
        # National Cybersecurity Strategy

        [|<!-- strategylint-disable-file SL1004 -->|]

        ## Governance

        The Authority leads implementation.

        [|<!-- strategylint-disable SL1002 -->|]

        {|SL1002:#### Lead agency|}

        Text.

        <!-- strategylint-disable SL1002 -- The annex keeps the numbering of the statute. -->

        ## Annex

        #### Article 4

        Text.

        <!-- strategylint-enable SL1002 -->

        {|SL1004:## Annex|}

        Text.
        """, requireReason: true);

    [Fact]
    public void AReason_WhenRequired_Suppresses()
    {
        var findings = Verify("""
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            <!-- strategylint-disable-next-line SL1002 -- The lead agency sits under the ministry by statute. -->
            #### Lead agency

            Text.
            """, requireReason: true);

        Assert.Equal("The lead agency sits under the ministry by statute.", Assert.Single(findings).Suppression!.Justification);
    }

    [Fact]
    public void RequireReason_IsReadFromStrategylintJson()
    {
        using var folder = new TempFolder();
        folder.Write("strategylint.json", """
            {
              "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" },
              "suppressions": { "requireReason": true }
            }
            """);
        const string draft = """
            # National Cybersecurity Strategy

            ## Governance

            The Authority leads implementation.

            <!-- strategylint-disable-next-line SL1002 -->
            #### Lead agency

            Text.
            """;
        folder.Write("draft.md", draft);
        var line = draft[..draft.IndexOf("<!--", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var run = CliRunner.Run(folder.Path, "draft.md");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"draft.md({line},1): warning SL0003: ", run.Out, StringComparison.Ordinal);
        Assert.Contains($"draft.md({line + 1},1): warning SL1002: ", run.Out, StringComparison.Ordinal);
    }

    // ---- the rule's page -------------------------------------------------------------------------------------------

    [Fact]
    public void Explain_ShowsTheCommentFormsOfThePage()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run(folder.Path, "explain", "SL0003");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SL0003 - A suppression comment is wrong or unused", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<!-- generated -->", run.Out, StringComparison.Ordinal);
        // The examples are HTML comments inside code; the terminal rendering must keep them.
        Assert.Contains("<!-- strategylint-disable-next-line SL1002 -- The lead agency sits under the ministry by law. -->", run.Out, StringComparison.Ordinal);
        Assert.Contains("strategylint-disable-next-line SL1002 -- reason", run.Out, StringComparison.Ordinal);
    }

    // ---- switching SL0003 off --------------------------------------------------------------------------------------

    [Fact]
    public void SuppressionComments_DoNotSilenceSL0003() => Verify("""
        # National Cybersecurity Strategy

        <!-- strategylint-disable-file [|SL0003|], [|SL9999|] -- Trying to hide problems with the comments. -->

        The Authority leads implementation.
        """);

    [Fact]
    public void FrontMatterSetting_SwitchesSL0003Off_ForThatDocument() => Verify("""
        ---
        strategylint:
          SL0003: off
        ---
        # National Cybersecurity Strategy

        <!-- strategylint-disable-file SL9999 -- an id no rule has -->
        <!-- strategylint-enable -->

        The Authority leads implementation.
        """);
}
