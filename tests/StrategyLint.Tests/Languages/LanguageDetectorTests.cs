using StrategyLint.Languages;
using StrategyLint.Syntax;

namespace StrategyLint.Tests.Languages;

/// <summary>A document's language: front matter first, else detected from the prose, else English with the reason.</summary>
public sealed class LanguageDetectorTests
{
    private static DocumentLanguage LanguageOf(string text) => StrategyParser.Parse("draft.md", text).Language;

    [Theory]
    [InlineData(LanguageDrafts.French, "fr", "French")]
    [InlineData(LanguageDrafts.Spanish, "es", "Spanish")]
    [InlineData(LanguageDrafts.English, "en", "English")]
    [InlineData(LanguageDrafts.German, "de", "German")]
    public void A_draft_without_front_matter_is_detected_from_its_words(string draft, string code, string name)
    {
        var language = LanguageOf(draft);

        Assert.Equal(code, language.Code);
        Assert.Equal(name, language.Name);
        Assert.Equal(DocumentLanguage.FromDetection, language.Source);
        Assert.StartsWith("detected from the frequent words of its first ", language.Reason, StringComparison.Ordinal);
        Assert.Contains($"score {name} ", language.Reason, StringComparison.Ordinal);
        Assert.True(language.WordsRead > 50);
        Assert.Equal(language.Scores.Max(s => s.Value), language.Scores[code]);
    }

    [Theory]
    [InlineData(LanguageDrafts.French, true)]
    [InlineData(LanguageDrafts.Spanish, true)]
    [InlineData(LanguageDrafts.English, true)]
    [InlineData(LanguageDrafts.German, false)]
    public void Only_english_french_and_spanish_have_domain_vocabulary(string draft, bool expected)
    {
        Assert.Equal(expected, LanguageOf(draft).HasDomainVocabulary);
    }

    [Fact]
    public void Portuguese_and_italian_are_recognised_though_they_have_no_vocabulary()
    {
        var portuguese = LanguageOf("""
            # Estratégia Nacional de Segurança Cibernética

            O Governo vai criar um centro nacional de resposta a incidentes, que será responsável pela coordenação das ações
            com os ministérios e com o setor privado. Os operadores de serviços essenciais devem notificar os incidentes
            graves ao centro, que publica todos os anos um relatório sobre a execução da estratégia.
            """);
        var italian = LanguageOf("""
            # Strategia nazionale per la sicurezza cibernetica

            Il Governo istituisce un centro nazionale per la risposta agli incidenti, che sarà responsabile del coordinamento
            delle attività con i ministeri e con il settore privato. Gli operatori dei servizi essenziali devono notificare
            gli incidenti gravi al centro, che pubblica ogni anno una relazione sullo stato di attuazione della strategia.
            """);

        Assert.Equal(("pt", false), (portuguese.Code, portuguese.HasDomainVocabulary));
        Assert.Equal(("it", false), (italian.Code, italian.HasDomainVocabulary));
    }

    [Theory]
    [InlineData("# Stratégie nationale de cybersécurité\n")]
    [InlineData("# Estrategia Nacional de Ciberseguridad\n\n## Gobernanza\n")]
    [InlineData("")]
    public void Too_little_text_is_read_as_english_and_says_why(string draft)
    {
        var language = LanguageOf(draft);

        Assert.Equal("en", language.Code);
        Assert.Equal(DocumentLanguage.FromDefault, language.Source);
        Assert.StartsWith("English by default: too little text to tell the language (", language.Reason, StringComparison.Ordinal);
        Assert.True(language.HasDomainVocabulary);
    }

    [Fact]
    public void A_draft_half_in_french_and_half_in_english_is_read_as_english_and_says_no_language_is_ahead()
    {
        var language = LanguageOf(LanguageDrafts.French + "\n" + LanguageDrafts.English.Replace("# National", "## National", StringComparison.Ordinal));

        Assert.Equal("en", language.Code);
        Assert.Equal(DocumentLanguage.FromDefault, language.Source);
        Assert.Contains("no language is clearly ahead", language.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("fr-FR", "fr")]
    [InlineData("es_PA", "es")]
    [InlineData("French", "fr")]
    [InlineData("français", "fr")]
    [InlineData("Español", "es")]
    [InlineData("fra", "fr")]
    [InlineData("Deutsch", "de")]
    [InlineData("ru", "ru")]
    public void Front_matter_overrides_detection_and_is_normalised(string declared, string code)
    {
        var language = LanguageOf($"---\nlanguage: {declared}\n---\n" + LanguageDrafts.French);

        Assert.Equal(code, language.Code);
        Assert.Equal(DocumentLanguage.FromFrontMatter, language.Source);
        Assert.Equal($"the front matter says 'language: {declared}'", language.Reason);
        Assert.Empty(language.Scores);
    }

    [Fact]
    public void A_front_matter_language_that_is_not_a_code_falls_back_to_detection_and_says_so()
    {
        var language = LanguageOf("---\nlanguage: the usual one\n---\n" + LanguageDrafts.Spanish);

        Assert.Equal("es", language.Code);
        Assert.Equal(DocumentLanguage.FromDetection, language.Source);
        Assert.StartsWith("the front matter's 'language: the usual one' is not a language code StrategyLint knows, so detected", language.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_a_profile_has_its_code_as_name()
    {
        var language = LanguageOf("---\nlanguage: ru\n---\n# T\n");

        Assert.Equal("ru", language.Name);
        Assert.False(language.HasDomainVocabulary);
    }

    [Fact]
    public void Detection_reads_at_most_the_first_twenty_thousand_words_and_stops_sooner_when_one_language_is_far_ahead()
    {
        // Alternating sentences: no language gets far ahead, so detection reads up to its limit.
        var mixed = "# T\n\n" + string.Concat(Enumerable.Repeat("the plan of the state and the people. le plan de la nation et des gens. ", 3000)) + string.Concat(Enumerable.Repeat("le plan de la nation et des gens. ", 3000));
        var english = "# T\n\n" + string.Concat(Enumerable.Repeat("the plan of the state and the people. ", 6000)) + string.Concat(Enumerable.Repeat("le plan de la nation et des gens. ", 20000));

        Assert.Equal(LanguageDetector.MaxWords, LanguageOf(mixed).WordsRead);
        var early = LanguageOf(english);
        Assert.Equal("en", early.Code);
        Assert.Equal(LanguageDetector.EarlyCheckWords, early.WordsRead);
    }

    [Fact]
    public void Code_and_html_comments_are_not_read()
    {
        var french = "# Titre\n\n```\n" + string.Concat(Enumerable.Repeat("the and of to in that is for with as ", 50)) + "\n```\n\n<!-- " + string.Concat(Enumerable.Repeat("the and of ", 50)) + " -->\n\n" + LanguageDrafts.French.Replace("# Strat", "## Strat", StringComparison.Ordinal);

        Assert.Equal("fr", LanguageOf(french).Code);
    }
}
