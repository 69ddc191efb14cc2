using StrategyLint.Rules.Structure;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Structure;

public sealed class SL1004DuplicateSiblingHeadingTests
{
    [Fact]
    public void SameHeadingTwiceUnderOneParent_ReportsTheSecond() => RuleVerifier<SL1004DuplicateSiblingHeading>.Verify("""
        # Strategy

        ## Governance

        ### Objectives

        Establish a National Cybersecurity Authority.

        ### Actions

        Adopt a decree.

        [|### Objectives|]

        Appoint a national coordinator.
        """);

    [Fact]
    public void NumberingCaseAndPunctuationAreIgnored() => RuleVerifier<SL1004DuplicateSiblingHeading>.Verify("""
        # Strategy

        ## 1. Objectives

        Text.

        [|## 2. OBJECTIVES:|]

        Text.

        [|## 3) objectives|]

        Text.
        """);

    [Fact]
    public void MessageNamesTheLineOfTheFirst()
    {
        var text = "# S\n\n## Vision\n\nA.\n\n## Vision\n\nB.\n";
        var finding = Assert.Single(RuleVerifier<SL1004DuplicateSiblingHeading>.Run(text));
        Assert.Contains("'Vision'", finding.Message);
        Assert.Contains("on line 3", finding.Message);
    }

    [Fact]
    public void DuplicateTopLevelTitles_AreSiblingsOfTheRoot() => RuleVerifier<SL1004DuplicateSiblingHeading>.Verify("""
        # Strategy

        Text.

        [|# Strategy|]

        Text.
        """);

    [Fact]
    public void SameHeadingUnderDifferentParents_IsClean() => RuleVerifier<SL1004DuplicateSiblingHeading>.Verify("""
        # Strategy

        ## Pillar 1: Governance

        ### Objectives

        Text.

        ## Pillar 2: Resilience

        ### Objectives

        Text.
        """);

    [Fact]
    public void DifferentHeadings_AreClean() => RuleVerifier<SL1004DuplicateSiblingHeading>.Verify("""
        # Strategy

        ## Objectives 2026

        Text.

        ## Objectives 2027

        Text.
        """);
}
