using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5102Tests
{
    [Fact]
    public void TopPriorityRhetoric_IsNotPrioritisation() => RuleVerifier.Verify("SL5102", """
        {|SL5102:# National Cybersecurity Strategy of Examplia|}

        ## Foreword

        Cybersecurity is a top priority for the Government. It is among the Government's top priorities for this decade, and it remains one of our top priorities.

        ## Measures

        The Ministry of ICT will set up a national CSIRT.
        """);

    [Fact]
    public void OneMention_IsTooFew() => RuleVerifier.Verify("SL5102", """
        {|SL5102:# National Cybersecurity Strategy of Examplia|}

        ## Governance

        The National Cybersecurity Council will set priorities each year.
        """);

    [Fact]
    public void PriorityAreasHeading_IsClean() => RuleVerifier.Verify("SL5102", """
        # National Cybersecurity Strategy of Examplia

        ## Priority areas

        Energy, banking and health come first because the 2025 risk assessment found them most exposed.
        """);

    [Fact]
    public void TwoMentionsOfTheStrategysPriorities_AreClean() => RuleVerifier.Verify("SL5102", """
        # National Cybersecurity Strategy of Examplia

        ## Approach

        The strategy has three priorities: protecting essential services, building skills and fighting online fraud. Within essential services we will prioritise the electricity grid and the payment system.
        """);
}
