using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5302Tests
{
    [Fact]
    public void ExistingLawsInTheBackground_AreNotACommitment() => RuleVerifier.Verify("SL5302", """
        {|SL5302:# National Cybercrime Strategy of Examplia|}

        ## Background

        The legal framework consists of the Computer Misuse Act 2010 and the Electronic Transactions Act 2012. Both define roles and responsibilities for the police.

        ## Operations

        Law enforcement will review its cases daily.
        """);

    [Fact]
    public void DatedCommitmentToAmendTheLaw_IsClean() => RuleVerifier.Verify("SL5302", """
        # National Cybercrime Strategy of Examplia

        ## Operations

        The Ministry of Justice will draft amendments to the Criminal Code by 2027.
        """);

    [Fact]
    public void LegislationHeading_IsClean() => RuleVerifier.Verify("SL5302", """
        # National Cybercrime Strategy of Examplia

        ## Legislation and mandates

        Offences and procedural powers will follow the Budapest Convention.
        """);
}
