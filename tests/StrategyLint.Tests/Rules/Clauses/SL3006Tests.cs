using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3006Tests
{
    [Fact]
    public void NoPlanAtAll_IsReportedOnTheTitle() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        A secure and resilient cyberspace for every Examplian.

        ## Objectives

        Examplia will protect its critical information infrastructure and grow its cybersecurity workforce.
        """);

    [Fact]
    public void PromiseOfASeparatePlan_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Governance

        The National Cybersecurity Council coordinates the strategy. The action plan will be published separately.
        """);

    [Fact]
    public void ImplementationSectionPointingToASeparatePlan_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Implementation

        An action plan naming lead agencies will be published separately after the strategy is adopted.
        """);

    [Fact]
    public void PipeTableWithLeadAgencyAndTimeline_IsClean() => RuleVerifier.Verify("SL3006", """
        # National Cybersecurity Strategy of Examplia

        ## Priority actions

        | Action | Lead agency | Timeline |
        |---|---|---|
        | Establish the national CSIRT | Ministry of ICT | Q2 2026 |
        | Adopt the Cybercrime Bill | Ministry of Justice | Q4 2026 |
        """);

    [Fact]
    public void EmptyTemplateTable_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Priority actions

        | Action | Lead agency | Timeline |
        |---|---|---|
        """);

    [Fact]
    public void TemplateTableWithBlankRows_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Priority actions

        | Action | Lead agency | Timeline |
        |---|---|---|
        |  |  |  |
        |  |  |  |
        """);

    [Fact]
    public void ActionPlanSectionWithLeadAgenciesAndDatesInLists_IsClean() => RuleVerifier.Verify("SL3006", """
        # National Cybersecurity Strategy of Examplia

        ## Action plan

        - Establish the national CSIRT. Lead agency: Ministry of ICT. By the end of 2026.
        - Adopt the Cybercrime Bill. Lead agency: Ministry of Justice. By June 2027.
        - Launch a national awareness campaign. Lead agency: National Cybersecurity Authority. Start date: January 2026.
        """);

    [Fact]
    public void GoalsListedWithoutOwnersOrDates_AreStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Action plan

        - Establish a national CSIRT.
        - Adopt a modern cybercrime law.
        - Raise awareness among citizens and small businesses.
        """);

    [Fact]
    public void NoPlan_MessageSaysNoSectionOrTable()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Vision\n\nA secure cyberspace.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3006", text));

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal(1, finding.Line);
        Assert.StartsWith("The draft has no action plan: no section or table sets out actions with lead agencies or dates.", finding.Message);
        Assert.Contains("ITU NCS Guide, lifecycle phase IV", finding.Message);
        Assert.Contains("a table with the columns Action, Lead agency, Timeline and Funding", finding.Message);
    }

    [Fact]
    public void ThinPlanSection_MessageNamesTheSection()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Implementation\n\nThe action plan will be published separately.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3006", text));

        Assert.Contains("the section 'Implementation' names too few owners or dates (0) to be a plan, or points to a separate document.", finding.Message);
    }

    // Flattened tables: a header line of column names, then rows with an agency and a period each, under any heading.
    [Fact]
    public void FlattenedTableUnderAnAnnex_IsClean() => RuleVerifier.Verify("SL3006", """
        # Cyber Resilience Strategy of Ostrava Bay

        ## Annex C: Priority activities

        Activity Lead body Timeframe

        Stand up a shared security operations centre DSA 2026 - 2027

        Issue minimum controls for municipal systems Interior Ministry, DSA 2027

        Train procurement officers in secure purchasing Civil Service College Medium term
        """);

    [Fact]
    public void FlattenedTableRowsAsListItemsUnderAnyHeading_IsClean() => RuleVerifier.Verify("SL3006", """
        # Cyber Resilience Strategy of Ostrava Bay

        ## Pillar 2: Safer public services

        Initiative Who When

        - Move small agencies to the shared cloud Digital Service Agency Q3 2026
        - Publish a vulnerability disclosure policy National CERT 2026
        """);

    // A header line followed by statistics is not a plan: the rows describe no action.
    [Fact]
    public void HeaderLineFollowedByStatistics_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# Cyber Resilience Strategy of Ostrava Bay|}

        ## Incidents handled

        Year Agency Incidents

        2023 CERT 212

        2024 CERT 340
        """);

    // A reference list has agencies and years on every line, yet it is not a plan.
    [Fact]
    public void ReferenceListWithAgenciesAndYears_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# Cyber Resilience Strategy of Ostrava Bay|}

        ## Sources

        - Digital Service Agency (2021). Annual report on the state of public networks, https://example.org/a
        - Ministry of the Interior (2022). Review of police cyber units, https://example.org/b
        - National CERT (2023). Incident statistics for the year, https://example.org/c
        """);

    // Plan-title families and their plurals.
    [Theory]
    [InlineData("Implementation timelines")]
    [InlineData("Roadmaps by sector")]
    [InlineData("Logical framework")]
    [InlineData("Work programme 2026-2028")]
    [InlineData("Key actions")]
    [InlineData("3. Strategic initiatives")]
    public void PlanTitleFamiliesWithOwnerAndTimeStatements_AreClean(string title) => RuleVerifier.Verify("SL3006", $$"""
        # Cyber Resilience Strategy of Ostrava Bay

        ## {{title}}

        - Stand up a shared security operations centre. Lead agency: Digital Service Agency. Deadline: 2027.
        - Issue minimum controls for municipal systems. Responsible: Interior Ministry. Deadline: 2026.
        - Train procurement officers. Responsible: Civil Service College. By the end of 2028.
        """);

    // A generic family word inside a background title is not a plan title.
    [Fact]
    public void GenericWordInsideAnotherTitle_IsNotAPlanTitle() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# Cyber Resilience Strategy of Ostrava Bay|}

        ## Malicious activities seen since 2019

        - Ransomware hit two hospitals in 2021, the Health Board reported.
        - Phishing against the Tax Office rose in 2022.
        - Defacements of municipal sites peaked in 2023.
        """);

    // Owners as sentence subjects and group headings; one horizon for the whole plan.
    [Fact]
    public void OwnersAsSubjectsUnderAPlanWithOneHorizon_IsClean() => RuleVerifier.Verify("SL3006", """
        # Cyber Resilience Strategy of Ostrava Bay

        ## Action plan 2026-2030

        ### Actions by the public sector

        Consolidate data centres. The Digital Service Agency will move small agencies to the shared cloud.

        ### Actions by operators

        Report incidents. Energy and water operators will report significant incidents to the National CERT.

        ### Actions by universities

        Grow the workforce. Universities will open two new cybersecurity degrees.
        """);

    // Decree style: owner + deadline clauses spread through the text, numbers spelled out.
    [Fact]
    public void DecreeClausesWithOwnersAndDeadlines_AreClean() => RuleVerifier.Verify("SL3006", """
        # Decree No. 14 on the security of public networks

        ## Article 2

        The Minister of Communications shall, within ninety days of the entry into force of this Decree, adopt rules on incident notification.

        ## Article 5

        The National Cyber Office shall, within 12 months, publish a register of essential operators.
        """);

    [Fact]
    public void OneDeadlineClause_IsNotAPlan() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# Decree No. 14 on the security of public networks|}

        ## Article 2

        The Minister of Communications shall, within ninety days of the entry into force of this Decree, adopt rules on incident notification.
        """);

    [Fact]
    public void FrenchPlanWithResponsibleEntitiesAndDeadlines_IsClean() => RuleVerifier.Verify("SL3006", """
        ---
        language: fr
        ---
        # Stratégie nationale de cybersécurité de la République de Norlande

        ## Feuilles de route

        - Créer un centre national de veille. Structure responsable : Agence nationale du numérique. Échéance : 2027.
        - Adopter un référentiel de sécurité. Chef de file : ministère de l’Économie numérique. Échéance : court terme.
        - Former les agents publics. Porteur : École nationale d’administration. Délai : 2028.
        """);

    [Fact]
    public void FrenchDecreeClauses_AreClean() => RuleVerifier.Verify("SL3006", """
        ---
        language: fr
        ---
        # Décret relatif à la sécurité des réseaux publics

        ## Article 3

        Le ministre chargé du numérique soumet, dans un délai de six mois, un projet de règlement sur la notification des incidents.

        ## Article 4

        L’Agence nationale de cybersécurité publie, dans un délai de douze mois, la liste des opérateurs essentiels.
        """);

    [Fact]
    public void FrenchPromiseOfASeparatePlan_IsStillReported() => RuleVerifier.Verify("SL3006", """
        ---
        language: fr
        ---
        {|SL3006:# Stratégie nationale de cybersécurité de la République de Norlande|}

        ## Plan d’action

        Un plan d’action sera élaboré séparément par le comité de pilotage.
        """);

    [Fact]
    public void SpanishFlattenedTable_IsClean() => RuleVerifier.Verify("SL3006", """
        ---
        language: es
        ---
        # Estrategia Nacional de Ciberseguridad de Norlandia

        ## Anexo 1

        Medida Organismo responsable Plazo

        Crear el equipo nacional de respuesta a incidentes Agencia Digital 2026

        Aprobar la ley de ciberseguridad Ministerio de Justicia corto plazo

        Lanzar una campaña de concienciación Ministerio de Educación medio plazo
        """);

    [Fact]
    public void SpanishDecreeClauses_AreClean() => RuleVerifier.Verify("SL3006", """
        ---
        language: es
        ---
        # Decreto sobre la seguridad de las redes públicas

        ## Artículo 2

        El Ministerio de Comunicaciones deberá, en un plazo de seis meses, aprobar el reglamento de notificación de incidentes.

        ## Artículo 3

        La Autoridad Nacional de Ciberseguridad publicará, en un plazo de noventa días, el registro de operadores esenciales.
        """);

    [Fact]
    public void SpanishPlanSectionWithoutOwnersOrDates_IsStillReported() => RuleVerifier.Verify("SL3006", """
        ---
        language: es
        ---
        {|SL3006:# Estrategia Nacional de Ciberseguridad de Norlandia|}

        ## Hoja de ruta

        - Crear un equipo nacional de respuesta a incidentes.
        - Aprobar una ley moderna de ciberdelincuencia.
        - Sensibilizar a la ciudadanía.
        """);

    // The three examples of quality-lessons.md §1.2, as written there: each is an action plan.
    [Fact]
    public void QualityLessonsFlattenedTable_IsClean() => RuleVerifier.Verify("SL3006", """
        # Norland National Cybersecurity Strategy

        ## Annex 2: Priority measures

        Measure Responsible body Period

        Set up a national incident coordination desk NCO 2025 - 2026

        Publish baseline controls for ministries NCO/MDA 2025 - 2027

        Run a public awareness week MDA, Schools Board Short term
        """);

    [Fact]
    public void QualityLessonsOwnersAsSubjects_IsClean() => RuleVerifier.Verify("SL3006", """
        # Norland National Cybersecurity Strategy

        ## Action plan 2025-2029
        ### Actions by government
        Harden government networks. The Government will consolidate the hosting of small agencies' systems.
        ### Actions by industry
        Share threat data. Telecom operators will join the national sharing platform.
        """);

    [Fact]
    public void QualityLessonsDecree_IsClean() => RuleVerifier.Verify("SL3006", """
        # Norland Decree on Cybersecurity

        3. The Minister of Digital Affairs shall, within 60 days of this Decree, submit draft rules on incident reporting.
        4. The National Cyber Office shall, within six months, establish a sector liaison network.
        """);
}
