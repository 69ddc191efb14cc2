using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.FocusAreas;

/// <summary>SL2007: focus area 7, international cooperation (rules/itu-focus-areas/SL2007.json).</summary>
public sealed class SL2007Tests
{
    [Fact]
    public void DraftWithoutInternationalCooperation_IsReportedOnTheTitle() => RuleVerifier.Verify("SL2007", """
        {|SL2007:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        A digital Examplia where citizens and businesses can trust the services they use.

        ## Objectives

        The Cybersecurity Council will lead the strategy. Every ministry will encrypt the sensitive records it holds,
        and the national CSIRT will handle serious incidents affecting public bodies.
        """);

    [Theory]
    [InlineData("International cooperation")]
    [InlineData("International co-operation")]
    [InlineData("Global responsibility and influence")]
    [InlineData("Regional cooperation")]
    [InlineData("Cyber diplomacy")]
    public void SectionOfItsOwn_IsClean(string heading) => RuleVerifier.Verify("SL2007", $"""
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## {heading}

        The Ministry of Foreign Affairs will appoint a cyber envoy in 2026.
        """);

    [Fact]
    public void CooperationObjective_IsClean() => RuleVerifier.Verify("SL2007", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        ### Objective 6: Working with partners abroad

        We will deepen bilateral cooperation with our neighbours on cybercrime investigations.
        Examplia will accede to the Budapest Convention by 2026 and sign its Second Additional Protocol.
        """);

    [Fact]
    public void MutualLegalAssistanceAndNorms_AreClean() => RuleVerifier.Verify("SL2007", """
        # National Cybersecurity Strategy of Examplia

        ## Actions

        - Answer requests for mutual legal assistance within 30 days.
        - Promote the United Nations norms of responsible state behaviour in regional forums.
        """);

    [Fact]
    public void MentionOnlyInAnAppendage_IsReported() => RuleVerifier.Verify("SL2007", """
        {|SL2007:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds, following advice from international partners.
        """);

    [Fact]
    public void InternationalOnlyInStatistics_IsReported() => RuleVerifier.Verify("SL2007", """
        {|SL2007:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Forty per cent of the attacks on Examplian banks in 2023 came from international sources, and international
        card fraud cost retailers 12 million dollars. Every ministry will encrypt the sensitive records it holds.
        """);

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Threat landscape")]
    [InlineData("Background")]
    [InlineData("Statistics")]
    public void MentionsOnlyInBackground_AreReported(string heading) => RuleVerifier.Verify("SL2007", $$"""
        {|SL2007:# National Cybersecurity Strategy of Examplia|}

        ## {{heading}}

        The United Nations counts Examplia among the ten most attacked economies in the region, and bilateral
        trade with its neighbours is increasingly online.

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void MentionsOnlyInReferences_AreReported() => RuleVerifier.Verify("SL2007", """
        {|SL2007:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## References

        Council of Europe (2001). Convention on Cybercrime (Budapest Convention). ETS No. 185.

        United Nations (2021). Report of the Open-ended Working Group.
        """);

    [Fact]
    public void NegatedMentions_DoNotCount() => RuleVerifier.Verify("SL2007", """
        {|SL2007:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Examplia is not a party to the Budapest Convention and has no bilateral agreements on cybercrime.
        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void Message_NamesTheAreaTheFrameworkAndTheFix()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2007", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            Every ministry will encrypt the sensitive records it holds.
            """));
        Assert.Contains("no commitment on international cooperation", finding.Message);
        Assert.Contains("ITU NCS Guide (2021), focus area 7", finding.Message);
        Assert.Contains("To satisfy this rule", finding.Message);
        Assert.Contains("Budapest Convention", finding.Message);
        Assert.Equal("ITU NCS Guide (2021), focus area 7: International cooperation", finding.Properties!["framework"]);
        Assert.Contains("mutual legal assistance", finding.Properties["searchedTerms"]);
    }

    [Fact]
    public void NotOnForAnotherProfile() => RuleVerifier.Verify("SL2007", """
        # Cybersecurity Capacity Building Plan for Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.
        """, profile: "capacity-building-plan");
}
