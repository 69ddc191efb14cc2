using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5104Tests
{
    [Theory]
    [InlineData("The Office of Management and Budget will coordinate reporting on cyber security.")]
    [InlineData("There is no dedicated budget for cybersecurity in any ministry.")]
    [InlineData("Scholarships in cyber security may be offered, subject to available funds.")]
    [InlineData("Resources for implementation will be requested through the normal budget process.")]
    [InlineData("Criminals moved stolen funds abroad after the attack on the cyber security firm.")]
    [InlineData("Businesses make investment decisions based on their own risk appetite.")]
    public void LookAlikes_AreNotAResourceCommitment(string sentence) => RuleVerifier.Verify("SL5104", $$"""
        {|SL5104:# National Cybersecurity Strategy of Examplia|}

        ## Implementation

        {{sentence}}
        """);

    [Fact]
    public void AmountsOverAPeriod_AreClean() => RuleVerifier.Verify("SL5104", """
        # National Cybersecurity Strategy of Examplia

        ## Implementation

        The Government will invest 40 million over five years in the measures of this strategy.
        """);

    [Fact]
    public void DedicatedBudgetLine_IsClean() => RuleVerifier.Verify("SL5104", """
        # National Cybersecurity Strategy of Examplia

        ## Governance

        The Ministry of Finance will create a dedicated budget line for the National Cybersecurity Agency from 2027.
        """);

    [Fact]
    public void BudgetHeading_IsClean() => RuleVerifier.Verify("SL5104", """
        # National Cybersecurity Strategy of Examplia

        ## Budget and resources

        Each action in the action plan shows its estimated cost and the ministry that pays for it.
        """);
}
