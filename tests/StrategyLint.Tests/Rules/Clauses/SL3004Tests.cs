using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3004Tests
{
    [Fact]
    public void AnnualThreatAssessmentWithoutEvaluationClause_IsReportedOnTheSentence() => RuleVerifier.Verify("SL3004", """
        # National Cybersecurity Strategy of Examplia

        ## Situational awareness

        {|SL3004:The National CERT will publish an annual threat assessment.|} Operators of critical infrastructure will use it to set their priorities.
        """);

    [Fact]
    public void ThreatAssessmentWithAMonitoringAndEvaluationClause_IsClean() => RuleVerifier.Verify("SL3004", """
        # National Cybersecurity Strategy of Examplia

        ## Situational awareness

        The National CERT will publish an annual threat assessment. Operators of critical infrastructure will use it to set their priorities.

        ## Monitoring and evaluation

        The Cybersecurity Secretariat will track progress against the indicators in Annex A and publish an annual progress report.
        """);

    [Fact]
    public void ProgressReportedToParliament_IsAnEvaluationClause() => RuleVerifier.Verify("SL3004", """
        # National Cybersecurity Strategy of Examplia

        ## Risk management

        Every ministry will carry out a risk assessment of its networks by 2026.

        ## Governance

        Progress will be reported annually to Parliament.
        """);

    [Fact]
    public void NoRiskOrThreatAssessment_IsClean() => RuleVerifier.Verify("SL3004", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Examplia will establish a national CSIRT and train 500 cybersecurity professionals by 2028.
        """);

    [Fact]
    public void OnlyTheFirstRiskEvaluationIsReported() => RuleVerifier.Verify("SL3004", """
        # National Cybersecurity Strategy of Examplia

        ## Risk management

        {|SL3004:Each operator of essential services will carry out a risk assessment every two years.|}

        ## Situational awareness

        The National CERT will publish an annual threat assessment.
        """);

    [Fact]
    public void NegatedAssessmentIsSkipped_AndTheNextOneIsReported() => RuleVerifier.Verify("SL3004", """
        # National Cybersecurity Strategy of Examplia

        ## Current situation

        Examplia has no national risk assessment today.

        ## Situational awareness

        {|SL3004:From 2026 the National CERT will publish a quarterly threat report.|}
        """);

    [Fact]
    public void AssessmentOnlyInTheGlossary_IsClean() => RuleVerifier.Verify("SL3004", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Examplia will establish a national CSIRT by 2026.

        ## Glossary

        Threat assessment: a description of who may attack and how.
        """);

    [Fact]
    public void Message_QuotesTheSentence()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Situational awareness\n\nThe National CERT will publish an annual threat assessment. It informs operators.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3004", text));

        Assert.Equal("SL3004", finding.Id);
        Assert.Equal(5, finding.Line);
        Assert.StartsWith("'The National CERT will publish an annual threat assessment.' speaks of evaluation or assessment of threats or risks", finding.Message);
        Assert.Contains("ITU NCS Guide, lifecycle phase V", finding.Message);
        Assert.Contains("To satisfy this rule", finding.Message);
    }

    [Fact]
    public void FrenchRiskAnalysisWithoutEvaluationClause_IsReportedOnTheSentence() => RuleVerifier.Verify("SL3004", """
        ---
        language: fr
        ---
        # Stratégie nationale de cybersécurité de Norlande

        ## Gestion des risques

        {|SL3004:Chaque ministère conduira une analyse des risques de ses systèmes avant 2027.|}
        """);

    [Fact]
    public void SpanishThreatAssessmentWithoutEvaluationClause_IsReportedOnTheSentence() => RuleVerifier.Verify("SL3004", """
        ---
        language: es
        ---
        # Estrategia Nacional de Ciberseguridad de Norlandia

        ## Conciencia situacional

        {|SL3004:El CERT nacional publicará cada año una evaluación de amenazas.|}
        """);

    // The English phrase in a French draft is not looked for: each language reads its own vocabulary.
    [Fact]
    public void FrenchDraftWithoutRiskWording_IsClean() => RuleVerifier.Verify("SL3004", """
        ---
        language: fr
        ---
        # Stratégie nationale de cybersécurité de Norlande

        ## Objectifs

        L’État créera un centre national de réponse aux incidents d’ici 2026.
        """);
}
