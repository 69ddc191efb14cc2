using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3005Tests
{
    [Fact]
    public void InterceptionCapabilityWithoutSafeguard_IsReportedOnTheSentence() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Law enforcement capabilities

        The National Cybercrime Unit will receive new forensic workstations. {|SL3005:The Examplia Police Service will build a lawful interception capability by 2027.|} Officers will be trained to use it.
        """);

    [Fact]
    public void JudicialAuthorisationAndOversightInTheSameSection_IsClean() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Law enforcement capabilities

        The Examplia Police Service will build a lawful interception capability by 2027. Every interception will be subject to judicial authorisation and independent oversight.
        """);

    [Fact]
    public void SafeguardInASectionLinkedByAnchor_IsClean() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Law enforcement capabilities

        The Examplia Police Service will build a lawful interception capability by 2027 ([see](#oversight)).

        ## Digital economy

        Small businesses will receive vouchers for security audits.

        ## Oversight

        Each use of these powers needs a warrant from a High Court judge, and an independent commissioner reports on their use every year.
        """);

    [Fact]
    public void SafeguardInAnUnlinkedSection_DoesNotCount() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Law enforcement capabilities

        {|SL3005:The Examplia Police Service will build a lawful interception capability by 2027.|}

        ## Oversight

        Each use of investigative powers needs a warrant from a High Court judge.
        """);

    [Fact]
    public void SafeguardInTheParentChapter_IsClean() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Fighting cybercrime

        All investigative powers in this chapter are subject to judicial review and the principle of proportionality.

        ### New capabilities

        The Examplia Police Service will build a lawful interception capability by 2027.
        """);

    [Fact]
    public void SafeguardInASiblingSubsection_IsClean() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Fighting cybercrime

        ### New capabilities

        The Examplia Police Service will build a lawful interception capability by 2027.

        ### Conditions of use

        Interception orders require the prior approval of a judge, who weighs their necessity.
        """);

    [Fact]
    public void DualUseTransferWithoutSafeguard_IsReported() => RuleVerifier.Verify("SL3005", """
        # Cyber Capacity Building Programme: Nordland and Examplia

        ## Equipment

        {|SL3005:Nordland will transfer dual-use forensic tools to the Examplia Police Service in 2026.|}
        """, profile: "capacity-building-plan");

    [Fact]
    public void EverySectionWithATriggerIsReportedOnce_OnItsFirstTrigger() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Law enforcement capabilities

        {|SL3005:The Examplia Police Service will build a lawful interception capability by 2027.|} It will also acquire tools for communications monitoring.

        ## Telecommunications

        {|SL3005:Operators must keep data retention systems that store traffic data for one year.|}
        """);

    [Fact]
    public void VideoSurveillanceOfPremises_IsExcluded() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Physical security

        Operators must keep video surveillance of premises that house critical systems.
        """);

    [Fact]
    public void NegatedTrigger_IsClean() => RuleVerifier.Verify("SL3005", """
        # National Cybersecurity Strategy of Examplia

        ## Scope

        This strategy grants no new surveillance powers to any agency.
        """);

    [Fact]
    public void Message_NamesTheSection_AndEvidenceListsTheSafeguards()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Law enforcement capabilities\n\nThe Police will build a lawful interception capability.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3005", text));

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.StartsWith("The draft builds or transfers surveillance or dual-use capabilities without a human-rights safeguard.", finding.Message);
        Assert.Contains("'The Police will build a lawful interception capability.' (section 'Law enforcement capabilities'): none of the expected terms", finding.Message);
        Assert.Contains("To satisfy this rule, add, in the same section or a linked one", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Equal("co-occurrence", finding.Properties["kind"]);
        Assert.Contains("principle 4.5", finding.Properties["framework"]);
        Assert.Contains("judicial authori*", finding.Properties["searchedTerms"]);
        Assert.Equal("line 5: The Police will build a lawful interception capability.", finding.Properties["mentions"]);
    }
}
