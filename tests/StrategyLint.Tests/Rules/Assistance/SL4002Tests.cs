using StrategyLint.Analysis;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Assistance;

public sealed class SL4002Tests
{
    [Fact]
    public void InvestigatorsAndProsecutorsOnly_IsReportedOnTheFirstSentence() => RuleVerifier.Verify("SL4002", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        {|SL4002:Nordland will train cybercrime investigators and prosecutors of the Examplia Police Service.|} Judges will attend a course on electronic evidence, and the forensic laboratory will receive new workstations.
        """);

    [Fact]
    public void AwarenessAndPreventionAlongside_IsClean() => RuleVerifier.Verify("SL4002", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Technical assistance

        Nordland will train cybercrime investigators and prosecutors of the Examplia Police Service. Judges will attend a course on electronic evidence. Nordland will also fund a national awareness campaign to help small businesses prevent online fraud.
        """);

    [Fact]
    public void VictimSupportInTheParentChapter_IsClean() => RuleVerifier.Verify("SL4002", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Capacity building

        Every strand of the programme includes support for victims of online fraud.

        ### Law enforcement

        Nordland will train cybercrime investigators of the Examplia Police Service.
        """);

    [Fact]
    public void EnforcementOutsideAssistanceSections_IsNotChecked() => RuleVerifier.Verify("SL4002", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Law enforcement

        The Examplia Police Service will open a cybercrime investigation unit in the capital.
        """);

    // CoOccurrenceKind's summary and the schema's "sections" say a list led in by an assistance term is in scope.
    [Fact]
    public void ListLedInByTechnicalAssistance_IsChecked() => RuleVerifier.Verify("SL4002", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Programme components

        Nordland will provide technical assistance in the following areas:

        - {|SL4002:Training for cybercrime investigators.|}
        - Courses for prosecutors and judges on electronic evidence.
        """);

    [Fact]
    public void EachAssistanceSectionIsReportedSeparately() => RuleVerifier.Verify("SL4002", """
        # Examplia Cyber Partnership Programme 2025–2027

        ## Training

        {|SL4002:Nordland will train 40 investigators in digital forensics.|}

        ## Technical cooperation

        {|SL4002:Examplian prosecutors will spend three months with the Nordland Public Prosecution Authority.|}
        """);

    [Fact]
    public void NationalStrategyProfile_DoesNotRunTheRule() => RuleVerifier.Verify("SL4002", """
        # National Cybersecurity Strategy of Examplia

        ## Technical assistance

        Nordland will train cybercrime investigators and prosecutors of the Examplia Police Service.
        """, profile: "national-cybersecurity-strategy");

    [Fact]
    public void Message_QuotesTheSentence_AndIsInfo()
    {
        const string text = "# Examplia Cyber Partnership Programme\n\n## Technical assistance\n\nNordland will train cybercrime investigators.\n";
        var finding = Assert.Single(RuleVerifier.Run("SL4002", text));

        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.StartsWith("The technical assistance covers investigation and prosecution but nothing on prevention.", finding.Message);
        Assert.Contains("'Nordland will train cybercrime investigators.' (section 'Technical assistance')", finding.Message);
        Assert.Contains("Chatham House, Strategic Approach to Countering Cybercrime (2024)", finding.Message);
        Assert.NotNull(finding.Properties);
        Assert.Contains("awareness", finding.Properties["searchedTerms"]);
        Assert.Equal("line 5: Nordland will train cybercrime investigators.", finding.Properties["mentions"]);
    }
}
