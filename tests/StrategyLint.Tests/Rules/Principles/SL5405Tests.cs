using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5405Tests
{
    [Theory]
    [InlineData("The Ministry will review existing legislation every two years.")]
    [InlineData("Agencies must install security updates as soon as possible.")]
    [InlineData("The best practices will serve as a living document.")]
    [InlineData("Agencies will update the strategies to mitigate targeted intrusions each year.")]
    public void OtherReviewsAndUpdates_AreNotARevisionOfTheStrategy(string sentence) => RuleVerifier.Verify("SL5405", $$"""
        {|SL5405:# National Cybersecurity Strategy of Examplia|}

        ## Measures

        {{sentence}}
        """);

    [Fact]
    public void MidTermReviewAndRevision_AreClean() => RuleVerifier.Verify("SL5405", """
        # National Cybersecurity Strategy of Examplia

        ## Monitoring and evaluation

        The strategy will be reviewed at mid-term in 2028 and revised before it expires.
        """);

    [Fact]
    public void LivingDocument_IsClean() => RuleVerifier.Verify("SL5405", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        This strategy is a living document, and the Council will update it when threats change.
        """);

    [Fact]
    public void NextStrategy_IsClean() => RuleVerifier.Verify("SL5405", """
        # National Cybersecurity Strategy of Examplia

        ## Evaluation

        The final evaluation will inform the next strategy.
        """);
}
