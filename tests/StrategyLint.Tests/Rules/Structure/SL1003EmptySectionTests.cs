using StrategyLint.Rules.Structure;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Rules.Structure;

public sealed class SL1003EmptySectionTests
{
    [Fact]
    public void HeadingFollowedBySiblingHeading_IsReported() => RuleVerifier<SL1003EmptySection>.Verify("""
        # National Cybersecurity Strategy

        ## Preparedness and resilience

        The national CSIRT coordinates incident response.

        [|### Incident reporting|]

        ### Incident handling procedures

        Operators report significant incidents within 24 hours.
        """);

    [Fact]
    public void HeadingAtTheEnd_IsReported() => RuleVerifier<SL1003EmptySection>.Verify("""
        # Strategy

        ## Vision

        A secure digital society.

        [|## Monitoring and evaluation|]
        """);

    [Fact]
    public void DraftingNoteInCommentIsNotContent() => RuleVerifier<SL1003EmptySection>.Verify("""
        # Strategy

        Intro.

        [|## International cooperation|]

        <!-- TODO: Ministry of Foreign Affairs to draft this section -->

        ## Legislation

        A cybercrime bill will be tabled in 2027.
        """);

    [Fact]
    public void TitleAlone_IsReported() => RuleVerifier<SL1003EmptySection>.Verify("""
        [|# National Cybersecurity Strategy|]
        """);

    [Fact]
    public void SectionWithSubsectionsOnly_IsClean() => RuleVerifier<SL1003EmptySection>.Verify("""
        # Strategy

        ## Pillars

        ### Pillar 1: Governance

        The Authority leads.
        """);

    [Fact]
    public void ListTableQuoteOrCodeCountAsContent() => RuleVerifier<SL1003EmptySection>.Verify("""
        # Strategy

        Intro.

        ## Actions

        - Establish a national CSIRT.

        ## Action plan

        | Action | Lead | Timeline |
        | --- | --- | --- |
        | National CSIRT | ICT Authority | 2027 |

        ## Quote

        > Cybersecurity is a shared responsibility.

        ## Example configuration

        ```yaml
        reporting: 24h
        ```
        """);
}
