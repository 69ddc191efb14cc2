using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5306Tests
{
    [Fact]
    public void TopPriorityAndPriorityActions_AreNotTasking() => RuleVerifier.Verify("SL5306", """
        {|SL5306:# National Cybercrime Strategy of Examplia|}

        ## Foreword

        Cybercrime is a top priority for the Government, and investigations will get more resources.

        ## Priority actions

        Priority action 2 strengthens investigations into online fraud.
        """);

    [Fact]
    public void CasesPrioritisedByHarm_AreClean() => RuleVerifier.Verify("SL5306", """
        # National Cybercrime Strategy of Examplia

        ## Investigations

        Cases will be prioritised according to the harm caused to victims.
        """);

    [Fact]
    public void TriageOfReports_IsClean() => RuleVerifier.Verify("SL5306", """
        # National Cybercrime Strategy of Examplia

        ## Reporting

        A central unit will triage incoming reports and pass them to the right team.
        """);

    [Fact]
    public void PrioritisationHeading_IsClean() => RuleVerifier.Verify("SL5306", """
        # National Cybercrime Strategy of Examplia

        ## Prioritisation of cases

        The guidelines will be published by the end of 2026.
        """);
}
