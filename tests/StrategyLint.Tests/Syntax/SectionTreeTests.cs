using StrategyLint.Testing;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Syntax;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Syntax;

/// <summary>The section tree built from headings, the blocks under each section, and their positions.</summary>
public sealed class SectionTreeTests
{
    private static StrategyDocument Parse(string text) => StrategyParser.Parse("draft.md", text);

    private static string WithNewLines(string markup, string newline) =>
        markup.ReplaceLineEndings(newline == "CRLF" ? "\r\n" : "\n");

    private static TextSpan Marked(List<ExpectedSpan> spans, string id) => spans.Single(s => s.Id == id).Span;

    /// <summary>0-based line and character of an offset, computed from the text itself.</summary>
    private static LinePosition PositionOf(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new LinePosition(line, offset - lineStart);
    }

    private static LinePositionSpan PositionOf(string text, TextSpan span) => new(PositionOf(text, span.Start), PositionOf(text, span.End));

    // ---- The tree -------------------------------------------------------------------------------------------

    [Fact]
    public void Root_holds_the_text_before_the_first_heading()
    {
        var document = Parse("""
            Drafted by the Office of the Chief Information Officer.

            # Kestland National Cyber Security Strategy

            Internal working draft.
            """);

        var root = document.Root;
        Assert.True(root.IsRoot);
        Assert.Null(root.Heading);
        Assert.Null(root.Parent);
        Assert.Equal(0, root.Level);
        Assert.Equal(string.Empty, root.Title);
        var preamble = Assert.Single(root.Blocks);
        Assert.Equal(BlockKind.Paragraph, preamble.Kind);
        Assert.Equal("Drafted by the Office of the Chief Information Officer.", preamble.Text);
        Assert.Same(root, preamble.Section);

        var title = Assert.Single(root.Subsections);
        Assert.Equal("Kestland National Cyber Security Strategy", title.Title);
        Assert.Same(title, document.TitleSection);
        Assert.Same(root, title.Parent);
        Assert.Equal(new TextSpan(0, document.Text.Length), root.Span);
    }

    [Fact]
    public void Root_is_empty_when_the_draft_starts_with_its_title()
    {
        var document = Parse("""
            # Kestland National Cyber Security Strategy

            Internal working draft.
            """);

        Assert.Empty(document.Root.Blocks);
        Assert.Single(document.Root.Subsections);
    }

    [Fact]
    public void Headings_nest_by_level()
    {
        var document = Parse("""
            # Republic of Valdoria National Cybersecurity Strategy

            ## Governance

            ### National Cybersecurity Authority

            The NCA will be established by statute.

            ### Steering Council

            The Council will meet four times a year.

            ## Risk management

            The register is updated every year.
            """);

        var title = Assert.Single(document.Root.Subsections);
        Assert.Equal(1, title.Level);
        Assert.Equal(["Governance", "Risk management"], title.Subsections.Select(s => s.Title));
        var governance = title.Subsections[0];
        Assert.Equal(2, governance.Level);
        Assert.Same(title, governance.Parent);
        Assert.Equal(["National Cybersecurity Authority", "Steering Council"], governance.Subsections.Select(s => s.Title));
        Assert.All(governance.Subsections, s => Assert.Same(governance, s.Parent));
        Assert.All(governance.Subsections, s => Assert.Equal(3, s.Level));
        Assert.Empty(governance.Blocks);
        Assert.Empty(title.Subsections[1].Subsections);

        Assert.Equal(
            ["Republic of Valdoria National Cybersecurity Strategy", "Governance", "National Cybersecurity Authority", "Steering Council", "Risk management"],
            document.Sections.Select(s => s.Title));
        Assert.Equal(document.Sections, document.Root.DescendantsAndSelf().Skip(1));
    }

    [Fact]
    public void A_skipped_level_nests_under_the_nearest_higher_heading()
    {
        var document = Parse("""
            # Kestland National Cyber Security Strategy

            ## Governance

            #### Lead agency

            The OCIO will be the lead agency.

            ### Coordination committee

            The Committee will meet every quarter.

            ## Preparedness and incident response

            Kestland has no national CERT yet.
            """);

        var governance = document.Sections.Single(s => s.Title == "Governance");
        var lead = document.Sections.Single(s => s.Title == "Lead agency");
        var committee = document.Sections.Single(s => s.Title == "Coordination committee");
        var preparedness = document.Sections.Single(s => s.Title == "Preparedness and incident response");

        Assert.Equal(4, lead.Level);
        Assert.Same(governance, lead.Parent);
        // The level-3 heading after the level-4 one closes it and is a sibling of it, not a child.
        Assert.Same(governance, committee.Parent);
        Assert.Equal([lead, committee], governance.Subsections);
        Assert.Same(document.TitleSection, preparedness.Parent);
    }

    [Fact]
    public void A_draft_that_starts_below_level_one_hangs_its_headings_on_the_root()
    {
        var document = Parse("""
            ### Drafting notes

            To be removed before circulation.

            # Kestland National Cyber Security Strategy

            ## Vision

            A safe place to do business online.
            """);

        Assert.Equal(["Drafting notes", "Kestland National Cyber Security Strategy"], document.Root.Subsections.Select(s => s.Title));
        Assert.Equal("Kestland National Cyber Security Strategy", document.TitleSection?.Title);
        Assert.Equal(["Vision"], document.TitleSection!.Subsections.Select(s => s.Title));
    }

    [Fact]
    public void A_heading_inside_a_list_or_a_quote_opens_no_section()
    {
        var document = Parse("""
            # Republic of Valdoria National Cybersecurity Strategy

            > ## Digital Security Framework 2019
            > This strategy replaces the framework.

            - ## Also not a section
            - Payments and hospital records run on digital systems.

            ## Governance

            The NCA leads.
            """);

        Assert.Equal(["Republic of Valdoria National Cybersecurity Strategy", "Governance"], document.Sections.Select(s => s.Title));
        var nested = document.Blocks.Where(b => b.Kind == BlockKind.Heading && b.Parent is not null).ToList();
        Assert.Equal(2, nested.Count);
        Assert.All(nested, heading => Assert.Same(document.TitleSection, heading.Section));
        Assert.Equal([BlockKind.Quote, BlockKind.List], document.TitleSection!.Blocks.Select(b => b.Kind));
    }

    [Fact]
    public void Headings_are_titled_with_their_plain_text()
    {
        var document = Parse("""
            # The *National* Cybersecurity Strategy

            ## Role of the `KE-CERT`

            ## See [the annex](annex.md)   
            """);

        Assert.Equal(["The National Cybersecurity Strategy", "Role of the KE-CERT", "See the annex"], document.Sections.Select(s => s.Title));
    }

    [Fact]
    public void The_first_level_one_heading_is_the_title_section()
    {
        var document = Parse("""
            ## Foreword

            Some words.

            # National Cybersecurity Strategy

            # Annex
            """);

        Assert.Equal("National Cybersecurity Strategy", document.TitleSection?.Title);

        var untitled = Parse("""
            ## Foreword

            Some words.
            """);
        Assert.Null(untitled.TitleSection);
    }

    // ---- Spans and positions -----------------------------------------------------------------------------------

    private const string OutlineMarkup = """
        Drafted by the Office of the Chief Information Officer.

        {|title:{|titleHeading:# Kestland National Cyber Security Strategy|}

        {|intro:Internal working draft.
        Not for circulation outside government.|}

        {|governance:{|governanceHeading:## Governance|}

        {|governanceText:Responsibility is shared between several ministries.|}

        {|lead:{|leadHeading:#### Lead agency|}

        The OCIO will be the {|inline:lead agency|} for cyber security.

        |}|}{|risk:{|riskHeading:Risk management|}
        ---------------

        {|riskText:The register is updated every year.|}
        |}|}
        """;

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Section_spans_end_at_the_next_heading_of_the_same_or_higher_rank(string newline)
    {
        var (text, spans) = FixtureMarkup.Parse(WithNewLines(OutlineMarkup, newline));
        var document = Parse(text);

        var title = document.TitleSection!;
        var governance = document.Sections.Single(s => s.Title == "Governance");
        var lead = document.Sections.Single(s => s.Title == "Lead agency");
        var risk = document.Sections.Single(s => s.Title == "Risk management");

        Assert.Equal(new TextSpan(0, text.Length), document.Root.Span);
        Assert.Equal(Marked(spans, "title"), title.Span);
        Assert.Equal(Marked(spans, "governance"), governance.Span);
        // A deeper section ends where its parent does: at the next level-2 heading.
        Assert.Equal(Marked(spans, "lead"), lead.Span);
        Assert.Equal(Marked(spans, "risk"), risk.Span);
        Assert.Equal(text.Length, risk.Span.End);
        Assert.Equal(text.Substring(governance.Span.Start, governance.Span.Length).Length, governance.Text.Length);
    }

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Heading_and_paragraph_spans_are_the_marked_spans(string newline)
    {
        var (text, spans) = FixtureMarkup.Parse(WithNewLines(OutlineMarkup, newline));
        var document = Parse(text);

        Assert.Equal(Marked(spans, "titleHeading"), document.TitleSection!.Heading!.Span);
        Assert.Equal(Marked(spans, "governanceHeading"), document.Sections.Single(s => s.Title == "Governance").Heading!.Span);
        Assert.Equal(Marked(spans, "leadHeading"), document.Sections.Single(s => s.Title == "Lead agency").Heading!.Span);

        var intro = Assert.Single(document.TitleSection.Blocks);
        Assert.Equal(Marked(spans, "intro"), intro.Span);
        var governanceText = Assert.Single(document.Sections.Single(s => s.Title == "Governance").Blocks);
        Assert.Equal(Marked(spans, "governanceText"), governanceText.Span);
        var riskText = Assert.Single(document.Sections.Single(s => s.Title == "Risk management").Blocks);
        Assert.Equal(Marked(spans, "riskText"), riskText.Span);
        Assert.Equal("The register is updated every year.", riskText.Text);
    }

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void A_setext_heading_is_placed_on_its_text_line_not_its_underline(string newline)
    {
        var (text, spans) = FixtureMarkup.Parse(WithNewLines(OutlineMarkup, newline));
        var document = Parse(text);

        var risk = document.Sections.Single(s => s.Title == "Risk management");
        Assert.Equal(2, risk.Level);
        var marked = Marked(spans, "riskHeading");
        Assert.Equal(marked.Start, risk.Heading!.Span.Start);
        Assert.Equal(PositionOf(text, marked).Start, risk.Position.Start);
        Assert.Equal(PositionOf(text, marked).Start, risk.Heading.Position.Start);
        var underline = text.IndexOf("-----", StringComparison.Ordinal);
        Assert.NotEqual(PositionOf(text, underline).Line, risk.Position.Start.Line);
    }

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Line_positions_of_marked_spans_are_zero_based_and_match_the_text(string newline)
    {
        var (text, spans) = FixtureMarkup.Parse(WithNewLines(OutlineMarkup, newline));
        var document = Parse(text);

        foreach (var marked in spans)
            Assert.Equal(PositionOf(text, marked.Span), document.GetLinePositionSpan(marked.Span));

        // Spot check against the lines of the text: the '#### Lead agency' heading's line, found by searching, column 0.
        var lead = document.Sections.Single(s => s.Title == "Lead agency");
        Assert.Equal(PositionOf(text, Marked(spans, "leadHeading")), lead.Position);
        var leadLine = Array.FindIndex(text.Split('\n'), l => l.TrimEnd('\r') == "#### Lead agency");
        Assert.Equal(leadLine, lead.Position.Start.Line);
        Assert.Equal(0, lead.Position.Start.Character);
        Assert.Equal("#### Lead agency".Length, lead.Position.End.Character);

        var inline = Marked(spans, "inline");
        Assert.Equal(text.IndexOf("The OCIO will be the ", StringComparison.Ordinal) + "The OCIO will be the ".Length, inline.Start);
        Assert.Equal(PositionOf(text, inline), document.GetLinePositionSpan(inline));
    }

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Block_positions_match_their_spans(string newline)
    {
        var (text, _) = FixtureMarkup.Parse(WithNewLines(OutlineMarkup, newline));
        var document = Parse(text);

        foreach (var block in document.Blocks)
            Assert.Equal(PositionOf(text, block.Span), block.Position);
        foreach (var section in document.Sections)
            Assert.Equal(PositionOf(text, section.Heading!.Span), section.Position);
    }

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Spans_never_end_inside_a_line_break(string newline)
    {
        var (text, _) = FixtureMarkup.Parse(WithNewLines(OutlineMarkup, newline));
        var document = Parse(text);

        foreach (var block in document.Blocks.Where(b => b.Kind is BlockKind.Heading or BlockKind.Paragraph))
        {
            Assert.True(block.Span.End <= text.Length);
            Assert.NotEqual('\r', text[block.Span.End - 1]);
            Assert.NotEqual('\n', text[block.Span.End - 1]);
        }
    }

    // ---- Blocks ------------------------------------------------------------------------------------------------

    [Fact]
    public void Paragraphs_are_blocks_of_their_section()
    {
        var document = Parse("""
            # National Cybersecurity Strategy

            ## Governance

            Clear leadership and accountability are needed.

            This section sets out who leads and who decides.
            """);

        var governance = document.Sections.Single(s => s.Title == "Governance");
        Assert.Equal(2, governance.Blocks.Count);
        Assert.All(governance.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
        Assert.All(governance.Blocks, b => Assert.Same(governance, b.Section));
        Assert.All(governance.Blocks, b => Assert.Null(b.Parent));
        Assert.Equal("This section sets out who leads and who decides.", governance.Blocks[1].Text);
        Assert.Equal(0, governance.Blocks[0].HeadingLevel);
        Assert.Equal(2, governance.Heading!.HeadingLevel);
        Assert.Equal(BlockKind.Heading, governance.Heading.Kind);
    }

    [Fact]
    public void Lists_hold_items_and_know_whether_they_are_numbered()
    {
        var document = Parse("""
            ## Strategic objectives

            The strategy has three objectives:

            1. to establish clear leadership;
            2. to build a national incident response capability;
            3. to develop skills and awareness.

            KE-CERT will:

            - receive and record reports of cyber incidents;
            - issue warnings about new threats.
            """);

        var section = Assert.Single(document.Sections);
        var lists = section.Blocks.Where(b => b.Kind == BlockKind.List).ToList();
        Assert.Equal(2, lists.Count);
        Assert.True(lists[0].IsOrderedList);
        Assert.False(lists[1].IsOrderedList);

        Assert.Equal(3, lists[0].Children.Count);
        Assert.All(lists[0].Children, item => Assert.Equal(BlockKind.ListItem, item.Kind));
        Assert.All(lists[0].Children, item => Assert.Same(lists[0], item.Parent));
        Assert.Equal([0, 1, 2], lists[0].Children.Select(i => i.IndexInParent));
        var paragraph = Assert.Single(lists[0].Children[1].Children);
        Assert.Equal(BlockKind.Paragraph, paragraph.Kind);
        Assert.Equal("to build a national incident response capability;", paragraph.Text);
        Assert.Same(section, paragraph.Section);
        Assert.Equal(["receive and record reports of cyber incidents;", "issue warnings about new threats."],
            lists[1].Children.Select(i => i.Children.Single().Text));
        Assert.False(lists[0].Children[0].IsOrderedList);
    }

    private const string TableMarkup = """
        ## Action plan

        | {|h0:Action|} | {|h1:Lead agency|} | {|h2:Timeline|} |
        |---|---|---|
        | {|r0:Publish the risk register|} | {|r1:NCA|} | {|r2:Q4 2026|} |
        | {|s0:Hold a national exercise|} | {|s1:CSIRT-VD|} | {|s2:2027|} |
        """;

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Tables_hold_rows_and_cells_with_the_header_row_first(string newline)
    {
        var (text, spans) = FixtureMarkup.Parse(WithNewLines(TableMarkup, newline));
        var document = Parse(text);

        var table = Assert.Single(document.Blocks, b => b.Kind == BlockKind.Table);
        Assert.Same(document.Sections.Single(), table.Section);
        Assert.Equal(3, table.Children.Count);
        Assert.All(table.Children, row => Assert.Equal(BlockKind.TableRow, row.Kind));
        Assert.All(table.Children, row => Assert.Same(table, row.Parent));
        Assert.Equal([true, false, false], table.Children.Select(r => r.IsHeaderRow));
        Assert.Equal([0, 1, 2], table.Children.Select(r => r.IndexInParent));

        var prefixes = new[] { "h", "r", "s" };
        for (var row = 0; row < 3; row++)
        {
            var cells = table.Children[row].Children;
            Assert.Equal(3, cells.Count);
            for (var column = 0; column < 3; column++)
            {
                var cell = cells[column];
                var marked = Marked(spans, prefixes[row] + column);
                Assert.Equal(BlockKind.TableCell, cell.Kind);
                Assert.Equal(column, cell.IndexInParent);
                Assert.Equal(row == 0, cell.IsHeaderRow);
                Assert.Same(table.Children[row], cell.Parent);
                // A cell is a leaf for rules.
                Assert.Empty(cell.Children);
                Assert.True(cell.Span.Contains(marked), $"cell {cell.Span} should contain the marked {marked}");
                Assert.Equal(text.Substring(marked.Start, marked.Length), cell.Text.Trim());
                Assert.Equal(PositionOf(text, marked).Start.Line, cell.Position.Start.Line);
            }
        }
    }

    [Fact]
    public void Quotes_hold_their_blocks()
    {
        var document = Parse("""
            ## Foreword

            > Cybersecurity measures must never be used to suppress freedom of expression.
            >
            > - privacy online as offline

            After the quote.
            """);

        var section = Assert.Single(document.Sections);
        Assert.Equal([BlockKind.Quote, BlockKind.Paragraph], section.Blocks.Select(b => b.Kind));
        var quote = section.Blocks[0];
        Assert.Equal([BlockKind.Paragraph, BlockKind.List], quote.Children.Select(c => c.Kind));
        Assert.All(quote.Children, c => Assert.Same(quote, c.Parent));
        Assert.Equal("Cybersecurity measures must never be used to suppress freedom of expression.", quote.Children[0].Text);
        Assert.All(quote.DescendantsAndSelf(), b => Assert.Same(section, b.Section));
    }

    [Fact]
    public void Document_blocks_are_every_block_at_any_depth_in_document_order()
    {
        var document = Parse("""
            # National Cybersecurity Strategy

            Intro.

            ## Governance

            - the NCA leads;
            - the Council decides.

            | Body | Role |
            |---|---|
            | NCA | Lead |

            > Quoted.
            """);

        var all = document.Root.DescendantsAndSelf()
            .SelectMany(s => (s.Heading is null ? [] : new[] { s.Heading }).Concat(s.Blocks.SelectMany(b => b.DescendantsAndSelf())))
            .ToList();
        Assert.Equal(all.Count, document.Blocks.Count);
        Assert.Equal(all.ToHashSet(), document.Blocks.ToHashSet());
        for (var i = 1; i < document.Blocks.Count; i++)
            Assert.True(document.Blocks[i - 1].Span.Start <= document.Blocks[i].Span.Start, $"{document.Blocks[i - 1]} comes before {document.Blocks[i]}");
    }

    [Fact]
    public void Every_block_lies_inside_its_section()
    {
        var document = Parse("""
            # Kestland National Cyber Security Strategy

            ## Governance

            See the [coordination guide][guide] and the [CERT charter][charter].

            [guide]: https://gov.example.org/guide
            [charter]: https://gov.example.org/charter

            ## Preparedness

            KE-CERT will publish procedures.
            """);

        foreach (var block in document.Blocks)
        {
            Assert.True(block.Section.Span.Contains(block.Span),
                $"{block} ({block.Syntax.GetType().Name}) lies outside its section '{block.Section}' {block.Section.Span}");
            if (block.Parent is not null)
                Assert.True(block.Parent.Span.Contains(block.Span), $"{block} lies outside its parent {block.Parent}");
        }
    }
}
