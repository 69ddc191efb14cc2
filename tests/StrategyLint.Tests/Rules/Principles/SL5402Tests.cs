using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5402Tests
{
    [Fact]
    public void ThreatLandscapeAndThreatAssessment_AreNotStocktaking() => RuleVerifier.Verify("SL5402", """
        {|SL5402:# National Cybersecurity Strategy of Examplia|}

        ## Threat landscape

        Ransomware and phishing are the main threats. A threat assessment by the CSIRT shows that attacks doubled in 2024. An assessment of the current threat picture is published every year.

        ## Businesses

        Organisations decide where to invest based on a cost-benefit assessment.
        """);

    [Fact]
    public void MaturityReviewFindings_AreClean() => RuleVerifier.Verify("SL5402", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        A CMM review in 2024 found major gaps in incident response and in the protection of essential services.
        """);

    [Fact]
    public void WhereWeStandHeading_IsClean() => RuleVerifier.Verify("SL5402", """
        # National Cybersecurity Strategy of Examplia

        ## Where we stand

        Examplia has a CSIRT but no cybercrime law and few trained specialists.
        """);

    [Fact]
    public void StrategyBuiltOnAReview_IsClean() => RuleVerifier.Verify("SL5402", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        The measures in this strategy are based on a review of the country's cybersecurity capabilities carried out in 2024.
        """);
}
