using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5205Tests
{
    [Theory]
    [InlineData("Trainees learn to preserve the confidentiality, integrity and availability of data.")]
    [InlineData("Attackers often steal sensitive data from ministries.")]
    [InlineData("Ministries must protect confidentiality and integrity of their networks.")]
    public void SecurityTriadAndTheft_AreNotConfidentialityForThePartner(string sentence) => RuleVerifier.Verify("SL5205", $$"""
        {|SL5205:# Regional Cyber Capacity-Building Programme 2026-2028|}

        ## Activities

        {{sentence}}
        """);

    [Fact]
    public void NonDisclosureAgreements_AreClean() => RuleVerifier.Verify("SL5205", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Working with partners

        All experts sign a non-disclosure agreement, and assessment reports stay with the partner government.
        """);

    [Fact]
    public void ConfidentialityHeading_IsClean() => RuleVerifier.Verify("SL5205", """
        # Regional Cyber Capacity-Building Programme 2026-2028

        ## Confidentiality

        National plans shared with the programme are not passed on without the partner's consent.
        """);
}
