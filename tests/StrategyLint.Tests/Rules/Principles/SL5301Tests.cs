using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5301Tests
{
    [Theory]
    [InlineData("A national cybercrime reporting portal will be launched in 2026.")]
    [InlineData("Cybercrime means offences against the confidentiality, integrity and availability of computer systems.")]
    [InlineData("Statistics on these offences will be published each year, broken down by the sex of the victims.")]
    public void PortalsDefinitionsAndFutureStatistics_AreNotAnAssessment(string sentence) => RuleVerifier.Verify("SL5301", $$"""
        {|SL5301:# National Cybercrime Strategy of Examplia|}

        ## Measures

        {{sentence}}
        """);

    [Fact]
    public void ReportedTrends_AreClean() => RuleVerifier.Verify("SL5301", """
        # National Cybercrime Strategy of Examplia

        ## Introduction

        Reports of online fraud to the police rose from 4,100 in 2021 to 11,000 in 2024.
        """);

    [Fact]
    public void ScaleOfCybercrimeHeading_IsClean() => RuleVerifier.Verify("SL5301", """
        # National Cybercrime Strategy of Examplia

        ## The scale of cybercrime in Examplia

        Most victims never go to the police.
        """);
}
