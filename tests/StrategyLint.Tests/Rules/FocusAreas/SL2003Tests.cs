using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.FocusAreas;

/// <summary>SL2003: focus area 3, preparedness and resilience (rules/itu-focus-areas/SL2003.json).</summary>
public sealed class SL2003Tests
{
    [Fact]
    public void DraftWithoutPreparedness_IsReportedOnTheTitle() => RuleVerifier.Verify("SL2003", """
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        A digital Examplia where citizens and businesses can trust the services they use.

        ## Objectives

        The Cybersecurity Council will lead the strategy. Every ministry will encrypt the sensitive records it holds,
        and universities will offer a degree in information security by 2027.
        """);

    [Theory]
    [InlineData("Incident response")]
    [InlineData("National CSIRT")]
    [InlineData("Preparedness and resilience")]
    [InlineData("Crisis management")]
    [InlineData("Detect, deter and respond")]
    public void SectionOfItsOwn_IsClean(string heading) => RuleVerifier.Verify("SL2003", $"""
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## {heading}

        A team in the Ministry of ICT will be on call around the clock for government networks from 2026.
        """);

    [Fact]
    public void TwoCommittedMentionsInTheBody_AreClean() => RuleVerifier.Verify("SL2003", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        ### Objective 2: A secure state

        We will establish a national CSIRT by 2026 to coordinate the handling of serious attacks on public bodies.
        Every two years the Cybersecurity Council will run a national exercise with the banks and the energy companies.
        """);

    [Fact]
    public void OneCommitmentNamingIt_IsClean() => RuleVerifier.Verify("SL2003", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds and keep a continuity plan for its main services.
        """);

    [Fact]
    public void MentionOnlyInAnAppendage_IsReported() => RuleVerifier.Verify("SL2003", """
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds, in line with its continuity plan.
        """);

    [Fact]
    public void CirtOnlyInTheGlossary_IsReported() => RuleVerifier.Verify("SL2003", """
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## Glossary

        CIRT: Computer Incident Response Team.

        ICT: information and communication technology.
        """);

    [Fact]
    public void CirtOnlyInAnAbbreviationsTable_IsReported() => RuleVerifier.Verify("SL2003", """
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## Annex: Abbreviations

        | Abbreviation | Meaning |
        |---|---|
        | CIRT | Computer Incident Response Team |
        | CERT | Computer Emergency Response Team |
        """);

    [Fact]
    public void HeadingInsideTheGlossary_DoesNotCount() => RuleVerifier.Verify("SL2003", """
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## Glossary

        ### CSIRT

        A computer security incident response team.
        """);

    [Fact]
    public void GlossaryMentions_MessageSaysSo()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2003", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            Every ministry will encrypt the sensitive records it holds.

            ## Glossary

            CIRT: Computer Incident Response Team.
            """));
        Assert.Contains("named only in background, glossary or negated passages", finding.Message);
        Assert.Contains("CIRT: Computer Incident Response Team.", finding.Properties!["mentions"]);
        Assert.Contains("line 9:", finding.Properties["mentions"]);
    }

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Threat landscape")]
    [InlineData("Background")]
    [InlineData("Foreword")]
    public void MentionsOnlyInBackground_AreReported(string heading) => RuleVerifier.Verify("SL2003", $$"""
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## {{heading}}

        In 2022 a ransomware attack on the national hospital showed that incident response was slow,
        and the regional CERT was overwhelmed within hours.

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void NegatedMentions_DoNotCount() => RuleVerifier.Verify("SL2003", """
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        There is no national CSIRT. Examplia has never held a cyber exercise, and ministries operate without contingency plans.
        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void NegationFarBeforeTheMention_DoesNotNegateIt() => RuleVerifier.Verify("SL2003", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Since there is no national team today, we will establish a CSIRT in the Ministry of ICT by 2026.
        The team will publish contingency plans for every ministry and test them once a year.
        """);

    [Fact]
    public void WordsThatOnlyContainATerm_DoNotCount() => RuleVerifier.Verify("SL2003", """
        {|SL2003:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        The Ministry of Culture will certify concert venues, and ministries will concertedly adopt certified cloud services.
        """);

    [Fact]
    public void Message_NamesTheAreaTheFrameworkAndTheFix()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2003", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            Every ministry will encrypt the sensitive records it holds.
            """));
        Assert.Contains("no commitment on preparedness and resilience", finding.Message);
        Assert.Contains("ITU NCS Guide (2021), focus area 3", finding.Message);
        Assert.Contains("To satisfy this rule", finding.Message);
        Assert.Equal("ITU NCS Guide (2021), focus area 3: Preparedness and resilience", finding.Properties!["framework"]);
        Assert.Contains("CSIRT", finding.Properties["searchedTerms"]);
        Assert.Contains("contingency plan*", finding.Properties["searchedTerms"]);
    }

    [Fact]
    public void NotOnForAnotherProfile() => RuleVerifier.Verify("SL2003", """
        # Cybersecurity Capacity Building Plan for Examplia

        ## Glossary

        CIRT: Computer Incident Response Team.
        """, profile: "capacity-building-plan");
}
