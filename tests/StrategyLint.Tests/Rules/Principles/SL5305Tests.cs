using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5305Tests
{
    [Fact]
    public void ProceduralUsesOfPrevent_AreNotPrevention() => RuleVerifier.Verify("SL5305", """
        {|SL5305:# National Cybercrime Strategy of Examplia|}

        ## Investigations

        Officers will act quickly to prevent the loss of evidence. Courts may order preventive detention of suspects in serious cases.

        ### Preventing the destruction of data

        Providers will preserve data on request.
        """);

    [Fact]
    public void PreventionAndVictimSupportHeading_IsClean() => RuleVerifier.Verify("SL5305", """
        # National Cybercrime Strategy of Examplia

        ## Prevention and victim support

        Banks and the police will run campaigns on the most common frauds.
        """);

    [Fact]
    public void TwoMentions_AreClean() => RuleVerifier.Verify("SL5305", """
        # National Cybercrime Strategy of Examplia

        ## Measures

        Campaigns will raise awareness of investment fraud, and a national helpline will support victims of online abuse.
        """);
}
