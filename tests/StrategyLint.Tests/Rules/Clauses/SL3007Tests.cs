using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3007Tests
{
    [Fact]
    public void PlanTableWithoutFunding_IsReportedOnThePlanHeading() => RuleVerifier.Verify("SL3007", """
        # National Cybersecurity Strategy of Examplia

        ## Vision

        A secure and resilient cyberspace for every Examplian.

        {|SL3007:## Action plan|}

        | Action | Lead agency | Timeline |
        |---|---|---|
        | Establish the national CSIRT | Ministry of ICT | Q2 2026 |
        | Adopt the Cybercrime Bill | Ministry of Justice | Q4 2026 |
        """);

    [Fact]
    public void PlanTableWithoutFunding_MessageNamesFunding()
    {
        const string text = """
            # National Cybersecurity Strategy of Examplia

            ## Action plan

            | Action | Lead agency | Timeline |
            |---|---|---|
            | Establish the national CSIRT | Ministry of ICT | Q2 2026 |
            """;
        var finding = Assert.Single(RuleVerifier.Run("SL3007", text));

        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.Equal(3, finding.Line);
        Assert.StartsWith("The action plan in 'Action plan' names no funding.", finding.Message);
        Assert.Contains("Actions without funding are hard to deliver", finding.Message);
        Assert.Contains("give each action its funding", finding.Message);
        Assert.DoesNotContain("names no owners", finding.Message);
        Assert.DoesNotContain("names no timelines", finding.Message);
    }

    [Fact]
    public void CompletePlanTable_IsClean() => RuleVerifier.Verify("SL3007", """
        # National Cybersecurity Strategy of Examplia

        ## Action plan

        | Action | Lead agency | Timeline | Funding |
        |---|---|---|---|
        | Establish the national CSIRT | Ministry of ICT | Q2 2026 | National budget, 2.1 million |
        | Adopt the Cybercrime Bill | Ministry of Justice | Q4 2026 | Existing resources |
        """);

    [Fact]
    public void CompletePlanSectionWithLists_IsClean() => RuleVerifier.Verify("SL3007", """
        # National Cybersecurity Strategy of Examplia

        ## Implementation plan

        - Establish the national CSIRT. Lead agency: Ministry of ICT. By the end of 2026. Funding: national budget.
        - Adopt the Cybercrime Bill. Lead agency: Ministry of Justice. By June 2027. Cost: within existing resources.
        - Launch an awareness campaign. Lead agency: National Cybersecurity Authority. Start date: January 2026. Budget: 300,000 USD.
        """);

    [Fact]
    public void FundingColumnLeftBlank_IsReported() => RuleVerifier.Verify("SL3007", """
        # National Cybersecurity Strategy of Examplia

        {|SL3007:## Action plan|}

        | Action | Lead agency | Timeline | Budget |
        |---|---|---|---|
        | Establish the national CSIRT | Ministry of ICT | Q2 2026 |  |
        | Adopt the Cybercrime Bill | Ministry of Justice | Q4 2026 |  |
        """);

    [Fact]
    public void PlanTableWithoutOwnersOrFunding_MessageNamesBoth()
    {
        const string text = """
            # National Cybersecurity Strategy of Examplia

            ## Roadmap

            | Action | Timeline |
            |---|---|
            | Establish the national CSIRT | Q2 2026 |
            | Adopt the Cybercrime Bill | Q4 2026 |
            """;
        var finding = Assert.Single(RuleVerifier.Run("SL3007", text));

        Assert.StartsWith("The action plan in 'Roadmap' names no owners (lead agencies) or funding.", finding.Message);
    }

    [Fact]
    public void PlanTableDirectlyUnderTheTitle_IsReportedOnTheTitle() => RuleVerifier.Verify("SL3007", """
        {|SL3007:# National Cybersecurity Strategy of Examplia|}

        | Action | Lead agency | Timeline |
        |---|---|---|
        | Establish the national CSIRT | Ministry of ICT | Q2 2026 |
        """);

    [Fact]
    public void NoPlan_IsLeftToSL3006() => RuleVerifier.Verify("SL3007", """
        # National Cybersecurity Strategy of Examplia

        ## Governance

        The National Cybersecurity Council coordinates the strategy. The action plan will be published separately.
        """);

    [Fact]
    public void FlattenedTableWithoutFunding_IsReportedOnItsHeading() => RuleVerifier.Verify("SL3007", """
        # Cyber Resilience Strategy of Ostrava Bay

        {|SL3007:## Annex C: Priority activities|}

        Activity Lead body Timeframe

        Stand up a shared security operations centre DSA 2026 - 2027

        Issue minimum controls for municipal systems Interior Ministry 2027
        """);

    [Fact]
    public void FlattenedTableWithABudgetColumn_IsClean() => RuleVerifier.Verify("SL3007", """
        # Cyber Resilience Strategy of Ostrava Bay

        ## Annex C: Priority activities

        Activity Lead body Timeframe Budget

        Stand up a shared security operations centre DSA 2026 - 2027 EUR 2 million

        Issue minimum controls for municipal systems Interior Ministry 2027 existing budget
        """);

    [Fact]
    public void DecreeClausesWithoutFunding_AreReportedOnTheTitleAndNamedAsClauses()
    {
        const string text = """
            # Decree No. 14 on the security of public networks

            ## Article 2

            The Minister of Communications shall, within ninety days, adopt rules on incident notification.

            ## Article 5

            The National Cyber Office shall, within six months, publish a register of essential operators.
            """;
        var finding = Assert.Single(RuleVerifier.Run("SL3007", text));

        Assert.Equal(1, finding.Line);
        Assert.StartsWith("The action plan in 'the clauses that give an agency a deadline' names no funding.", finding.Message);
    }

    [Fact]
    public void FrenchPlanWithoutFunding_IsReported() => RuleVerifier.Verify("SL3007", """
        ---
        language: fr
        ---
        # Stratégie nationale de cybersécurité

        {|SL3007:## Plan d’action|}

        | Action | Structure responsable | Échéance |
        |---|---|---|
        | Créer le CERT national | Agence du numérique | 2026 |
        """);
}
