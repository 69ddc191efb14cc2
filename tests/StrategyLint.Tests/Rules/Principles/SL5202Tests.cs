using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5202Tests
{
    [Theory]
    [InlineData("The programme contributes to the Sustainable Development Goals.")]
    [InlineData("Victims will be helped to recover the losses sustained in online fraud.")]
    [InlineData("Partner CSIRTs face sustained attacks from criminal groups.")]
    public void LookAlikes_AreNotSustainability(string sentence) => RuleVerifier.Verify("SL5202", $$"""
        {|SL5202:# Regional Cyber Capacity-Building Programme 2026-2028|}

        ## Activities

        {{sentence}}
        """);

    [Fact]
    public void TrainTheTrainerAndHandover_AreClean() => RuleVerifier.Verify("SL5202", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## After the programme

        A train-the-trainer scheme lets the national police academy run the courses after the programme ends.
        """);

    [Fact]
    public void SustainabilityHeading_IsClean() => RuleVerifier.Verify("SL5202", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Sustainability

        Partner ministries will carry the running costs of the laboratories from 2028.
        """);
}
