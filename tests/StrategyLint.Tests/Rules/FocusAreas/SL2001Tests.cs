using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.FocusAreas;

/// <summary>SL2001: focus area 1, governance (rules/itu-focus-areas/SL2001.json).</summary>
public sealed class SL2001Tests
{
    [Fact]
    public void DraftWithoutGovernance_IsReportedOnTheTitle() => RuleVerifier.Verify("SL2001", """
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        Examplia wants a digital economy that its citizens and businesses can trust.

        ## Objectives

        ### Protecting public networks

        We will replace outdated servers in ministries and encrypt the sensitive records held by the state.

        ### Safer online services

        Every online public service will offer secure sign-in by 2027.
        """);

    [Theory]
    [InlineData("Governance")]
    [InlineData("Roles and responsibilities")]
    [InlineData("Institutional arrangements")]
    [InlineData("Coordination and oversight")]
    [InlineData("The National Cyber Security Centre")]
    public void SectionOfItsOwn_IsClean(string heading) => RuleVerifier.Verify("SL2001", $"""
        # National Cybersecurity Strategy of Examplia

        ## Vision

        Examplia wants a digital economy that its citizens and businesses can trust.

        ## {heading}

        The Prime Minister chairs a board of ministers that meets four times a year and approves the annual work programme.
        """);

    [Fact]
    public void SubsectionHeadingCounts() => RuleVerifier.Verify("SL2001", """
        # National Cybersecurity Strategy of Brevania

        ## Implementing the strategy

        ### Leadership

        The Minister of Digital Affairs answers to Parliament for the strategy.
        """);

    [Fact]
    public void TwoCommittedMentionsInTheBody_AreClean() => RuleVerifier.Verify("SL2001", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        ### Objective 1: A secure state

        We will replace outdated servers in ministries and encrypt the sensitive records held by the state.

        ## Implementation

        A new National Cybersecurity Authority will oversee the implementation of this strategy and report to Cabinet every year.
        A steering committee of permanent secretaries will meet every quarter to review progress.
        """);

    [Fact]
    public void MentionsInAListCount() => RuleVerifier.Verify("SL2001", """
        # National Cybersecurity Strategy of Examplia

        ## Actions

        - Establish a cybersecurity council chaired by the Prime Minister.
        - Appoint a national coordinator in the Prime Minister's Office.
        """);

    [Fact]
    public void OneCommitmentNamingIt_IsClean() => RuleVerifier.Verify("SL2001", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        We will replace outdated servers in ministries, and the lead agency will publish guidance for municipalities.
        """);

    [Fact]
    public void MentionOnlyInAnAppendage_IsReported() => RuleVerifier.Verify("SL2001", """
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        We will replace outdated servers in ministries, following guidance from the lead agency.
        """);

    [Fact]
    public void MentionOnlyInAStatistic_MessageSaysItIsNeverSetOut()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2001", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            We will replace outdated servers in ministries. In 2024 the lead agency issued 312 notices.
            """));
        Assert.Contains("named 1 time(s), but never in a sentence that commits to it or sets it out", finding.Message);
        Assert.Contains("the lead agency issued 312 notices", finding.Properties!["mentions"]);
        Assert.StartsWith("line 5:", finding.Properties["mentions"]);
    }

    [Fact]
    public void Message_NamesTheAreaTheFrameworkAndTheFix()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2001", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            We will encrypt the sensitive records held by the state.
            """));
        Assert.Equal("SL2001", finding.Id);
        Assert.Contains("no commitment on governance", finding.Message);
        Assert.Contains("No heading or passage of the draft addresses it.", finding.Message);
        Assert.Contains("ITU NCS Guide (2021), focus area 1", finding.Message);
        Assert.Contains("To satisfy this rule", finding.Message);
        Assert.Equal(1, finding.Line);
        Assert.Equal("ITU NCS Guide (2021), focus area 1: Governance", finding.Properties!["framework"]);
        Assert.Equal("require-topic", finding.Properties["kind"]);
        Assert.Contains("steering committee", finding.Properties["searchedTerms"]);
        Assert.Contains("governance", finding.Properties["searchedHeadings"]);
        Assert.False(finding.Properties.ContainsKey("mentions"));
    }

    [Fact]
    public void ListOfTodaysAgencies_IsNotGovernance() => RuleVerifier.Verify("SL2001", """
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## Our approach

        Cyber matters are handled today by the Police, the Ministry of ICT and the Central Bank.
        These arrangements have evolved organically over the past decade, and each body sets its own priorities.
        """);

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Background")]
    [InlineData("Threat landscape")]
    [InlineData("Current situation")]
    public void MentionsOnlyInABackgroundSection_AreReported(string heading) => RuleVerifier.Verify("SL2001", $$"""
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## {{heading}}

        In 2019 a cybersecurity council was proposed but never formed. The steering committee of the previous
        e-government programme was dissolved when that programme ended, and the competent authority for
        telecommunications has no cyber mandate.

        ## Objectives

        We will encrypt the sensitive records held by the state.
        """);

    [Fact]
    public void SubsectionOfABackgroundSection_IsBackgroundToo() => RuleVerifier.Verify("SL2001", """
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## Background

        ### Institutions

        A cybersecurity council was proposed in 2019. A steering committee drafted its terms of reference.

        ## Objectives

        We will encrypt the sensitive records held by the state.
        """);

    [Fact]
    public void BackgroundMentions_MessageSaysSo()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2001", """
            # National Cybersecurity Strategy of Examplia

            ## Introduction

            A cybersecurity council was proposed in 2019. A steering committee drafted its terms of reference.
            """));
        Assert.Contains("named only in background, glossary or negated passages (2 mention(s))", finding.Message);
        Assert.Contains("A cybersecurity council was proposed in 2019.", finding.Properties!["mentions"]);
    }

    [Fact]
    public void HeadingInsideABackgroundSection_DoesNotCount() => RuleVerifier.Verify("SL2001", """
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## Background

        ### Governance

        Until now no single body has been in charge of cyber matters.
        """);

    [Fact]
    public void MentionsOnlyInAGlossary_AreReported() => RuleVerifier.Verify("SL2001", """
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        We will encrypt the sensitive records held by the state.

        ## Glossary

        NCSC: National Cyber Security Centre.

        Competent authority: the body a law designates to supervise a sector.

        Steering committee: a group of senior officials that guides a programme.
        """);

    [Fact]
    public void NegatedMentions_DoNotCount() => RuleVerifier.Verify("SL2001", """
        {|SL2001:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        There is no national coordinator for cybersecurity. Examplia has never had a steering committee for digital security either.
        We will encrypt the sensitive records held by the state.
        """);

    [Fact]
    public void NotOnly_IsNotANegation() => RuleVerifier.Verify("SL2001", """
        # National Cybersecurity Strategy of Examplia

        ## Implementation

        The Council is not only the lead authority for this strategy but also its coordinating body.
        """);

    [Fact]
    public void NotOnForAnotherProfile() => RuleVerifier.Verify("SL2001", """
        # Cybersecurity Capacity Building Plan for Examplia

        ## Objectives

        We will encrypt the sensitive records held by the state.
        """, profile: "capacity-building-plan");

    [Fact]
    public void OnForTheNationalStrategyProfileByDefault()
    {
        Assert.Single(RuleVerifier.Run("SL2001", "# National Cybersecurity Strategy of Examplia\n\n## Objectives\n\nWe will encrypt the records held by the state.\n"));
        Assert.Empty(RuleVerifier.Run("SL2001", "# Plan\n\n## Objectives\n\nWe will encrypt the records held by the state.\n", profile: "cybercrime-strategy"));
    }
}
