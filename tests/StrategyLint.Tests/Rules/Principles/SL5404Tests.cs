using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Principles;

public sealed class SL5404Tests
{
    [Fact]
    public void YearsInTheTitleAndPastEvents_DoNotCount() => RuleVerifier.Verify("SL5404", """
        {|SL5404:# National Cybersecurity Strategy of Examplia 2026-2030|}

        ## Background

        The previous strategy (2015-2019) was never evaluated. Reported incidents rose every year from 2019 to 2024.

        ## Measures

        The CSIRT will publish incident timelines after major attacks.
        """);

    [Fact]
    public void PeriodInTheText_IsClean() => RuleVerifier.Verify("SL5404", """
        # National Cybersecurity Strategy of Examplia

        ## Introduction

        This strategy covers the period 2026–2030.
        """);

    [Fact]
    public void GoalsWithAHorizon_AreClean() => RuleVerifier.Verify("SL5404", """
        # National Cybersecurity Strategy of Examplia

        ## Vision

        The goals below are to be met by 2030.
        """);

    [Fact]
    public void OverTheNextYears_IsClean() => RuleVerifier.Verify("SL5404", """
        # National Cybersecurity Strategy of Examplia

        ## Foreword

        Over the next five years the Government will build a national CSIRT.
        """);
}
