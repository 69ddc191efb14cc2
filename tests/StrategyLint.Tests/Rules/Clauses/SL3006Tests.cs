using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3006Tests
{
    [Fact]
    public void NoPlanAtAll_IsReportedOnTheTitle() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        A secure and resilient cyberspace for every Examplian.

        ## Objectives

        Examplia will protect its critical information infrastructure and grow its cybersecurity workforce.
        """);

    [Fact]
    public void PromiseOfASeparatePlan_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Governance

        The National Cybersecurity Council coordinates the strategy. The action plan will be published separately.
        """);

    [Fact]
    public void ImplementationSectionPointingToASeparatePlan_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Implementation

        An action plan naming lead agencies will be published separately after the strategy is adopted.
        """);

    [Fact]
    public void PipeTableWithLeadAgencyAndTimeline_IsClean() => RuleVerifier.Verify("SL3006", """
        # National Cybersecurity Strategy of Examplia

        ## Priority actions

        | Action | Lead agency | Timeline |
        |---|---|---|
        | Establish the national CSIRT | Ministry of ICT | Q2 2026 |
        | Adopt the Cybercrime Bill | Ministry of Justice | Q4 2026 |
        """);

    [Fact]
    public void EmptyTemplateTable_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Priority actions

        | Action | Lead agency | Timeline |
        |---|---|---|
        """);

    [Fact]
    public void TemplateTableWithBlankRows_IsStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Priority actions

        | Action | Lead agency | Timeline |
        |---|---|---|
        |  |  |  |
        |  |  |  |
        """);

    [Fact]
    public void ActionPlanSectionWithLeadAgenciesAndDatesInLists_IsClean() => RuleVerifier.Verify("SL3006", """
        # National Cybersecurity Strategy of Examplia

        ## Action plan

        - Establish the national CSIRT. Lead agency: Ministry of ICT. By the end of 2026.
        - Adopt the Cybercrime Bill. Lead agency: Ministry of Justice. By June 2027.
        - Launch a national awareness campaign. Lead agency: National Cybersecurity Authority. Start date: January 2026.
        """);

    [Fact]
    public void GoalsListedWithoutOwnersOrDates_AreStillReported() => RuleVerifier.Verify("SL3006", """
        {|SL3006:# National Cybersecurity Strategy of Examplia|}

        ## Action plan

        - Establish a national CSIRT.
        - Adopt a modern cybercrime law.
        - Raise awareness among citizens and small businesses.
        """);

    [Fact]
    public void NoPlan_MessageSaysNoSectionOrTable()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Vision\n\nA secure cyberspace.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3006", text));

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal(1, finding.Line);
        Assert.StartsWith("The draft has no action plan: no section or table sets out actions with lead agencies or dates.", finding.Message);
        Assert.Contains("ITU NCS Guide, lifecycle phase IV", finding.Message);
        Assert.Contains("a table with the columns Action, Lead agency, Timeline and Funding", finding.Message);
    }

    [Fact]
    public void ThinPlanSection_MessageNamesTheSection()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Implementation\n\nThe action plan will be published separately.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3006", text));

        Assert.Contains("the section 'Implementation' names too few owners or dates (0) to be a plan, or points to a separate document.", finding.Message);
    }
}
