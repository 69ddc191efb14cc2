using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;
using StrategyLint.Packs;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Packs;

/// <summary>
/// The shipped packs in French and Spanish (issue 14, item 1): every term list and fix exists in both, a draft in
/// either language is judged with its own vocabulary (inflected forms included), and --fix scaffolds in the draft's
/// language with a placeholder that never counts as content.
/// </summary>
public sealed class LocalizedPackTests
{
    private static string Rules => Path.Combine(TestPaths.RepositoryRoot, "rules");

    private static readonly string[] TermFields = ["headings", "terms", "exclude", "together", "sections", "if", "then"];

    /// <summary>The French example of quality-lessons.md §1.1 (the text as given there, apostrophes included).</summary>
    private const string FrenchExample = """
        # Stratégie nationale de cybersécurité du Norland

        ## Axe 3 : Confiance numérique

        L'État veillera au respect des libertés fondamentales des usagers et mettra en place, d'ici 2026, un dispositif
        national de réponse aux incidents. Un comité de pilotage rendra compte chaque année de l'avancement de la
        stratégie, sur la base d'indicateurs de suivi.
        """;

    /// <summary>The same commitments written in Spanish for this test.</summary>
    private const string SpanishExample = """
        # Estrategia nacional de ciberseguridad de Norland

        ## Eje 3: Confianza digital

        El Estado velará por el respeto de las libertades fundamentales de los usuarios y pondrá en marcha, antes de 2026,
        un equipo nacional de respuesta a incidentes. Un comité de seguimiento informará cada año del avance de la
        estrategia, con indicadores de desempeño.
        """;

    private static string InLanguage(string language, string text) => $"---\nlanguage: {language}\n---\n{text}";

    [Theory]
    [InlineData("SL3001")]
    [InlineData("SL2003")]
    [InlineData("SL3003")]
    public void The_french_example_covers_human_rights_preparedness_and_evaluation_when_read_as_french(string id)
    {
        Assert.Empty(RuleVerifier.Run(id, InLanguage("fr", FrenchExample)));
        // Read with the English vocabulary, the same text covers none of them: the French terms are what count.
        Assert.Single(RuleVerifier.Run(id, InLanguage("en", FrenchExample)), f => f.Id == id);
    }

    [Theory]
    [InlineData("SL3001")]
    [InlineData("SL2003")]
    [InlineData("SL3003")]
    public void The_spanish_example_covers_human_rights_preparedness_and_evaluation_when_read_as_spanish(string id)
    {
        Assert.Empty(RuleVerifier.Run(id, InLanguage("es", SpanishExample)));
        Assert.Single(RuleVerifier.Run(id, InLanguage("en", SpanishExample)), f => f.Id == id);
    }

    /// <summary>Plurals the English inflection cannot make (-aux, agreement of an adjective) are listed explicitly.</summary>
    [Theory]
    [InlineData("SL3001", "fr", "La stratégie protégera les droits fondamentaux des usagers.")]
    [InlineData("SL3001", "fr", "Chaque mesure respectera les libertés individuelles.")]
    [InlineData("SL3001", "es", "Cada medida respetará las libertades públicas.")]
    [InlineData("SL3002", "fr", "La stratégie visera la parité dans les nouvelles filières.")]
    [InlineData("SL3002", "es", "Un programa acompañará a las niñas en las carreras digitales.")]
    [InlineData("SL3003", "fr", "Des tableaux de bord seront publiés chaque trimestre.")]
    [InlineData("SL3003", "es", "Los indicadores de desempeño se publicarán cada trimestre.")]
    public void Inflected_forms_count(string id, string language, string sentence) =>
        Assert.Empty(RuleVerifier.Run(id, InLanguage(language, $"# Norland\n\n## Engagements\n\n{sentence}\n")));

    [Theory]
    [InlineData("fr", "La protection de la vie privée et des données personnelles sera renforcée.")]
    [InlineData("es", "Se reforzará la privacidad y la protección de los datos personales.")]
    public void Privacy_alone_is_not_a_human_rights_clause(string language, string sentence) =>
        Assert.Single(RuleVerifier.Run("SL3001", InLanguage(language, $"# Norland\n\n## Engagements\n\n{sentence}\n")));

    [Theory]
    [InlineData("fr", "Ce genre de fraude touche les personnes âgées ; l'inclusion numérique sera pilotée avec le Ministère de la Femme.")]
    [InlineData("es", "Todo género de estafas afecta a los mayores; la inclusión digital se coordinará con el Ministerio de la Mujer.")]
    public void Kind_of_digital_inclusion_and_ministry_names_are_not_gender(string language, string sentence) =>
        Assert.Single(RuleVerifier.Run("SL3002", InLanguage(language, $"# Norland\n\n## Engagements\n\n{sentence}\n")));

    [Theory]
    [InlineData("en", "## Governance\n\n_To be drafted:_ ")]
    [InlineData("fr", "## Gouvernance\n\n_À rédiger :_ ")]
    [InlineData("es", "## Gobernanza\n\n_Por redactar:_ ")]
    public void The_fix_scaffolds_in_the_drafts_language_and_the_scaffold_does_not_cover_the_area(string language, string scaffold)
    {
        var draft = InLanguage(language, "# Norland\n\n## Vision\n\nNorland veut un cyberespace sûr.\n");
        var finding = Assert.Single(RuleVerifier.Run("SL2001", draft));
        var change = Assert.Single(finding.Fix!.Changes);
        Assert.StartsWith("\n" + scaffold, change.NewText, StringComparison.Ordinal);

        var fixedDraft = SourceText.From(draft).WithChanges(change).ToString();
        var after = Assert.Single(RuleVerifier.Run("SL2001", fixedDraft));
        Assert.Null(after.Fix);
        Assert.Contains("holds only a placeholder", after.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_term_list_has_french_and_spanish_beside_the_english()
    {
        foreach (var file in Directory.GetFiles(Rules, "SL*.json", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}")))
        {
            var rule = JObject.Parse(File.ReadAllText(file));
            foreach (var field in TermFields.Where(f => rule[f] is not null))
            {
                var byLanguage = Assert.IsType<JObject>(rule[field]);
                foreach (var language in new[] { "fr", "es" })
                    Assert.True(byLanguage[language] is JArray { Count: > 0 }, $"{Path.GetFileName(file)}: '{field}' has no '{language}' terms.");
            }
            if (rule["fix"] is JObject fix)
            {
                foreach (var language in new[] { "fr", "es" })
                    Assert.True(fix[language]?["text"] is not null, $"{Path.GetFileName(file)}: the fix has no '{language}' text.");
            }
        }
    }

    [Fact]
    public void Every_shipped_fix_heading_matches_the_headings_of_its_language()
    {
        foreach (var folder in Directory.GetDirectories(Rules).Where(d => File.Exists(Path.Combine(d, "pack.json"))))
        {
            var load = PackFolder.Load(folder, Path.GetFileName(folder), allowReservedIds: _ => true);
            Assert.Empty(load.Problems);
        }
    }

    [Theory]
    [InlineData("_À rédiger :_ Décrivez le dispositif.")]
    [InlineData("_Por redactar:_ Describa el mecanismo.")]
    public void French_and_spanish_placeholders_are_not_prose(string placeholder)
    {
        var findings = RuleVerifier.Run("SL3001", InLanguage("fr", $"# Norland\n\n## Droits de l'homme\n\n{placeholder} Respect des droits de l'homme.\n"));
        Assert.Single(findings);
    }
}
