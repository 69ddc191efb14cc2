using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5401Tests
{
    [Theory]
    [InlineData("A national cybercrime strategy will be developed by the Ministry of Justice by 2027.")]
    [InlineData("Ransomware developed by criminal groups has hit three hospitals.")]
    [InlineData("Agencies will follow mitigation strategies developed by the Signals Directorate.")]
    [InlineData("The National Cybersecurity Agency will implement this strategy.")]
    public void FutureStrategiesToolsAndImplementers_AreNotTheLead(string sentence) => RuleVerifier.Verify("SL5401", $$"""
        {|SL5401:# National Cybersecurity Strategy of Examplia|}

        ## Measures

        {{sentence}}
        """);

    [Fact]
    public void DevelopedByTheMinistry_IsClean() => RuleVerifier.Verify("SL5401", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        This strategy was developed by the Ministry of ICT with a working group of regulators, operators and universities.
        """);

    [Fact]
    public void MandateFromCabinet_IsClean() => RuleVerifier.Verify("SL5401", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        In March 2025 the Cabinet mandated the Ministry of ICT to prepare a national cybersecurity strategy.
        """);

    [Fact]
    public void DevelopmentHeading_IsClean() => RuleVerifier.Verify("SL5401", """
        # National Cybersecurity Strategy of Examplia

        ## How this strategy was developed

        A steering group met monthly from January to June 2025.
        """);
}
