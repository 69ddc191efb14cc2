using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Clauses;

public sealed class SL3001Tests
{
    [Fact]
    public void NoRightsLanguageAtAll_IsReportedOnTheTitle() => RuleVerifier.Verify("SL3001", """
        {|SL3001:# National Cybersecurity Strategy of Examplia|}

        ## Vision

        By 2030 Examplia will have a secure and resilient cyberspace that supports a thriving digital economy.

        ## Governance

        The National Cybersecurity Council, chaired by the Minister of ICT, coordinates implementation.
        """);

    [Fact]
    public void PrivacyAndDataProtectionAlone_AreNotAHumanRightsClause() => RuleVerifier.Verify("SL3001", """
        {|SL3001:# National Cybersecurity Strategy of Examplia|}

        ## Data protection

        The Data Protection Act 2019 will be amended to give the Data Protection Commissioner powers to audit public bodies. Operators of essential services must protect the privacy of their customers and report personal data breaches within 72 hours.

        ## Secure e-government

        Government platforms will apply privacy by design and encrypt personal data at rest.
        """);

    [Fact]
    public void CommitmentToHumanRightsAndFundamentalFreedoms_IsClean() => RuleVerifier.Verify("SL3001", """
        # National Cybersecurity Strategy of Examplia

        ## Guiding principles

        Examplia will respect and protect human rights and fundamental freedoms online, including freedom of expression and the right to privacy, in every measure this strategy takes.
        """);

    [Fact]
    public void FreedomOfExpressionAlone_IsClean() => RuleVerifier.Verify("SL3001", """
        # National Cybersecurity Strategy of Examplia

        ## Cybercrime legislation

        The new Cybercrime Bill will be drafted so that its offences respect freedom of expression and legitimate journalism.
        """);

    [Fact]
    public void HumanRightsCommissionNamedOnly_IsStillReported() => RuleVerifier.Verify("SL3001", """
        {|SL3001:# National Cybersecurity Strategy of Examplia|}

        ## Governance

        The National Cybersecurity Council brings together the Ministry of ICT, the Examplia Police Service and the Examplia Human Rights Commission.
        """);

    [Fact]
    public void HumanRightsCommissionAndACommitment_IsClean() => RuleVerifier.Verify("SL3001", """
        # National Cybersecurity Strategy of Examplia

        ## Governance

        The Examplia Human Rights Commission will advise the Council on how each measure affects human rights.
        """);

    [Fact]
    public void HumanRightsHeading_IsClean() => RuleVerifier.Verify("SL3001", """
        # National Cybersecurity Strategy of Examplia

        ## Human rights online

        The same standards that apply offline apply to the measures in this strategy.
        """);

    [Fact]
    public void NegatedMention_DoesNotCount() => RuleVerifier.Verify("SL3001", """
        {|SL3001:# National Cybersecurity Strategy of Examplia|}

        ## Scope

        This strategy does not deal with human rights, which remain a matter for the Constitution.
        """);

    [Fact]
    public void MentionOnlyInTheGlossary_DoesNotCount() => RuleVerifier.Verify("SL3001", """
        {|SL3001:# National Cybersecurity Strategy of Examplia|}

        ## Objectives

        Examplia will establish a national CSIRT and protect critical information infrastructure.

        ## Glossary

        Civil liberties: freedoms that protect the individual from the state.
        """);

    [Fact]
    public void ClauseInTheForeword_Counts() => RuleVerifier.Verify("SL3001", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword by the Minister

        Our approach to cybersecurity will always uphold the rights and freedoms of every Examplian.
        """);

    [Fact]
    public void NearMiss_MessageAndEvidenceExplainWhyNothingCounts()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Governance\n\nThe Council includes the Examplia Human Rights Commission.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3001", text));

        Assert.Equal("SL3001", finding.Id);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal(1, finding.Line);
        Assert.StartsWith("The draft has no human-rights clause.", finding.Message);
        Assert.Contains("1 related mention(s), but none counts", finding.Message);
        Assert.Contains("To satisfy this rule, add a sentence committing the strategy", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Contains("ITU NCS Guide (2021), principle 4.5", finding.Properties["framework"]);
        Assert.Equal("require-clause", finding.Properties["kind"]);
        Assert.Contains("fundamental freedoms", finding.Properties["searchedTerms"]);
        Assert.Contains("freedom of expression", finding.Properties["searchedTerms"]);
        Assert.Equal("line 5: The Council includes the Examplia Human Rights Commission.", finding.Properties["mentions"]);
    }

    [Fact]
    public void NothingRelated_MessageSaysSo_AndHasNoMentions()
    {
        const string text = "# National Cybersecurity Strategy of Examplia\n\n## Vision\n\nA secure cyberspace for Examplia.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL3001", text));

        Assert.Contains("Nothing in the draft addresses it.", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.False(finding.Properties.ContainsKey("mentions"));
    }

    [Fact]
    public void RunsOnEveryProfile() => RuleVerifier.Verify("SL3001", """
        {|SL3001:# Cybercrime Strategy of Examplia|}

        ## Objectives

        Reduce the harm that cybercrime causes to Examplian households and businesses.
        """, profile: "cybercrime-strategy");
}
