using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3008Tests
{
    [Fact]
    public void CivilSocietyAndPrivateSector_AreClean() => RuleVerifier.Verify("SL3008", """
        # National Cybersecurity Strategy of Examplia

        ## Governance

        The National Cybersecurity Council will include representatives of civil society and the private sector, who will help implement each pillar.
        """);

    [Fact]
    public void GovernmentOnly_IsReportedOnTheTitle() => RuleVerifier.Verify("SL3008", """
        {|SL3008:# National Cybersecurity Strategy of Examplia|}

        ## Governance

        The Ministry of ICT leads the strategy. The National CERT and the Police Service implement it.
        """);

    [Fact]
    public void GovernmentOnly_IsInfo_AndTheMessageSaysNothingAddressesIt()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Governance\n\nThe Ministry of ICT leads the strategy.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3008", text));

        Assert.Equal("SL3008", finding.Id);
        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.StartsWith("The draft does not involve stakeholders beyond government.", finding.Message);
        Assert.Contains("Nothing in the draft addresses it.", finding.Message);
        Assert.Contains("principle 4.3 (inclusiveness)", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Contains("civil society", finding.Properties["searchedTerms"]);
    }

    [Fact]
    public void OneMentionIsNotEnough() => RuleVerifier.Verify("SL3008", """
        {|SL3008:# National Cybersecurity Strategy of Examplia|}

        ## Critical infrastructure

        The Ministry of ICT will publish security guidelines for the private sector.
        """);

    [Fact]
    public void PartnershipsHeading_IsClean() => RuleVerifier.Verify("SL3008", """
        # National Cybersecurity Strategy of Examplia

        ## Public-private partnerships

        Operators of essential services will share threat information with the National CERT.
        """);

    [Fact]
    public void AcademiaAndUniversities_AreClean() => RuleVerifier.Verify("SL3008", """
        # National Cybersecurity Strategy of Examplia

        ## Skills

        The Ministry of Education will work with academia to design curricula, and universities will host two new research centres.
        """);

    [Fact]
    public void MentionsOnlyInTheGlossary_DoNotCount() => RuleVerifier.Verify("SL3008", """
        {|SL3008:# National Cybersecurity Strategy of Examplia|}

        ## Governance

        The Ministry of ICT leads the strategy.

        ## Abbreviations

        NGO: non-governmental organisation. PPP: public-private partnership.
        """);
}
