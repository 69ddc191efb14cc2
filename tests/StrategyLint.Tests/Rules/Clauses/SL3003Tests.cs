using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3003Tests
{
    [Fact]
    public void ThreatAssessmentOnly_IsNotAnEvaluationClause() => RuleVerifier.Verify("SL3003", """
        {|SL3003:# National Cybersecurity Strategy of Examplia|}

        ## Situational awareness

        The National CERT will publish an annual threat assessment and share it with operators of critical infrastructure. Each ministry will carry out a risk assessment of its networks.
        """);

    [Fact]
    public void ReviewOfAnotherLaw_IsNotAnEvaluationClause() => RuleVerifier.Verify("SL3003", """
        {|SL3003:# National Cybersecurity Strategy of Examplia|}

        ## Legal framework

        The Electronic Transactions Act 2012 will be reviewed to bring it in line with the Budapest Convention.
        """);

    [Fact]
    public void MonitoringAndEvaluationSection_IsClean() => RuleVerifier.Verify("SL3003", """
        # National Cybersecurity Strategy of Examplia

        ## Monitoring and evaluation

        The Cybersecurity Secretariat tracks each action against its target date.
        """);

    [Fact]
    public void ProgressReportedAnnuallyToParliament_IsClean() => RuleVerifier.Verify("SL3003", """
        # National Cybersecurity Strategy of Examplia

        ## Governance

        The National Cybersecurity Council oversees the strategy. Progress will be reported annually to Parliament.
        """);

    [Fact]
    public void KeyPerformanceIndicators_AreClean() => RuleVerifier.Verify("SL3003", """
        # National Cybersecurity Strategy of Examplia

        ## Implementation

        Each objective has key performance indicators, and a mid-term review will take place in 2027.
        """);

    [Fact]
    public void CommitmentInTheForeword_Counts() => RuleVerifier.Verify("SL3003", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        I will personally report back to Cabinet each year on what this strategy has achieved.
        """);

    [Fact]
    public void NegatedMention_DoesNotCount() => RuleVerifier.Verify("SL3003", """
        {|SL3003:# National Cybersecurity Strategy of Examplia|}

        ## Current situation

        There is currently no monitoring and evaluation framework for cybersecurity policy.
        """);

    [Fact]
    public void AbbreviationInTheGlossary_DoesNotCount() => RuleVerifier.Verify("SL3003", """
        {|SL3003:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Examplia will establish a national CSIRT by 2026.

        ## Abbreviations

        M&E: monitoring and evaluation. CSIRT: computer security incident response team.
        """);

    [Fact]
    public void ReportsFromTheCert_AreNotProgressReports() => RuleVerifier.Verify("SL3003", """
        {|SL3003:# National Cybersecurity Strategy of Examplia|}

        ## Incident response

        The Council will receive reports from the National CERT each year on major incidents.
        """);

    // A threat evaluation is not an evaluation of the strategy (rule description, LABELS.md). SL3004 lists
    // "threat evaluation*" as risk vocabulary, but SL3003's heading "evaluation" has no matching exclusion.
    [Fact]
    public void ThreatEvaluationHeading_IsNotAnEvaluationSection() => RuleVerifier.Verify("SL3003", """
        {|SL3003:# National Cybersecurity Strategy of Examplia|}

        ## Threat evaluation

        The National CERT will publish an annual threat assessment for operators of critical infrastructure.
        """);

    [Fact]
    public void Message_NamesTheFrameworkAndHowToSatisfy()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Situational awareness\n\nThe CERT will publish an annual threat assessment.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3003", text));

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.StartsWith("The draft says nothing about monitoring and evaluating the strategy's own effectiveness.", finding.Message);
        Assert.Contains("Nothing in the draft addresses it.", finding.Message);
        Assert.Contains("lifecycle phase V", finding.Message);
        Assert.Contains("To satisfy this rule, add a monitoring and evaluation section", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Contains("ENISA evaluation framework", finding.Properties["framework"]);
        Assert.Contains("monitoring and evaluation", finding.Properties["searchedTerms"]);
    }
}
