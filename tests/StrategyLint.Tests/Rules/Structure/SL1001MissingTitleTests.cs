using StrategyLint.Rules.Structure;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Structure;

public sealed class SL1001MissingTitleTests
{
    [Fact]
    public void DraftStartingWithLevel2Heading_IsReportedOnLineOne() => RuleVerifier<SL1001MissingTitle>.Verify("""
        [|## Introduction|]

        The Ministry of Digital Affairs leads the work on this strategy.

        ## Governance

        A National Cybersecurity Council coordinates implementation.
        """);

    [Fact]
    public void FrontMatterWithoutTitleHeading_IsReportedOnTheFirstLine() => RuleVerifier<SL1001MissingTitle>.Verify("""
        [|---|]
        title: National Cybersecurity Strategy
        type: national-cybersecurity-strategy
        ---

        ## Vision

        A secure and resilient digital society.
        """);

    [Fact]
    public void FrontMatterTitleAloneDoesNotCount() => RuleVerifier<SL1001MissingTitle>.Verify("""
        [|---|]
        title: Draft strategy
        ---

        The strategy sets out how the government will protect essential services.
        """);

    [Fact]
    public void EmptyDocument_IsReportedAtTheStart() => RuleVerifier<SL1001MissingTitle>.Verify("[||]");

    [Fact]
    public void TitleInsideCodeBlockDoesNotCount() => RuleVerifier<SL1001MissingTitle>.Verify("""
        [|```markdown|]
        # National Cybersecurity Strategy
        ```
        """);

    [Fact]
    public void AtxTitle_IsClean() => RuleVerifier<SL1001MissingTitle>.Verify("""
        ---
        title: National Cybersecurity Strategy 2026-2030
        ---

        # National Cybersecurity Strategy 2026-2030

        ## Vision

        A secure and resilient digital society.
        """);

    [Fact]
    public void SetextTitle_IsClean() => RuleVerifier<SL1001MissingTitle>.Verify("""
        National Cybersecurity Strategy
        ===============================

        The strategy covers 2026 to 2030.
        """);

    [Fact]
    public void TitleAfterIntroductoryText_IsClean() => RuleVerifier<SL1001MissingTitle>.Verify("""
        Draft for consultation: comments to the secretariat by 30 June.

        # National Cybersecurity Strategy
        """);
}
