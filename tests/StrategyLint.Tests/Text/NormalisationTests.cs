using Microsoft.CodeAnalysis.Text;
using StrategyLint.Text;

namespace StrategyLint.Tests.Text;

/// <summary>
/// Terms match whatever the apostrophe (’ ' ʼ), the hyphen (‐ ‑, or an en dash joining two words) and the accents
/// (OCR drops them): by the short-text path, by the word index, and by prefix.
/// </summary>
public sealed class NormalisationTests
{
    private static string? Find(string term, string text)
    {
        var set = new TermSet([term]);
        var viaIndex = set.Find(new WordIndex(text, [new TextSpan(0, text.Length)]));
        var viaText = set.Matches(text);
        Assert.Equal(viaText.Select(m => (m.Start, m.Length)), viaIndex.Select(m => (m.Start, m.Length)));
        Assert.Equal(viaText.Count > 0, set.IsMatch(text));
        return viaText.Count == 0 ? null : text.Substring(viaText[0].Start, viaText[0].Length);
    }

    [Theory]
    [InlineData("plan d'action", "Le plan d’action national", "plan d’action")]
    [InlineData("plan d’action", "Le plan d'action national", "plan d'action")]
    [InlineData("plan d'action", "Le plan dʼaction national", "plan dʼaction")]
    [InlineData("droits de l'homme", "les droits de l’homme", "droits de l’homme")]
    [InlineData("citizens' rights", "citizens’ rights", "citizens’ rights")]
    public void Apostrophes_are_one(string term, string text, string expected) => Assert.Equal(expected, Find(term, text));

    [Theory]
    [InlineData("sécurité", "la securite des systemes", "securite")]
    [InlineData("securite", "la sécurité des systèmes", "sécurité")]
    [InlineData("sécurité", "LA SÉCURITÉ", "SÉCURITÉ")]
    [InlineData("gestión de riesgos", "la gestion de riesgos", "gestion de riesgos")]
    [InlineData("niñas", "mujeres y ninas", "ninas")]
    [InlineData("évaluat*", "une evaluation annuelle", "evaluation")]
    [InlineData("evaluat*", "une Évaluation annuelle", "Évaluation")]
    [InlineData("infraestructura crítica", "las infraestructuras criticas", "infraestructuras criticas")]
    public void Accents_are_matched_tolerantly(string term, string text, string expected) => Assert.Equal(expected, Find(term, text));

    [Theory]
    [InlineData("cyber-security", "cyber\u2010security", "cyber\u2010security")]
    [InlineData("cyber-security", "cyber\u2011security", "cyber\u2011security")]
    [InlineData("cyber-security", "cyber\u2013security", "cyber\u2013security")]
    [InlineData("incident response", "incident\u2010response", "incident\u2010response")]
    public void Unicode_hyphens_and_a_joining_en_dash_separate_words(string term, string text, string expected) => Assert.Equal(expected, Find(term, text));

    [Theory]
    [InlineData("risk management", "risk \u2013 management")]
    [InlineData("risk management", "risk\u2014management")]
    [InlineData("œuvre", "oeuvre")]
    [InlineData("sécurité", "sécuritaire")]
    public void A_spaced_dash_and_other_letters_do_not_match(string term, string text) => Assert.Null(Find(term, text));

    [Fact]
    public void Folding_keeps_case_insensitivity_and_orders_consistently_for_prefix_lookups()
    {
        Assert.True(WordChars.FoldedEquals("Évaluation", "EVALUATION"));
        Assert.Equal(WordChars.FoldedHash("Évaluation"), WordChars.FoldedHash("evaluation"));
        Assert.Equal(0, WordChars.FoldedCompare("éva", "EVA"));
        Assert.True(WordChars.FoldedCompare("eva", "evaluation") < 0);
        Assert.Equal('Œ', WordChars.Fold('œ'));
        Assert.Equal('N', WordChars.Fold('ñ'));
        Assert.Equal('\'', WordChars.Fold('\u2019'));
        Assert.Equal('e', WordChars.BaseLetter('é'));
        Assert.Equal('E', WordChars.BaseLetter('É'));
        Assert.Equal('œ', WordChars.BaseLetter('œ'));
    }

    [Fact]
    public void The_word_index_finds_every_spelling_of_a_word_and_every_word_of_a_prefix()
    {
        const string text = "Sécurité, securite, SECURITE et sécuriser.";
        var index = new WordIndex(text, [new TextSpan(0, text.Length)]);

        Assert.Equal(3, index.Occurrences("securite").Length);
        Assert.Equal(4, index.OccurrencesOfPrefix("sécur").Count());
    }
}
