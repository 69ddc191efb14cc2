using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.FocusAreas;

/// <summary>
/// SL2010: a focus area covered only by a few passing mentions, with no section of its own. The rule checks all seven
/// focus areas, so each draft gives the areas not under test a section of their own.
/// </summary>
public sealed class SL2010Tests
{
    private const string Title = "# National Cybersecurity Strategy of Examplia";
    private const string MarkedTitle = "{|SL2010:# National Cybersecurity Strategy of Examplia|}";

    private const string Governance = """
        ## Governance

        The Examplia Cybersecurity Council, chaired by the Prime Minister, leads this strategy and reports to Parliament each year.
        """;

    private const string RiskManagement = """
        ## Risk management

        Every ministry will review the weaknesses of its networks each year with one common method.
        """;

    private const string IncidentResponse = """
        ## Incident response

        A national team in the Ministry of ICT will be on call around the clock for public bodies from 2026.
        """;

    private const string CriticalInfrastructure = """
        ## Critical infrastructure

        Operators of power grids, water works and payment systems will meet a minimum security baseline from 2027.
        """;

    private const string Skills = """
        ## Skills and awareness

        Universities will offer two hundred places a year in information security, funded by the Ministry of ICT.
        """;

    private const string Legislation = """
        ## Legislation

        The Ministry of Justice will put a bill on computer misuse before Parliament in 2026.
        """;

    private const string InternationalCooperation = """
        ## International cooperation

        The Ministry of Foreign Affairs will appoint a cyber envoy and open talks with neighbouring states.
        """;

    private static string Draft(string title, params string[] sections) => title + "\n\n" + string.Join("\n\n", sections) + "\n";

    [Fact]
    public void EveryAreaWithASectionOfItsOwn_IsClean() => RuleVerifier.Verify("SL2010", Draft(Title,
        Governance, RiskManagement, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation));

    [Fact]
    public void AreaWithTwoMentionsAndNoSection_IsReportedOnTheTitle() => RuleVerifier.Verify("SL2010", Draft(MarkedTitle,
        Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation, """
        ## Implementation

        Every ministry will carry out a yearly risk assessment of its networks, and the Council will keep a national risk register.
        """));

    [Fact]
    public void AreaWithThreeMentionsAndNoSection_IsReported() => RuleVerifier.Verify("SL2010", Draft(MarkedTitle,
        Governance, RiskManagement, IncidentResponse, CriticalInfrastructure, Skills, Legislation, """
        ## Objectives

        We will deepen bilateral cooperation with our neighbours on cybercrime investigations.
        Examplia will accede to the Budapest Convention by 2026 and answer requests for mutual legal assistance within 30 days.
        """));

    [Fact]
    public void AreaWithFourMentions_IsNotThin() => RuleVerifier.Verify("SL2010", Draft(Title,
        Governance, RiskManagement, IncidentResponse, CriticalInfrastructure, Skills, Legislation, """
        ## Objectives

        We will deepen bilateral cooperation with our neighbours on cybercrime investigations.
        Examplia will accede to the Budapest Convention by 2026 and answer requests for mutual legal assistance within 30 days.
        The Ministry of Foreign Affairs will promote the norms of responsible state behaviour.
        """));

    [Fact]
    public void Message_NamesTheAreaTheCountAndTheFramework()
    {
        var finding = Assert.Single(RuleVerifier.Run("SL2010", Draft(Title,
            Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation, """
            ## Implementation

            Every ministry will carry out a yearly risk assessment of its networks, and the Council will keep a national risk register.
            """)));
        Assert.Equal("SL2010", finding.Id);
        Assert.Equal(1, finding.Line);
        Assert.Contains("The focus area 'risk management' has no section of its own and only 2 passing mention(s), fewer than 4.", finding.Message);
        Assert.Contains("ITU NCS Guide (2021), focus area 2: Risk management in national cybersecurity", finding.Message);
        Assert.Contains("To satisfy this rule", finding.Message);
        Assert.Equal("SL2002", finding.Properties!["focusArea"]);
    }

    [Fact]
    public void AreaNotCoveredAtAll_IsLeftToTheMissingRule() => RuleVerifier.Verify("SL2010", Draft(Title,
        Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation));

    [Fact]
    public void AreaWithASingleCommitment_IsThin() => RuleVerifier.Verify("SL2010", Draft(MarkedTitle,
        Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation, """
        ## Implementation

        Every ministry will carry out a yearly risk assessment of its networks.
        """));

    [Fact]
    public void AreaNamedOnlyInAnAppendage_IsLeftToTheMissingRule() => RuleVerifier.Verify("SL2010", Draft(Title,
        Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation, """
        ## Implementation

        Every ministry will replace its oldest servers, in line with good risk management.
        """));

    [Fact]
    public void AreaMentionedOnlyInBackground_IsLeftToTheMissingRule() => RuleVerifier.Verify("SL2010", Draft(Title, """
        ## Introduction

        The 2018 strategy promised a risk-based approach, a national risk register and sector risk profiles.
        """, Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation));

    [Fact]
    public void AreaWithASubsectionOfItsOwn_IsNotThin() => RuleVerifier.Verify("SL2010", Draft(Title,
        Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation, """
        ## Implementation

        ### Managing cyber risks

        Every ministry will carry out a yearly risk assessment of its networks.
        """));

    [Fact]
    public void TwoThinAreas_AreEachReported()
    {
        RuleVerifier.Verify("SL2010", Draft("{|SL2010:{|SL2010:# National Cybersecurity Strategy of Examplia|}|}",
            Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, """
            ## Implementation

            Every ministry will carry out a yearly risk assessment of its networks, and the Council will keep a national risk register.
            We will deepen bilateral cooperation with our neighbours and accede to the Budapest Convention by 2026.
            """));

        var findings = RuleVerifier.Run("SL2010", Draft(Title,
            Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, """
            ## Implementation

            Every ministry will carry out a yearly risk assessment of its networks, and the Council will keep a national risk register.
            We will deepen bilateral cooperation with our neighbours and accede to the Budapest Convention by 2026.
            """));
        Assert.Equal(["SL2002", "SL2007"], findings.Select(f => f.Properties!["focusArea"]).Order(StringComparer.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("'international cooperation'", StringComparison.Ordinal));
    }

    [Fact]
    public void NotOnForAnotherProfile() => RuleVerifier.Verify("SL2010", Draft("# Cybersecurity Capacity Building Plan for Examplia",
        Governance, IncidentResponse, CriticalInfrastructure, Skills, Legislation, InternationalCooperation, """
        ## Implementation

        Every ministry will carry out a yearly risk assessment of its networks, and the Council will keep a national risk register.
        """), profile: "capacity-building-plan");
}
