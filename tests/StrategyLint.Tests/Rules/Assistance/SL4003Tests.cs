using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Assistance;

public sealed class SL4003Tests
{
    // The whole phrase is reported, so the "donor countries" → "partner countries" replacement applies.
    [Fact]
    public void DonorRecipientAndBeneficiaryPhrases_AreReportedOnThePhrase() => RuleVerifier.Verify("SL4003", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Coordination

        The programme brings together {|SL4003:donor countries|} and the {|SL4003:recipient country|}. Training places are open to all {|SL4003:beneficiary countries|} in the region.
        """);

    [Theory]
    [InlineData("The programme is funded by donor countries.", "donor countries", "partner countries")]
    [InlineData("Donor countries fund the programme.", "Donor countries", "Partner countries")]
    [InlineData("The recipient country chairs the steering committee.", "recipient country", "partner country")]
    [InlineData("Recipient countries chair the steering committee in turn.", "Recipient countries", "Partner countries")]
    [InlineData("Training places are open to all beneficiary countries.", "beneficiary countries", "partner countries")]
    [InlineData("The steering committee reports to the donors.", "donors", "partners")]
    [InlineData("The programme supports aid recipients in the region.", "aid recipients", "partners")]
    public void Replacement_IsPartnerLanguage_KeepingCapitalisation(string sentence, string phrase, string replacement)
    {
        var text = $"# Examplia Cyber Partnership Programme\n\n## Coordination\n\n{sentence}\n";
        var finding = Assert.Single(RuleVerifier.Run("SL4003", text));

        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.Equal(phrase, text.Substring(finding.Span.Start, finding.Span.Length));
        Assert.NotNull(finding.Properties);
        Assert.Equal(phrase, finding.Properties["phrase"]);
        Assert.Equal(replacement, finding.Properties["replacement"]);
        Assert.Equal("forbid-phrase", finding.Properties["kind"]);
        Assert.Contains("UN OEWG final report (2021), para. 56", finding.Properties["framework"]);
        Assert.Contains($"The draft says '{phrase}': consider '{replacement}'.", finding.Message);
        Assert.StartsWith("The text frames assistance as flowing from donors to recipients.", finding.Message);
    }

    [Fact]
    public void PartnerLanguage_IsClean() => RuleVerifier.Verify("SL4003", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Coordination

        Nordland and Examplia are partner countries in this programme, and the partners plan each activity together.
        """);

    [Fact]
    public void PhrasesInTheGlossary_AreNotReported() => RuleVerifier.Verify("SL4003", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Coordination

        The partners plan each activity together.

        ## Glossary

        Partner country: a state that the earlier programme called a recipient country.
        """);

    [Fact]
    public void NationalStrategyProfile_DoesNotRunTheRule() => RuleVerifier.Verify("SL4003", """
        # National Cybersecurity Strategy of Examplia

        ## International cooperation

        Examplia will coordinate with donor countries on cyber capacity building.
        """, profile: "national-cybersecurity-strategy");
}
