using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.FocusAreas;

/// <summary>SL2004: focus area 4, critical infrastructure and essential services (rules/itu-focus-areas/SL2004.json).</summary>
public sealed class SL2004Tests
{
    [Fact]
    public void DraftWithoutCriticalInfrastructure_IsReportedOnTheTitle() => RuleVerifier.Verify("SL2004", """
        {|SL2004:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        A digital Examplia where citizens and businesses can trust the services they use.

        ## Objectives

        The Cybersecurity Council will lead the strategy. Every ministry will encrypt the sensitive records it holds,
        and the national CSIRT will run an exercise with the banks every year.
        """);

    [Theory]
    [InlineData("Critical infrastructure")]
    [InlineData("Protecting critical information infrastructures")]
    [InlineData("Essential services")]
    [InlineData("Cyber security in critical societal functions")]
    [InlineData("Vital infrastructure")]
    public void SectionOfItsOwn_IsClean(string heading) => RuleVerifier.Verify("SL2004", $"""
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## {heading}

        Operators of power grids, water works and payment systems will meet a minimum security baseline from 2027.
        """);

    [Fact]
    public void TwoCommittedMentionsInTheBody_AreClean() => RuleVerifier.Verify("SL2004", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        ### Objective 3: Resilient services

        By 2026 the Cybersecurity Council will designate the operators of essential services in energy, water, health and finance.
        Critical infrastructure operators will meet a minimum security baseline and report serious incidents within 24 hours.
        """);

    [Fact]
    public void AcronymsCount() => RuleVerifier.Verify("SL2004", """
        # National Cybersecurity Strategy of Examplia

        ## Actions

        - Publish a register of CII owners by 2026.
        - Audit every CII owner against the baseline each year.
        """);

    [Fact]
    public void MentionOnlyInAnAppendage_IsReported() => RuleVerifier.Verify("SL2004", """
        {|SL2004:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds, including those about critical infrastructure.
        """);

    [Fact]
    public void CriticalInfrastructureOnlyInTheNameOfAFramework_IsReported() => RuleVerifier.Verify("SL2004", """
        {|SL2004:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every agency will adopt the Framework for Improving Critical Infrastructure Cybersecurity published by NIST.
        Agencies will report to the Cybersecurity Council each year on how they apply the Framework for Improving
        Critical Infrastructure Cybersecurity.
        """);

    [Fact]
    public void CriticalInfrastructureOnlyInTheNamesOfLawsAndBodies_IsReported() => RuleVerifier.Verify("SL2004", """
        {|SL2004:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        The Critical Infrastructure Protection Act 2019 already applies to energy companies.
        The Directorate for Essential Services will publish guidance for municipalities.
        """);

    [Fact]
    public void ProperNameMentions_MessageSaysSo()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2004", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            Every agency will adopt the Framework for Improving Critical Infrastructure Cybersecurity.
            """));
        Assert.Contains("named only in background, glossary or negated passages (1 mention(s))", finding.Message);
        Assert.Contains("Framework for Improving Critical Infrastructure Cybersecurity", finding.Properties!["mentions"]);
    }

    [Fact]
    public void CapitalisedAtTheStartOfASentence_StillCounts() => RuleVerifier.Verify("SL2004", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Critical infrastructure operators will meet a minimum security baseline by 2027.
        Essential services will be designated by the Cybersecurity Council every three years.
        """);

    // Fails today (bug in MentionScanner.InProperName): an acronym is always upper case, and the name is extended over
    // connectors ("to", "the"), so "CII to the Cybersecurity Authority" is taken for one proper name ending in "Authority".
    [Fact]
    public void AcronymNextToTheNameOfABody_StillCounts() => RuleVerifier.Verify("SL2004", """
        # National Cybersecurity Strategy of Examplia

        ## Objectives

        Operators will report serious incidents affecting CII to the Cybersecurity Authority within 24 hours.
        The Authority will set a minimum security baseline for critical infrastructure in energy, water and health.
        """);

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Threat landscape")]
    [InlineData("Background")]
    public void MentionsOnlyInBackground_AreReported(string heading) => RuleVerifier.Verify("SL2004", $$"""
        {|SL2004:# National Cybersecurity Strategy of Examplia|}

        ## {{heading}}

        Attacks on critical infrastructure abroad have shown what is at stake. In 2021 a power cut caused by
        malware left essential services in the capital without electricity for two days.

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void MentionsOnlyInTheGlossary_AreReported() => RuleVerifier.Verify("SL2004", """
        {|SL2004:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Every ministry will encrypt the sensitive records it holds.

        ## Acronyms

        CII: critical information infrastructure.

        CNI: critical national infrastructure.
        """);

    [Fact]
    public void NegatedMentions_DoNotCount() => RuleVerifier.Verify("SL2004", """
        {|SL2004:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        There is no list of critical infrastructure in Examplia, and no essential services have been designated.
        Every ministry will encrypt the sensitive records it holds.
        """);

    [Fact]
    public void Message_NamesTheAreaTheFrameworkAndTheFix()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2004", """
            # National Cybersecurity Strategy of Examplia

            ## Objectives

            Every ministry will encrypt the sensitive records it holds.
            """));
        Assert.Contains("no commitment on critical infrastructure and essential services", finding.Message);
        Assert.Contains("ITU NCS Guide (2021), focus area 4", finding.Message);
        Assert.Contains("To satisfy this rule", finding.Message);
        Assert.Equal("ITU NCS Guide (2021), focus area 4: Critical infrastructure and essential services", finding.Properties!["framework"]);
        Assert.Contains("critical infrastructure*", finding.Properties["searchedTerms"]);
        Assert.Contains("essential services", finding.Properties["searchedTerms"]);
    }

    [Fact]
    public void NotOnForAnotherProfile() => RuleVerifier.Verify("SL2004", """
        # Cybersecurity Capacity Building Plan for Examplia

        ## Objectives

        Partners will train engineers who work for water utilities.
        """, profile: "capacity-building-plan");
}
