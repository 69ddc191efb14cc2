using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5303Tests
{
    [Fact]
    public void CooperationOnlyInTheBackground_IsReported() => RuleVerifier.Verify("SL5303", """
        {|SL5303:# National Cybercrime Strategy of Examplia|}

        ## Introduction

        Most offenders are abroad, and international cooperation is slow. Mutual legal assistance takes a year.

        ## Measures

        Police will open a cybercrime unit. Most international payment fraud is never reported.
        """);

    [Fact]
    public void MutualLegalAssistanceAndTheNetwork_AreClean() => RuleVerifier.Verify("SL5303", """
        # National Cybercrime Strategy of Examplia

        ## Measures

        The Ministry of Justice will act as central authority for mutual legal assistance. The police will join the 24/7 network of contact points.
        """);

    [Fact]
    public void CooperationHeading_IsClean() => RuleVerifier.Verify("SL5303", """
        # National Cybercrime Strategy of Examplia

        ## International cooperation

        Examplia will ratify the Second Additional Protocol by 2028.
        """);
}
