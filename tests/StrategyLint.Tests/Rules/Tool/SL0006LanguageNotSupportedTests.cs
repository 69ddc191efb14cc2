using System.Text;
using System.Text.Json;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Packs;
using StrategyLint.Tests.Cli;
using StrategyLint.Tests.Languages;

namespace StrategyLint.Tests.Rules.Tool;

/// <summary>
/// SL0006: a draft in a language the domain rules cannot read gets one notice, and none of their "missing" findings;
/// the structure rules still run, and the coverage matrix shows the skipped cells as not checked, with the reason.
/// Also the language in verbose, JSON and SARIF output.
/// </summary>
public sealed class SL0006LanguageNotSupportedTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static FileResult Lint(string text, RuleCatalog? catalog = null)
    {
        var linter = new StrategyLinter(catalog ?? RuleCatalog.BuiltIn, LintConfig.Default(Environment.CurrentDirectory));
        var bytes = Encoding.UTF8.GetBytes(text);
        return linter.LintFile(new InputFile("draft.md", null, () => bytes));
    }

    private static bool IsDomain(string id) => id[2] is '2' or '3' or '4' or '5';

    [Fact]
    public void A_german_draft_gets_one_notice_and_no_missing_findings()
    {
        var result = Lint(LanguageDrafts.German);

        var notice = Assert.Single(result.Findings, f => f.Id == "SL0006");
        Assert.DoesNotContain(result.Findings, f => IsDomain(f.Id));
        Assert.Equal(1, notice.Line);
        Assert.Equal("info", notice.Severity.ToName());
        Assert.StartsWith("This draft reads as German: detected from the frequent words of its first ", notice.Message, StringComparison.Ordinal);
        Assert.Contains(". StrategyLint's domain rules cannot read German: they have vocabulary for English, French and Spanish only.", notice.Message, StringComparison.Ordinal);
        Assert.Contains("the structure rules still ran", notice.Message, StringComparison.Ordinal);
        Assert.EndsWith("name it in the front matter, for example 'language: en', 'language: fr' or 'language: es'.", notice.Message, StringComparison.Ordinal);
        Assert.Equal("de", result.Language!.Code);
    }

    [Fact]
    public void The_structure_rules_still_run_on_it()
    {
        var result = Lint(LanguageDrafts.German + "\n#### Anhang\n\nText.\n");

        Assert.Contains(result.Findings, f => f.Id == "SL1002");
        Assert.Single(result.Findings, f => f.Id == "SL0006");
    }

    [Theory]
    [InlineData(LanguageDrafts.French)]
    [InlineData(LanguageDrafts.Spanish)]
    [InlineData(LanguageDrafts.English)]
    public void Drafts_in_english_french_and_spanish_get_no_notice_and_are_checked(string draft)
    {
        var result = Lint(draft);

        Assert.DoesNotContain(result.Findings, f => f.Id == "SL0006");
        Assert.Contains("SL2001", result.CheckedRules);
        Assert.Empty(result.NotChecked);
    }

    [Fact]
    public void A_front_matter_language_puts_the_notice_on_it_and_overrides_detection()
    {
        var german = Lint("---\nlanguage: de\n---\n" + LanguageDrafts.French);
        var french = Lint("---\nlanguage: fr\n---\n" + LanguageDrafts.German);

        var notice = Assert.Single(german.Findings, f => f.Id == "SL0006");
        Assert.Equal((2, 11), (notice.Line, notice.Column));
        Assert.StartsWith("This draft reads as German: the front matter says 'language: de'. ", notice.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(french.Findings, f => f.Id == "SL0006");
        Assert.Contains(french.Findings, f => IsDomain(f.Id));
    }

    [Fact]
    public void The_notice_can_be_switched_off_and_the_rules_stay_skipped()
    {
        var result = Lint("---\nstrategylint:\n  SL0006: off\n---\n" + LanguageDrafts.German);

        Assert.DoesNotContain(result.Findings, f => f.Id == "SL0006" || IsDomain(f.Id));
    }

    [Fact]
    public void No_notice_when_every_domain_rule_is_off()
    {
        _folder.Write("strategylint.json", """{ "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" } }""");
        _folder.Write("de.md", LanguageDrafts.German);

        var run = CliRunner.Run(_folder.Path, "de.md", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "SL0006");
        Assert.Equal("de", json.RootElement.GetProperty("files")[0].GetProperty("language").GetProperty("code").GetString());
    }

    [Fact]
    public void The_coverage_matrix_shows_the_cells_as_not_checked_with_the_reason()
    {
        var result = new LintResult([Lint(LanguageDrafts.German)]);

        var matrix = CoverageMatrix.Build(result, RuleCatalog.BuiltIn);

        Assert.NotEmpty(matrix.Columns);
        Assert.All(matrix.Rows[0].Cells, cell =>
        {
            Assert.Equal(CoverageState.NotChecked, cell.State);
            Assert.Equal("not checked: the domain rules cannot read German (they read English, French and Spanish)", cell.Reason);
        });
    }

    [Fact]
    public void A_house_pack_with_terms_in_the_language_still_runs_and_one_with_english_terms_only_does_not()
    {
        var rules = PackLoader.Load([
            ("house/pack.json", () => "{ \"name\": \"house\" }"),
            ("house/house.Annex.json", () => """
                { "id": "house.Annex", "kind": "require-clause", "title": "No annex", "category": "Custom", "message": "No annex.", "description": "d",
                  "terms": { "en": ["annex"], "de": ["Anhang"] } }
                """),
            ("house/house.Budget.json", () => """
                { "id": "house.Budget", "kind": "require-clause", "title": "No budget", "category": "Custom", "message": "No budget.", "description": "d",
                  "terms": ["budget"] }
                """),
        ]);

        var result = Lint(LanguageDrafts.German, catalog: new RuleCatalog([.. RuleCatalog.BuiltIn.Rules, .. rules]));

        Assert.Contains(result.Findings, f => f.Id == "house.Annex");
        Assert.DoesNotContain(result.Findings, f => f.Id == "house.Budget");
        Assert.Contains("house.Annex", result.CheckedRules);
        Assert.Contains("house.Budget", result.NotChecked.Keys);
    }

    [Fact]
    public void Verbose_output_says_each_files_language_and_why()
    {
        _folder.Write("fr.md", LanguageDrafts.French);
        _folder.Write("es.md", LanguageDrafts.Spanish);
        _folder.Write("tiny.md", "# Stratégie\n");

        var run = CliRunner.Run(_folder.Path, "fr.md", "es.md", "tiny.md", "--verbose");

        Assert.Contains("fr.md: language fr (French): detected from the frequent words of its first ", run.Error, StringComparison.Ordinal);
        Assert.Contains("es.md: language es (Spanish): detected from the frequent words of its first ", run.Error, StringComparison.Ordinal);
        Assert.Contains("tiny.md: language en (English): English by default: too little text to tell the language (1 word)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_gives_each_files_language_and_the_not_checked_cells_with_their_reason()
    {
        _folder.Write("de.md", LanguageDrafts.German);
        _folder.Write("fr.md", "---\nlanguage: fr-FR\n---\n" + LanguageDrafts.French);

        var run = CliRunner.Run(_folder.Path, "de.md", "fr.md", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        var german = files["de.md"].GetProperty("language");
        Assert.Equal("de", german.GetProperty("code").GetString());
        Assert.Equal("German", german.GetProperty("name").GetString());
        Assert.Equal("detection", german.GetProperty("source").GetString());
        Assert.False(german.GetProperty("domainRules").GetBoolean());
        Assert.True(german.GetProperty("wordsRead").GetInt32() > 50);
        Assert.True(german.GetProperty("scores").GetProperty("de").GetInt32() > 0);
        var french = files["fr.md"].GetProperty("language");
        Assert.Equal(("fr", "front-matter", "the front matter says 'language: fr-FR'"), (french.GetProperty("code").GetString(), french.GetProperty("source").GetString(), french.GetProperty("reason").GetString()));
        Assert.False(french.TryGetProperty("scores", out _));
        var cell = files["de.md"].GetProperty("coverage").GetProperty("SL2001");
        Assert.Equal("notChecked", cell.GetProperty("state").GetString());
        Assert.StartsWith("not checked: the domain rules cannot read German", cell.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("notChecked", files["fr.md"].GetProperty("coverage").GetProperty("SL2001").GetProperty("state").GetString());
    }

    [Fact]
    public void Sarif_output_gives_each_files_language_in_the_run_and_on_each_result()
    {
        _folder.Write("de.md", LanguageDrafts.German);
        _folder.Write("es.md", LanguageDrafts.Spanish);

        var run = CliRunner.Run(_folder.Path, "de.md", "es.md", "--format", "sarif");

        using var json = JsonDocument.Parse(run.Out);
        var sarifRun = json.RootElement.GetProperty("runs")[0];
        var languages = sarifRun.GetProperty("properties").GetProperty("languages").EnumerateArray().ToDictionary(l => l.GetProperty("file").GetString()!);
        Assert.Equal("de", languages["de.md"].GetProperty("language").GetString());
        Assert.Equal("es", languages["es.md"].GetProperty("language").GetString());
        Assert.Equal("detection", languages["es.md"].GetProperty("source").GetString());
        Assert.StartsWith("detected from the frequent words", languages["es.md"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var notice = Assert.Single(sarifRun.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "SL0006");
        Assert.Equal("note", notice.GetProperty("level").GetString());
        Assert.Equal("de", notice.GetProperty("properties").GetProperty("language").GetString());
    }
}
