using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5201Tests
{
    [Theory]
    [InlineData("The evaluation report of the previous phase is available on request.")]
    [InlineData("Evidence will be preserved at the request of a foreign State.")]
    [InlineData("Central authorities will handle extradition requests and mutual legal assistance requests faster.")]
    [InlineData("The programme offers courses for police, prosecutors and judges.")]
    public void OtherRequestsAndFixedOffers_AreNotOwnership(string sentence) => RuleVerifier.Verify("SL5201", $$"""
        {|SL5201:# Regional Cyber Capacity-Building Programme 2026-2028|}

        ## Activities

        {{sentence}}
        """);

    [Fact]
    public void NegatedNeedsAssessment_IsReported() => RuleVerifier.Verify("SL5201", """
        {|SL5201:# Regional Cyber Capacity-Building Programme 2026-2028|}

        ## Activities

        There was no needs assessment before the courses were chosen.
        """);

    [Fact]
    public void JointNeedsAssessment_IsClean() => RuleVerifier.Verify("SL5201", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Activities

        Each activity follows a joint needs assessment with the partner country's cybersecurity agency.
        """);

    [Fact]
    public void AssistanceAtThePartnersRequest_IsClean() => RuleVerifier.Verify("SL5201", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Principles

        Support is given only at the request of the partner government and follows its national priorities.
        """);
}
