using Microsoft.CodeAnalysis.Text;
using StrategyLint.Languages;
using StrategyLint.Syntax;
using StrategyLint.Tests.Languages;
using StrategyLint.Text;

namespace StrategyLint.Tests.Text;

/// <summary>
/// The structural vocabularies read from the document's language profile: negation, background and glossary titles,
/// institution names. English keeps the lists the code held; French and Spanish have their own.
/// </summary>
public sealed class LanguageVocabularyTests
{
    private static bool Negated(string sentence, string mention, string code)
    {
        var start = sentence.IndexOf(mention, StringComparison.Ordinal);
        return Sentences.IsNegated(sentence, new TextSpan(0, sentence.Length), start, LanguageProfile.Find(code));
    }

    [Theory]
    [InlineData("There is no national CSIRT.", "CSIRT", "en", true)]
    [InlineData("It covers not only CSIRT teams but also CERTs.", "CSIRT", "en", false)]
    [InlineData("Il n'existe aucun CSIRT national.", "CSIRT", "fr", true)]
    [InlineData("Le pays ne dispose pas encore d’un CSIRT.", "CSIRT", "fr", true)]
    [InlineData("Le pays se dotera d'un CSIRT.", "CSIRT", "fr", false)]
    [InlineData("No existe un CSIRT nacional.", "CSIRT", "es", true)]
    [InlineData("Se trata de una estrategia sin CSIRT.", "CSIRT", "es", true)]
    [InlineData("Abarca no solo el CSIRT sino también la policía.", "CSIRT", "es", false)]
    [InlineData("El país creará un CSIRT.", "CSIRT", "es", false)]
    public void Negation_words_come_from_the_language(string sentence, string mention, string code, bool negated) =>
        Assert.Equal(negated, Negated(sentence, mention, code));

    [Fact]
    public void Without_a_profile_negation_reads_english()
    {
        const string sentence = "There is no national CSIRT.";
        Assert.True(Sentences.IsNegated(sentence, new TextSpan(0, sentence.Length), sentence.IndexOf("CSIRT", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("The Ministry of Justice and Equality meets.", "Equality", "en", true)]
    [InlineData("The ministry promotes gender equality.", "gender", "en", false)]
    [InlineData("L'Agence Nationale de la Sécurité des Systèmes d'Information publie.", "Sécurité", "fr", true)]
    [InlineData("Le Ministère de la Femme et de la Famille agit.", "Femme", "fr", true)]
    [InlineData("La Femme occupe une place centrale.", "Femme", "fr", false)]
    [InlineData("El Ministerio de la Mujer y Poblaciones Vulnerables coordina.", "Mujer", "es", true)]
    [InlineData("La Ley de Igualdad de Género se aplica.", "Igualdad", "es", true)]
    [InlineData("La estrategia promueve la Igualdad de género.", "Igualdad", "es", false)]
    public void Institution_names_come_from_the_language(string sentence, string mention, string code, bool inName)
    {
        var start = sentence.IndexOf(mention, StringComparison.Ordinal);
        Assert.Equal(inName, MentionScanner.InProperName(sentence, new TextSpan(0, sentence.Length), new TextSpan(start, mention.Length), LanguageProfile.Find(code)));
    }

    [Theory]
    [InlineData("## Contexte et enjeux", true, false)]
    [InlineData("## État des lieux", true, false)]
    [InlineData("## Avant-propos", true, false)]
    [InlineData("## Glossaire", false, true)]
    [InlineData("## Sigles et abréviations", false, true)]
    [InlineData("## Axe 2 : Réponse aux incidents", false, false)]
    public void French_section_titles(string heading, bool background, bool glossary) =>
        AssertRoles(LanguageDrafts.French, heading, background, glossary);

    [Theory]
    [InlineData("## Antecedentes", true, false)]
    [InlineData("## Situación actual", true, false)]
    [InlineData("## Glosario de términos", false, true)]
    [InlineData("## Siglas y acrónimos", false, true)]
    [InlineData("## Eje 2: Respuesta a incidentes", false, false)]
    public void Spanish_section_titles(string heading, bool background, bool glossary) =>
        AssertRoles(LanguageDrafts.Spanish, heading, background, glossary);

    [Theory]
    [InlineData("## Threat landscape", true, false)]
    [InlineData("## Meeting challenging goals", false, false)]
    [InlineData("## Terms and definitions", false, true)]
    [InlineData("## Glossaire", false, false)]
    public void English_section_titles_are_those_the_code_used_to_match(string heading, bool background, bool glossary) =>
        AssertRoles(LanguageDrafts.English, heading, background, glossary);

    private static void AssertRoles(string draft, string heading, bool background, bool glossary)
    {
        var document = StrategyParser.Parse("draft.md", draft + "\n" + heading + "\n\nText.\n");
        var section = document.Sections.Last();

        Assert.Equal(heading[3..], section.Title);
        Assert.Equal(background, MentionScanner.IsBackground(section));
        Assert.Equal(glossary, MentionScanner.IsGlossary(section));
    }
}
