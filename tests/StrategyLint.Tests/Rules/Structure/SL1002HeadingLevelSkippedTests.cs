using StrategyLint.Rules.Structure;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Structure;

public sealed class SL1002HeadingLevelSkippedTests
{
    [Fact]
    public void Level4AfterLevel2_IsReportedOnTheHeading() => RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
        # National Cybersecurity Strategy

        ## Governance

        The National Cybersecurity Authority leads implementation.

        [|#### Lead agency|]

        The Authority reports to the Prime Minister's Office.
        """);

    [Fact]
    public void Level3DirectlyUnderTitle_IsReported() => RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
        # Cybercrime Strategy

        [|### Objectives|]

        Reduce the harm caused by cybercrime.
        """);

    [Fact]
    public void EverySkipIsReported_AndTheMessageNamesTheLevels()
    {
        RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
            # Strategy

            [|### Vision|]

            Text.

            ## Pillars

            [|##### Pillar one|]

            Text.

            ###### Detail

            Text.
            """);

        var finding = Assert.Single(RuleVerifier<SL1002HeadingLevelSkipped>.Run("# Strategy\n\n## Governance\n\n#### Lead agency\n\nText.\n"));
        Assert.Contains("'Lead agency' is level 4 but follows a level-2 heading", finding.Message);
        Assert.Contains("'### Lead agency'", finding.Message);
    }

    [Fact]
    public void SkippedLevelWithClosingHashes_CoversTheWholeHeading() => RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
        # Strategy

        [|### Objectives ###|]

        Text.
        """);

    [Fact]
    public void FirstHeadingIsNotASkip() => RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
        ### Annex A: Glossary

        CSIRT: computer security incident response team.
        """);

    [Fact]
    public void GoingBackUpAnyNumberOfLevels_IsClean() => RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
        # Strategy

        ## Pillar 1

        ### Objective 1.1

        #### Action 1.1.1

        Text.

        ## Pillar 2

        Text.

        # Annexes

        ## Annex A

        Text.
        """);

    [Fact]
    public void SetextHeadingsCount() => RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
        National Strategy
        =================

        Governance
        ----------

        Text.

        [|#### Lead agency|]

        Text.
        """);

    [Fact]
    public void HeadingInCodeBlockIsIgnored() => RuleVerifier<SL1002HeadingLevelSkipped>.Verify("""
        # Strategy

        ```markdown
        #### Not a heading
        ```

        ## Governance

        Text.
        """);
}
