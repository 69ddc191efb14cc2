using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5204Tests
{
    [Theory]
    [InlineData("Cloud services will respect data sovereignty rules in each partner country.")]
    [InlineData("The model law will be technology neutral.")]
    [InlineData("Grants are subject to the terms and conditions of the financing agreement.")]
    public void LookAlikes_AreNotNeutralityOrSovereignty(string sentence) => RuleVerifier.Verify("SL5204", $$"""
        {|SL5204:# Regional Cyber Capacity-Building Programme 2026-2028|}

        ## Activities

        {{sentence}}
        """);

    [Fact]
    public void NeutralAndUnconditionalAssistance_IsClean() => RuleVerifier.Verify("SL5204", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Principles of engagement

        Assistance is politically neutral and is provided without conditions unrelated to its purpose.
        """);

    [Fact]
    public void RespectForSovereignty_IsClean() => RuleVerifier.Verify("SL5204", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Approach

        The programme fully respects the sovereignty of partner States, and participation is voluntary.
        """);
}
