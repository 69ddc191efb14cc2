using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.FocusAreas;

/// <summary>SL2005: focus area 5, capability and capacity building and awareness raising (rules/itu-focus-areas/SL2005.json).</summary>
public sealed class SL2005Tests
{
    [Fact]
    public void DraftWithoutCapacityBuilding_IsReportedOnTheTitle() => RuleVerifier.Verify("SL2005", """
        {|SL2005:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        A digital Examplia where citizens and businesses can trust the services they use.

        ## Objectives

        The Cybersecurity Council will lead the strategy. Every ministry will encrypt the sensitive records it holds,
        and the national CSIRT will handle serious incidents affecting public bodies.
        """);

    [Theory]
    [InlineData("Capacity building")]
    [InlineData("Skills and workforce")]
    [InlineData("Public awareness")]
    [InlineData("Education and training")]
    [InlineData("A cyber smart nation")]
    [InlineData("Research and development")]
    public void SectionOfItsOwn_IsClean(string heading) => RuleVerifier.Verify("SL2005", $"""
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## {heading}

        From 2026 the Ministry of ICT will fund two hundred university places a year in information security.
        """);

    [Fact]
    public void TwoCommittedMentionsInTheBody_AreClean() => RuleVerifier.Verify("SL2005", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        ### Objective 4: People

        The Ministry of Education will add cyber hygiene to the secondary school curriculum by 2027.
        A yearly national awareness campaign will teach small businesses to spot fraud.
        """);

    [Fact]
    public void OneCommitmentNamingIt_IsClean() => RuleVerifier.Verify("SL2005", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds and give its staff basic training.
        """);

    [Fact]
    public void MentionOnlyInAnAppendage_IsReported() => RuleVerifier.Verify("SL2005", """
        {|SL2005:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds, following staff training.
        """);

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Background")]
    [InlineData("Challenges")]
    [InlineData("Statistics")]
    public void MentionsOnlyInBackground_AreReported(string heading) => RuleVerifier.Verify("SL2005", $$"""
        {|SL2005:# National Cybersecurity Strategy of Examplia|}

        ## {{heading}}

        Public awareness of online fraud is low, and only one university offers training in information security.
        Employers report that the skills they need are hard to find.

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void MentionsOnlyInTheGlossary_AreReported() => RuleVerifier.Verify("SL2005", """
        {|SL2005:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## Terms and definitions

        Cyber hygiene: the routine practices that keep devices and accounts secure.

        Awareness raising: activities that make people conscious of online risks.
        """);

    [Fact]
    public void NegatedMentions_DoNotCount() => RuleVerifier.Verify("SL2005", """
        {|SL2005:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        No university offers a cybersecurity curriculum, and ministries have no training budget for security staff.
        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void Message_NamesTheAreaTheFrameworkAndTheFix()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2005", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            Every ministry will encrypt the sensitive records it holds.
            """));
        Assert.Contains("no commitment on capability and capacity building and awareness raising", finding.Message);
        Assert.Contains("ITU NCS Guide (2021), focus area 5", finding.Message);
        Assert.Contains("To satisfy this rule", finding.Message);
        Assert.Equal("ITU NCS Guide (2021), focus area 5: Capability and capacity building and awareness raising", finding.Properties!["framework"]);
        Assert.Contains("curricul*", finding.Properties["searchedTerms"]);
        Assert.Contains("awareness campaign*", finding.Properties["searchedTerms"]);
    }

    [Fact]
    public void NotOnForAnotherProfile() => RuleVerifier.Verify("SL2005", """
        # Cybersecurity Capacity Building Plan for Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.
        """, profile: "capacity-building-plan");
}
