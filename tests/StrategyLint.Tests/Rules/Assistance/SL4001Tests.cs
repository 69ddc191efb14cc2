using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Assistance;

public sealed class SL4001Tests
{
    private const string TenItems = """
        - Drafting of cybercrime legislation
        - Training for the national CSIRT
        - Digital forensics laboratory equipment
        - Courses for prosecutors on electronic evidence
        - Cyber hygiene awareness campaigns
        - Secure configuration of government networks
        - Incident response exercises
        - Support to the national cyber policy unit
        - Scholarships for cybersecurity degrees
        - Protection of critical information infrastructure
        """;

    [Fact]
    public void TenFixedCategoriesUnderTechnicalAssistance_AreReportedOnTheList() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        Nordland will provide the following assistance to Examplia:

        {|SL4001:{{TenItems}}|}
        """);

    [Fact]
    public void ReviewAndNeedsAssessmentNextToTheList_IsClean() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        Nordland will provide the following assistance to Examplia:

        {{TenItems}}

        The list will be reviewed annually with partner countries after a needs assessment.
        """);

    [Fact]
    public void ReviewInAnotherSubsectionOfTheSameChapter_IsClean() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        ### Areas of support

        {{TenItems}}

        ### Keeping the list current

        The joint steering committee will update the list as needs evolve.
        """);

    // The mechanism must be about the list: a review of projects in another chapter does not keep the catalogue current.
    [Fact]
    public void ReviewElsewhereInTheSamePlan_DoesNotCount() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Monitoring and evaluation

        Projects will be reviewed annually by the steering committee.

        ## Technical assistance

        {|SL4001:{{TenItems}}|}
        """);

    // Near the list: anywhere in the section that offers the assistance, its subsections included.
    [Fact]
    public void ReviewInASubsectionOfTheAssistanceSection_Counts() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {{TenItems}}

        ### Keeping the offer current

        The list will be reviewed annually with each partner country.
        """);

    // A review promised in another part of the document does not count either.
    [Fact]
    public void ReviewInAnotherPartOfTheDocument_DoesNotCount() => RuleVerifier.Verify("SL4001", $$"""
        # Part I: Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:{{TenItems}}|}

        # Part II: Examplia digital government programme

        ## Monitoring and evaluation

        Projects will be reviewed annually by the steering committee.
        """);

    [Fact]
    public void NegatedMechanism_DoesNotCount() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        The programme was designed without a needs assessment. Nordland will provide:

        {|SL4001:{{TenItems}}|}
        """);

    // The brief and the rule's docs put the finding on the list, from the first '-' to the end of the last
    // item's text. A list followed by a blank line and more text must not swallow the line break after it.
    [Fact]
    public void ListFollowedByMoreText_FindingEndsAtTheLastItem() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:{{TenItems}}|}

        Nordland will fund each activity from its development budget.
        """);

    [Fact]
    public void SevenItems_AreBelowTheThreshold() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        - Drafting of cybercrime legislation
        - Training for the national CSIRT
        - Digital forensics laboratory equipment
        - Courses for prosecutors on electronic evidence
        - Cyber hygiene awareness campaigns
        - Secure configuration of government networks
        - Incident response exercises
        """);

    [Fact]
    public void EightItems_AreAtTheThreshold() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:- Drafting of cybercrime legislation
        - Training for the national CSIRT
        - Digital forensics laboratory equipment
        - Courses for prosecutors on electronic evidence
        - Cyber hygiene awareness campaigns
        - Secure configuration of government networks
        - Incident response exercises
        - Support to the national cyber policy unit|}
        """);

    // One enumeration level is counted: three entries and a sub-list of five are not a catalogue of eight.
    [Fact]
    public void NestedEnumerationOfThreePlusFive_IsNotSummed() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        - Training for the national CSIRT
        - Support for the cybercrime unit, covering:
          - digital forensics equipment
          - courses on electronic evidence
          - mutual legal assistance procedures
          - open-source intelligence tools
          - case management software
        - Scholarships for cybersecurity degrees
        """);

    // A catalogue grouped under headings counts its entries, the level with the most topic items.
    [Fact]
    public void CatalogueGroupedUnderThreeHeadings_CountsItsNineEntries() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:- Legal support
          - drafting of cybercrime legislation
          - review of data protection rules
          - guidance on electronic evidence
        - Technical support
          - forensics laboratory equipment
          - secure government email
          - incident response tooling
        - Training
          - courses for prosecutors
          - courses for judges
          - cyber hygiene for civil servants|}
        """);

    // Quality lessons 1.7: nested statutory duties are obligations, not a catalogue of assistance; a generic
    // "upon request" in an unrelated article does not matter either way.
    [Fact]
    public void NestedStatutoryDuties_AreNotACatalogue() => RuleVerifier.Verify("SL4001", """
        # Regional Cyber Skills Act

        ## Sec. 3. Technical assistance to municipalities

        - (1) The Skills Board
          - (A) shall publish calls for applications each spring;
          - (B) shall fund technical assistance for selected towns;
          - (C) shall report the results to the legislature;
          - (D) may delegate the scoring of applications to a panel;
          - (E) shall keep a register of grants;
          - (F) may recover funds that were misused;
          - (G) shall consult the association of towns;
          - (H) must publish its accounts;
          - (I) may issue guidance.

        ## Sec. 9. Records

        Copies of decisions are available upon request.
        """);

    // The example of quality-lessons.md §1.7, as written there, under an assistance heading: not a catalogue.
    [Fact]
    public void QualityLessonsStatutoryDuties_AreNotFlagged() => RuleVerifier.Verify("SL4001", """
        # Norland Municipal Cyber Support Act

        ## Technical assistance

        ## (b) Support

        - (1) The Board
          - (A) shall issue calls for proposals twice a year;
          - (B) shall fund training and technical assistance for selected municipalities;
          - (C) shall publish the results;
          - (D) may delegate scoring to a panel.
        """, profile: "capacity-building-plan");

    [Fact]
    public void InfinitiveGoalItems_AreNotACatalogue() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        The partners will:

        - To enhance cooperation with neighbouring states;
        - To provide technical assistance to partner countries;
        - To encourage financial institutions to join;
        - To support training programmes;
        - To develop joint exercises;
        - To share threat information;
        - To fund equipment;
        - To exchange experts.
        """);

    // A mechanism in the sentence that introduces the list counts.
    [Fact]
    public void ReviewInTheLeadInSentence_IsClean() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Areas of cooperation

        Technical assistance covers the following areas, and this list shall be reviewed every two years:

        {{TenItems}}
        """);

    [Fact]
    public void FrenchCatalogueWithoutReview_IsReported() => RuleVerifier.Verify("SL4001", """
        ---
        language: fr
        ---
        # Programme de partenariat cyber 2025-2027

        ## Assistance technique

        {|SL4001:- Rédaction de la législation sur la cybercriminalité
        - Formation de l’équipe nationale CSIRT
        - Équipement d’un laboratoire de criminalistique
        - Cours pour les procureurs sur la preuve électronique
        - Campagnes de sensibilisation
        - Configuration sécurisée des réseaux publics
        - Exercices de réponse aux incidents
        - Bourses pour des diplômes en cybersécurité|}
        """);

    [Fact]
    public void FrenchCatalogueWithNeedsAssessment_IsClean() => RuleVerifier.Verify("SL4001", """
        ---
        language: fr
        ---
        # Programme de partenariat cyber 2025-2027

        ## Assistance technique

        - Rédaction de la législation sur la cybercriminalité
        - Formation de l’équipe nationale CSIRT
        - Équipement d’un laboratoire de criminalistique
        - Cours pour les procureurs sur la preuve électronique
        - Campagnes de sensibilisation
        - Configuration sécurisée des réseaux publics
        - Exercices de réponse aux incidents
        - Bourses pour des diplômes en cybersécurité

        Chaque domaine fera l’objet d’une évaluation des besoins avec le pays partenaire.
        """);

    [Fact]
    public void SpanishCatalogueWithoutReview_IsReported_AndWithPeriodicReview_IsClean()
    {
        const string list = """
            - Redacción de la ley de ciberdelincuencia
            - Formación del equipo nacional CSIRT
            - Equipamiento de un laboratorio forense
            - Cursos para fiscales sobre prueba electrónica
            - Campañas de concienciación
            - Configuración segura de las redes públicas
            - Ejercicios de respuesta a incidentes
            - Becas para estudios de ciberseguridad
            """;
        var head = "---\nlanguage: es\n---\n# Programa de cooperación cibernética 2025-2027\n\n## Asistencia técnica\n\n";
        Assert.Single(RuleVerifier.Run("SL4001", head + list.ReplaceLineEndings("\n") + "\n"));
        Assert.Empty(RuleVerifier.Run("SL4001", head + list.ReplaceLineEndings("\n") + "\n\nLa lista será objeto de una revisión periódica con cada país socio.\n"));
    }

    [Fact]
    public void ListLedInByAnAssistanceParagraph_IsInScope() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Areas of cooperation

        Technical assistance under the programme covers:

        {|SL4001:{{TenItems}}|}
        """);

    [Fact]
    public void LongListOutsideAssistanceSections_IsClean() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Objectives

        - A national CSIRT in operation
        - A modern cybercrime law
        - A protected critical information infrastructure
        - A secure government cloud
        - Trusted digital identity for all citizens
        - Faster incident reporting by banks
        - Safer online services for small businesses
        - A regional exchange of threat information
        - A national cyber exercise every year
        - A public register of critical operators
        """);

    [Fact]
    public void NationalStrategyProfile_DoesNotRunTheRule() => RuleVerifier.Verify("SL4001", $$"""
        # National Cybersecurity Strategy of Examplia

        ## Technical assistance

        {{TenItems}}
        """, profile: "national-cybersecurity-strategy");

    [Fact]
    public void Message_CountsTheItemsAndQuotesTheFirstThree()
    {
        var text = "# Examplia Cyber Partnership Programme\n\n## Technical assistance\n\n" + TenItems.ReplaceLineEndings("\n") + "\n";
        var finding = Assert.Single(RuleVerifier.Run("SL4001", text));

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal(5, finding.Line);
        Assert.StartsWith("A long, fixed list of technical-assistance categories has no mechanism to review or update it.", finding.Message);
        Assert.Contains("The list under 'Technical assistance' fixes 10 categories of assistance (starting 'Drafting of cybercrime legislation'; 'Training for the national CSIRT'; 'Digital forensics laboratory equipment')", finding.Message);
        Assert.Contains("To satisfy this rule, add, next to the list, how it is kept current", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Equal("10", finding.Properties["items"]);
        Assert.Equal("static-list", finding.Properties["kind"]);
        Assert.Contains("UN OEWG final report (2021), para. 56", finding.Properties["framework"]);
        Assert.Contains("needs assessment*", finding.Properties["searchedMechanisms"]);
    }
}
