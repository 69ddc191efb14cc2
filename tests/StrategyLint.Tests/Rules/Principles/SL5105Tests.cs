using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5105Tests
{
    [Theory]
    [InlineData("Government online services will move to a zero trust architecture by 2028.")]
    [InlineData("Examplia will promote the confidence-building measures agreed for cyberspace.")]
    [InlineData("A trust fund will pay for digital skills courses.")]
    [InlineData("New devices must have a hardware root of trust for digital signatures.")]
    public void TechnicalAndDiplomaticUses_AreNotATrustEnvironment(string sentence) => RuleVerifier.Verify("SL5105", $$"""
        {|SL5105:# National Cybersecurity Strategy of Examplia|}

        ## Measures

        {{sentence}}
        """);

    [Fact]
    public void TrustInOnlineServices_IsClean() => RuleVerifier.Verify("SL5105", """
        # National Cybersecurity Strategy of Examplia

        ## Vision

        Citizens and businesses must be able to trust online public services and e-commerce.
        """);

    [Fact]
    public void TrustHeading_IsClean() => RuleVerifier.Verify("SL5105", """
        # National Cybersecurity Strategy of Examplia

        ## Building trust

        The strategy sets security requirements for every public service people use.
        """);
}
