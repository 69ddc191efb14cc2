using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5203Tests
{
    [Theory]
    [InlineData("Investigators will hold offenders accountable for online fraud.")]
    [InlineData("The programme will invite Transparency International to a workshop on corruption.")]
    [InlineData("The new encryption layer is transparent to users.")]
    [InlineData("The Government Accountability Office has studied cybercrime trends.")]
    public void LookAlikes_AreNotTransparencyOrAccountability(string sentence) => RuleVerifier.Verify("SL5203", $$"""
        {|SL5203:# Regional Cyber Capacity-Building Programme 2026-2028|}

        ## Activities

        {{sentence}}
        """);

    [Fact]
    public void PublishedActivitiesAndAnAccountableBoard_AreClean() => RuleVerifier.Verify("SL5203", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Governance

        The Programme Board is accountable to the partner governments for delivery, and a list of activities and their cost is published annually.
        """);

    [Fact]
    public void TransparencyHeading_IsClean() => RuleVerifier.Verify("SL5203", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Transparency

        Every grant, its purpose and its recipient appear on the programme website.
        """);
}
