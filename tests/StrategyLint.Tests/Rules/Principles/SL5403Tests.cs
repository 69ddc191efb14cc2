using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5403Tests
{
    [Theory]
    [InlineData("A consultant was hired to write the strategy.")]
    [InlineData("The CSIRT will act in consultation with the police during incidents.")]
    [InlineData("The strategy will fund awareness workshops for schools.")]
    public void ConsultantsOperationalConsultationAndWorkshops_AreNotConsultation(string sentence) => RuleVerifier.Verify("SL5403", $$"""
        {|SL5403:# National Cybersecurity Strategy of Examplia|}

        ## Measures

        {{sentence}}
        """);

    [Fact]
    public void PublicConsultationOnTheDraft_IsClean() => RuleVerifier.Verify("SL5403", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        A public consultation on the draft ran from March to May 2025 and received 140 comments.
        """);

    [Fact]
    public void WorkshopsDuringDrafting_AreClean() => RuleVerifier.Verify("SL5403", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        Operators, universities and civil society took part in four workshops during drafting.
        """);
}
