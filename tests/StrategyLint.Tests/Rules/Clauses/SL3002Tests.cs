using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3002Tests
{
    [Theory]
    [InlineData("Weak passwords have engendered a series of costly breaches in the public sector.")]
    [InlineData("The Ministry of Justice and Equality will lead the reform of the Computer Misuse Act.")]
    [InlineData("The strategy was drafted through an inclusive process of consultation with ministries and operators.")]
    [InlineData("Digital inclusion programmes will bring broadband to every district by 2028.")]
    [InlineData("Awareness campaigns will target vulnerable groups, including children and older people.")]
    public void LookAlikeWords_AreNotAGenderClause(string sentence) => RuleVerifier.Verify("SL3002", $$"""
        {|SL3002:# National Cybersecurity Strategy of Examplia|}

        ## Capacity building

        {{sentence}}
        """);

    [Fact]
    public void AllTrapsTogether_AreStillReported() => RuleVerifier.Verify("SL3002", """
        {|SL3002:# National Cybersecurity Strategy of Examplia|}

        ## Introduction

        Years of underinvestment have engendered a fragile public network. The strategy was drafted through an inclusive process led by the Ministry of Justice and Equality.

        ## Awareness

        Digital inclusion programmes and awareness campaigns will reach vulnerable groups, including children and older people.
        """);

    [Fact]
    public void WomensParticipationInTheCyberWorkforce_IsClean() => RuleVerifier.Verify("SL3002", """
        # National Cybersecurity Strategy of Examplia

        ## Skills and workforce

        The Ministry of ICT will double women's participation in the cyber workforce by 2029 through scholarships and mentoring.
        """);

    [Fact]
    public void GenderBasedOnlineViolence_IsClean() => RuleVerifier.Verify("SL3002", """
        # National Cybersecurity Strategy of Examplia

        ## Online safety

        The Police Service will train officers to respond to gender-based online violence and to support its victims.
        """);

    [Fact]
    public void GenderHeading_IsClean() => RuleVerifier.Verify("SL3002", """
        # National Cybersecurity Strategy of Examplia

        ## Gender and cybersecurity

        Every programme under this strategy will report on who takes part in it.
        """);

    [Fact]
    public void GenderOnlyInTheNameOfAMinistry_IsStillReported() => RuleVerifier.Verify("SL3002", """
        {|SL3002:# National Cybersecurity Strategy of Examplia|}

        ## Governance

        The Council includes the Ministry of ICT, the Ministry of Gender and Social Protection and the Central Bank.
        """);

    [Fact]
    public void NameOfAMinistry_MessageCountsTheNearMiss()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Governance\n\nThe Council includes the Ministry of Gender and Social Protection.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3002", text));

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.StartsWith("The draft has no gender clause.", finding.Message);
        Assert.Contains("1 related mention(s)", finding.Message);
        Assert.Contains("UN OEWG final report (2021), para. 56", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Contains("Ministry of Gender and Social Protection", finding.Properties["mentions"]);
        Assert.Contains("women", finding.Properties["searchedTerms"]);
    }
}
