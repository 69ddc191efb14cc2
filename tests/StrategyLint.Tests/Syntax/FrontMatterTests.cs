using StrategyLint.Testing;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Syntax;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Syntax;

/// <summary>YAML front matter: the keys the tool reads, invalid YAML, and per-document severities under <c>strategylint:</c>.</summary>
public sealed class FrontMatterTests
{
    private static StrategyDocument Parse(string text) => StrategyParser.Parse("draft.md", text);

    private static List<Finding> Lint(string text, LintConfig? config = null)
    {
        var linter = new StrategyLinter(RuleCatalog.BuiltIn, config ?? LintConfig.Default(Environment.CurrentDirectory));
        var bytes = Encoding.UTF8.GetBytes(text);
        return [.. linter.LintFile(new InputFile("draft.md", null, () => bytes)).Findings];
    }

    /// <summary>From the opening fence to the end of the closing one, found by searching.</summary>
    private static TextSpan FrontMatterBlock(string text)
    {
        var closing = text.IndexOf("\n---", 3, StringComparison.Ordinal) + "\n---".Length;
        return TextSpan.FromBounds(0, closing);
    }

    [Fact]
    public void Type_title_country_and_language_are_read()
    {
        var document = Parse("""
            ---
            title: "Kestland National Cyber Security Strategy (Draft 0.3)"
            country: Kestland
            type: national-cybersecurity-strategy
            language: en
            version: 0.3
            ---

            # Kestland National Cyber Security Strategy (Draft 0.3)
            """);

        var frontMatter = document.FrontMatter;
        Assert.True(frontMatter.Exists);
        Assert.Equal("Kestland National Cyber Security Strategy (Draft 0.3)", frontMatter.Title);
        Assert.Equal("Kestland", frontMatter.Country);
        Assert.Equal("national-cybersecurity-strategy", frontMatter.Type);
        Assert.Equal("en", frontMatter.Language);
        Assert.Equal("0.3", frontMatter["version"]);
        Assert.Equal("Kestland", frontMatter["COUNTRY"]);
        Assert.Null(frontMatter["owner"]);
        Assert.Equal(5, frontMatter.Values.Count);
        Assert.Null(frontMatter.Error);
        Assert.Equal(FrontMatterBlock(document.Text), frontMatter.Span);
        // The front matter is not a section or a block.
        Assert.Equal("Kestland National Cyber Security Strategy (Draft 0.3)", Assert.Single(document.Sections).Title);
        Assert.Empty(document.Root.Blocks);
    }

    [Fact]
    public void A_draft_without_front_matter_has_none()
    {
        var document = Parse("""
            # Kestland National Cyber Security Strategy

            type: not front matter
            """);

        Assert.False(document.FrontMatter.Exists);
        Assert.Null(document.FrontMatter.Type);
        Assert.Empty(document.FrontMatter.Values);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Invalid_yaml_is_reported_inside_the_front_matter_and_the_draft_is_still_linted(string newline)
    {
        var text = """
            ---
            title: "Kestland National Cyber Security Strategy
            type: [national-cybersecurity-strategy
            ---

            # Kestland National Cyber Security Strategy

            ## Governance

            #### Lead agency

            The OCIO will be the lead agency.
            """.ReplaceLineEndings(newline);

        var findings = Lint(text);

        var invalid = Assert.Single(findings, f => f.Id == "SL0001");
        Assert.Equal(RuleSeverity.Error, invalid.Severity);
        Assert.Contains("not valid YAML", invalid.Message, StringComparison.Ordinal);
        var block = FrontMatterBlock(text);
        Assert.True(block.Contains(invalid.Span.Start), $"the finding at {invalid.Span} should be inside the front matter {block}");
        Assert.InRange(invalid.Line, 1, text[..block.End].Split('\n').Length);

        // The rest of the document is linted all the same.
        var skipped = Assert.Single(findings, f => f.Id == "SL1002");
        Assert.Equal(text.IndexOf("#### Lead agency", StringComparison.Ordinal), skipped.Span.Start);

        var document = Parse(text);
        Assert.NotNull(document.FrontMatter.Error);
        Assert.Null(document.FrontMatter.Type);
    }

    private const string EmptySectionDraft = """
        # Kestland National Cyber Security Strategy

        ## Governance

        The OCIO leads.

        ### Incident reporting

        ### Incident handling procedures

        KE-CERT will publish procedures.
        """;

    [Fact]
    public void Without_settings_the_empty_section_is_reported()
    {
        Assert.Contains(Lint(EmptySectionDraft), f => f.Id == "SL1003");
    }

    [Fact]
    public void Strategylint_settings_silence_a_rule_for_that_document()
    {
        var findings = Lint("""
            ---
            title: Kestland
            strategylint:
              SL1003: off
            ---

            """ + EmptySectionDraft);

        Assert.DoesNotContain(findings, f => f.Id == "SL1003");
        Assert.DoesNotContain(findings, f => f.Id == "SL0001");
    }

    [Fact]
    public void Strategylint_settings_raise_a_severity_for_that_document()
    {
        var findings = Lint("""
            ---
            strategylint:
              SL1003:
                severity: error
            ---

            """ + EmptySectionDraft);

        Assert.Equal(RuleSeverity.Error, Assert.Single(findings, f => f.Id == "SL1003").Severity);
    }

    [Fact]
    public void Strategylint_settings_may_name_a_category()
    {
        var findings = Lint("""
            ---
            strategylint:
              Structure: off
            ---

            """ + EmptySectionDraft);

        Assert.DoesNotContain(findings, f => f.Descriptor.Category == RuleCategories.Structure);
    }

    [Fact]
    public void Document_settings_beat_the_configuration()
    {
        var config = new LintConfig
        {
            BaseDirectory = Environment.CurrentDirectory,
            Rules = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase) { ["SL1003"] = RuleSeverity.Off },
        };

        Assert.DoesNotContain(Lint(EmptySectionDraft, config), f => f.Id == "SL1003");
        var findings = Lint("""
            ---
            strategylint:
              SL1003: warning
            ---

            """ + EmptySectionDraft, config);
        Assert.Equal(RuleSeverity.Warning, Assert.Single(findings, f => f.Id == "SL1003").Severity);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void An_unknown_id_under_strategylint_is_SL0001_on_the_key(string newline)
    {
        var (text, spans) = FixtureMarkup.Parse("""
            ---
            title: Kestland
            strategylint:
              {|SL0001:SL9999|}: off
              SL1003: off
            ---

            """.ReplaceLineEndings(newline) + EmptySectionDraft.ReplaceLineEndings(newline));

        var findings = Lint(text);

        var invalid = Assert.Single(findings, f => f.Id == "SL0001");
        Assert.Contains("SL9999", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(spans.Single().Span, invalid.Span);
        // The valid setting next to it still applies.
        Assert.DoesNotContain(findings, f => f.Id == "SL1003");
    }

    [Fact]
    public void A_bad_severity_under_strategylint_is_SL0001_on_the_value()
    {
        var (text, spans) = FixtureMarkup.Parse("""
            ---
            strategylint:
              SL1003: {|SL0001:loud|}
            ---

            """ + EmptySectionDraft);

        var findings = Lint(text);

        var invalid = Assert.Single(findings, f => f.Id == "SL0001");
        Assert.Contains("'loud' is not a severity", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(spans.Single().Span, invalid.Span);
        Assert.Contains(findings, f => f.Id == "SL1003");
    }
}
