using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5304Tests
{
    [Fact]
    public void DifficultiesInTheIntroductionAndAwarenessOnly_AreReported() => RuleVerifier.Verify("SL5304", """
        {|SL5304:# National Cybercrime Strategy of Examplia|}

        ## Introduction

        Cybercrime is hard to investigate, and prosecutors lack expertise in electronic evidence.

        ## Measures

        Awareness campaigns will warn the public about online scams.
        """);

    [Fact]
    public void UnitsInvestigatorsAndForensics_AreClean() => RuleVerifier.Verify("SL5304", """
        # National Cybercrime Strategy of Examplia

        ## Measures

        The police will set up a cybercrime unit and train 200 investigators in digital forensics.
        """);

    [Fact]
    public void LawEnforcementHeading_IsClean() => RuleVerifier.Verify("SL5304", """
        # National Cybercrime Strategy of Examplia

        ## Law-enforcement capability

        Every regional command will have a trained officer by 2028.
        """);
}
