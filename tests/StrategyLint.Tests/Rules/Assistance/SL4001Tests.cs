using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Assistance;

public sealed class SL4001Tests
{
    private const string TenItems = """
        - Drafting of cybercrime legislation
        - Training for the national CSIRT
        - Digital forensics laboratory equipment
        - Courses for prosecutors on electronic evidence
        - Cyber hygiene awareness campaigns
        - Secure configuration of government networks
        - Incident response exercises
        - Support to the national cyber policy unit
        - Scholarships for cybersecurity degrees
        - Protection of critical information infrastructure
        """;

    [Fact]
    public void TenFixedCategoriesUnderTechnicalAssistance_AreReportedOnTheList() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        Nordland will provide the following assistance to Examplia:

        {|SL4001:{{TenItems}}|}
        """);

    [Fact]
    public void ReviewAndNeedsAssessmentNextToTheList_IsClean() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        Nordland will provide the following assistance to Examplia:

        {{TenItems}}

        The list will be reviewed annually with partner countries after a needs assessment.
        """);

    [Fact]
    public void ReviewInAnotherSubsectionOfTheSameChapter_IsClean() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        ### Areas of support

        {{TenItems}}

        ### Keeping the list current

        The joint steering committee will update the list as needs evolve.
        """);

    // The mechanism must be about the list: a review of projects in another chapter does not keep the catalogue current.
    [Fact]
    public void ReviewElsewhereInTheSamePlan_DoesNotCount() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Monitoring and evaluation

        Projects will be reviewed annually by the steering committee.

        ## Technical assistance

        {|SL4001:{{TenItems}}|}
        """);

    // Near the list: anywhere in the section that offers the assistance, its subsections included.
    [Fact]
    public void ReviewInASubsectionOfTheAssistanceSection_Counts() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {{TenItems}}

        ### Keeping the offer current

        The list will be reviewed annually with each partner country.
        """);

    // A review promised in another part of the document does not count either.
    [Fact]
    public void ReviewInAnotherPartOfTheDocument_DoesNotCount() => RuleVerifier.Verify("SL4001", $$"""
        # Part I: Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:{{TenItems}}|}

        # Part II: Examplia digital government programme

        ## Monitoring and evaluation

        Projects will be reviewed annually by the steering committee.
        """);

    [Fact]
    public void NegatedMechanism_DoesNotCount() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        The programme was designed without a needs assessment. Nordland will provide:

        {|SL4001:{{TenItems}}|}
        """);

    // The brief and the rule's docs put the finding on the list, from the first '-' to the end of the last
    // item's text. A list followed by a blank line and more text must not swallow the line break after it.
    [Fact]
    public void ListFollowedByMoreText_FindingEndsAtTheLastItem() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:{{TenItems}}|}

        Nordland will fund each activity from its development budget.
        """);

    [Fact]
    public void SevenItems_AreBelowTheThreshold() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        - Drafting of cybercrime legislation
        - Training for the national CSIRT
        - Digital forensics laboratory equipment
        - Courses for prosecutors on electronic evidence
        - Cyber hygiene awareness campaigns
        - Secure configuration of government networks
        - Incident response exercises
        """);

    [Fact]
    public void EightItems_AreAtTheThreshold() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:- Drafting of cybercrime legislation
        - Training for the national CSIRT
        - Digital forensics laboratory equipment
        - Courses for prosecutors on electronic evidence
        - Cyber hygiene awareness campaigns
        - Secure configuration of government networks
        - Incident response exercises
        - Support to the national cyber policy unit|}
        """);

    [Fact]
    public void NestedEnumerationOfThreePlusFive_CountsEight() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4001:- Training for the national CSIRT
        - Support for the cybercrime unit, covering:
          - digital forensics equipment
          - courses on electronic evidence
          - mutual legal assistance procedures
          - open-source intelligence tools
          - case management software
        - Scholarships for cybersecurity degrees|}
        """);

    [Fact]
    public void ListLedInByAnAssistanceParagraph_IsInScope() => RuleVerifier.Verify("SL4001", $$"""
        # Examplia Cyber Partnership Programme 2025–2027

        ## Areas of cooperation

        Technical assistance under the programme covers:

        {|SL4001:{{TenItems}}|}
        """);

    [Fact]
    public void LongListOutsideAssistanceSections_IsClean() => RuleVerifier.Verify("SL4001", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Objectives

        - A national CSIRT in operation
        - A modern cybercrime law
        - A protected critical information infrastructure
        - A secure government cloud
        - Trusted digital identity for all citizens
        - Faster incident reporting by banks
        - Safer online services for small businesses
        - A regional exchange of threat information
        - A national cyber exercise every year
        - A public register of critical operators
        """);

    [Fact]
    public void NationalStrategyProfile_DoesNotRunTheRule() => RuleVerifier.Verify("SL4001", $$"""
        # National Cybersecurity Strategy of Examplia

        ## Technical assistance

        {{TenItems}}
        """, profile: "national-cybersecurity-strategy");

    [Fact]
    public void Message_CountsTheItemsAndQuotesTheFirstThree()
    {
        var text = "# Examplia Cyber Partnership Programme\n\n## Technical assistance\n\n" + TenItems.ReplaceLineEndings("\n") + "\n";
        var finding = Assert.Single(RuleVerifier.Run("SL4001", text));

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal(5, finding.Line);
        Assert.StartsWith("A long, fixed list of technical-assistance categories has no mechanism to review or update it.", finding.Message);
        Assert.Contains("The list under 'Technical assistance' fixes 10 categories of assistance (starting 'Drafting of cybercrime legislation'; 'Training for the national CSIRT'; 'Digital forensics laboratory equipment')", finding.Message);
        Assert.Contains("To satisfy this rule, add, next to the list, how it is kept current", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Equal("10", finding.Properties["items"]);
        Assert.Equal("static-list", finding.Properties["kind"]);
        Assert.Contains("UN OEWG final report (2021), para. 56", finding.Properties["framework"]);
        Assert.Contains("needs assessment*", finding.Properties["searchedMechanisms"]);
    }
}
