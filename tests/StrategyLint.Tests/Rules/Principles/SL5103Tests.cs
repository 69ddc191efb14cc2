using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5103Tests
{
    [Fact]
    public void CostOfCybercrimeAndAMinistrysName_AreNotAProsperityLink() => RuleVerifier.Verify("SL5103", """
        {|SL5103:# National Cybersecurity Strategy of Examplia|}

        ## Threats

        Cybercrime cost the economy an estimated 1.2 billion last year.

        ## Governance

        The Ministry of Economic Development will sit on the National Cybersecurity Council.
        """);

    [Fact]
    public void OneMention_IsTooFew() => RuleVerifier.Verify("SL5103", """
        {|SL5103:# National Cybersecurity Strategy of Examplia|}

        ## Measures

        The CSIRT will protect the digital economy.
        """);

    [Fact]
    public void EnablerOfGrowthAndDevelopment_IsClean() => RuleVerifier.Verify("SL5103", """
        # National Cybersecurity Strategy of Examplia

        ## Why cybersecurity matters

        A secure cyberspace supports economic growth and social development: people can rely on e-government, and businesses can sell online.
        """);

    [Fact]
    public void ProsperityHeading_IsClean() => RuleVerifier.Verify("SL5103", """
        # National Cybersecurity Strategy of Examplia

        ## Prosperity through security

        The strategy helps Examplia's cybersecurity industry grow.
        """);
}
