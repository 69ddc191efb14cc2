using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5101Tests
{
    [Fact]
    public void MeasuresWithoutVisionOrObjectives_AreReported() => RuleVerifier.Verify("SL5101", """
        {|SL5101:# National Cybersecurity Strategy of Examplia|}

        ## Measures

        The Ministry of ICT will set up a national CSIRT and publish baseline security requirements for public bodies.
        """);

    [Theory]
    [InlineData("The strategy supports the digital pillar of Examplia Vision 2030.")]
    [InlineData("The mission of the Central Bank is price stability, and its systems are mission-critical.")]
    [InlineData("The objectives of the Budapest Convention are to harmonise offences and speed up cooperation.")]
    [InlineData("This draft does not yet set out a vision for the strategy.")]
    public void LookAlikes_AreNotAVision(string sentence) => RuleVerifier.Verify("SL5101", $$"""
        {|SL5101:# National Cybersecurity Strategy of Examplia|}

        ## Measures

        {{sentence}}
        """);

    [Fact]
    public void VisionHeading_IsClean() => RuleVerifier.Verify("SL5101", """
        # National Cybersecurity Strategy of Examplia

        ## Vision

        An open, secure and trusted cyberspace in which Examplia's people and businesses can thrive.
        """);

    [Fact]
    public void ObjectiveHeadings_AreClean() => RuleVerifier.Verify("SL5101", """
        # National Cybersecurity Strategy of Examplia

        ## Objective 1: Protect critical infrastructure

        Operators of essential services will meet baseline security requirements by 2028.
        """);

    [Fact]
    public void ObjectivesOfTheStrategyInTheForeword_AreClean() => RuleVerifier.Verify("SL5101", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        The strategy has four objectives: resilient public services, protected critical infrastructure, a skilled workforce and effective international partnerships.
        """);

    [Fact]
    public void Finding_IsInfoAndNamesTheFramework()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL5101", "# National Cybersecurity Strategy of Examplia\n\n## Measures\n\nThe CSIRT will be set up in 2026.\n"));

        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.StartsWith("The draft states no vision or strategic objectives of its own.", finding.Message);
        Assert.Contains("principle 4.1", finding.Message);
    }
}
