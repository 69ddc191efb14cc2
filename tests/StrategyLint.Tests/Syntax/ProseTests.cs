using StrategyLint.Testing;
using System.Text;
using StrategyLint.Syntax;
using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Syntax;

/// <summary>
/// The prose mask: code, HTML, link targets and front matter are blanked to spaces in <see cref="StrategyDocument.Prose"/>
/// and <see cref="BlockNode.Text"/>, keeping the length and the line breaks so offsets map one to one onto the source.
/// In the markup below, <c>[|…|]</c> marks what must be blanked.
/// </summary>
public sealed class ProseTests
{
    private static StrategyDocument Parse(string text) => StrategyParser.Parse("draft.md", text);

    /// <summary>The text with the marked spans blanked (line breaks kept): the prose the mask should give.</summary>
    private static string ExpectedProse(string text, IEnumerable<ExpectedSpan> blanked)
    {
        var builder = new StringBuilder(text);
        foreach (var span in blanked)
        {
            for (var i = span.Span.Start; i < span.Span.End; i++)
            {
                if (builder[i] is not ('\r' or '\n'))
                    builder[i] = ' ';
            }
        }
        return builder.ToString();
    }

    private static (string Text, StrategyDocument Document, string Expected) Run(string markup, string newline)
    {
        var (text, spans) = FixtureMarkup.Parse(markup.ReplaceLineEndings(newline == "CRLF" ? "\r\n" : "\n"));
        var document = Parse(text);
        return (text, document, ExpectedProse(text, spans));
    }

    private static void AssertProse(string markup, string newline)
    {
        var (text, document, expected) = Run(markup, newline);
        var prose = document.Prose;
        Assert.Equal(text.Length, prose.Length);
        var wrong = Enumerable.Range(0, text.Length).Where(i => prose[i] != expected[i]).ToList();
        Assert.True(wrong.Count == 0,
            $"The prose differs from the expected at offsets {string.Join(", ", wrong.Take(20))}: " +
            string.Join("; ", wrong.Take(20).Select(i => $"'{text[i]}' at {i} is '{prose[i]}', expected '{expected[i]}'")) +
            $"\nexpected:\n{Visible(expected)}\nactual:\n{Visible(prose)}");
    }

    private static string Visible(string text) => text.Replace("\r", "␍").Replace("\n", "⏎\n");

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Fenced_code_is_blanked(string newline) => AssertProse("""
        ## Technical tools

        KE-CERT will need tools for log collection.

        [|```yaml
        collector: syslog
        retention: 90d
        ```|]

        Funding will be sought from the national budget.
        """, newline);

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Indented_code_is_blanked(string newline) => AssertProse("""
        ## Technical tools

        KE-CERT will run this check:

        [|    scan --all-ministries --weekly|]

        Results go to the Coordination Committee.
        """, newline);

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Inline_code_is_blanked(string newline) => AssertProse("""
        ## Incident reporting

        Reports go to the [|`report-incident`|] form, not to the [|``gov-it`desk``|] queue.
        """, newline);

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Html_blocks_and_comments_are_blanked(string newline) => AssertProse("""
        ## Governance

        [|<!-- drafting note: confirm the lead agency with the Cabinet Office -->|]

        [|<div class="note">
        Text inside an HTML block is not prose.
        </div>|]

        The OCIO will be the lead agency [|<!-- or the NCA? -->|] for cyber security, [|<em>|]subject to approval[|</em>|].
        """, newline);

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Link_urls_are_blanked_and_link_text_stays(string newline) => AssertProse("""
        ## International cooperation

        Kestland will join the [FIRST community]([|https://www.first.org/members|]) and follow the
        [Budapest Convention]([|https://www.coe.int/cybercrime "Convention on Cybercrime"|]).
        Questions go to [|<https://ocio.example.gov/contact>|].
        """, newline);

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Reference_links_keep_their_text_and_definitions_are_blanked(string newline) => AssertProse("""
        ## International cooperation

        The [national guide][guide] applies, and so does the [charter].

        [|[guide]: https://ocio.example.gov/guide|]
        [|[charter]: https://ocio.example.gov/charter "KE-CERT charter"|]
        """, newline);

    [Theory]
    [InlineData("See [the charter](https://ocio.example.gov/charter \"Charter\") for details.")]
    [InlineData("See [the charter](https://ocio.example.gov/charter) for details.")]
    [InlineData("See [the guide][guide] for details.\n\n[guide]: https://ocio.example.gov/guide")]
    [InlineData("See ![the logo](logo.png) here.")]
    public void A_link_blanks_nothing_outside_its_target(string paragraph)
    {
        var text = "# Governance\n\n" + paragraph + "\n";
        var document = Parse(text);

        // The heading at offset 0 has nothing to blank.
        Assert.Equal("# Governance", document.Sections.Single().Heading!.Text);
        Assert.StartsWith("# Governance\n\nSee ", document.Prose, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Front_matter_is_blanked(string newline) => AssertProse("""
        [|---
        title: "Kestland National Cyber Security Strategy (Draft 0.3)"
        country: Kestland
        type: national-cybersecurity-strategy
        language: en
        ---|]

        # Kestland National Cyber Security Strategy (Draft 0.3)

        Internal working draft.
        """, newline);

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Block_text_is_the_prose_of_its_span(string newline)
    {
        var (text, document, _) = Run("""
            # Kestland National Cyber Security Strategy

            The OCIO uses the `ke-cert` tool, see [the charter](https://ocio.example.gov/charter).

            ```
            not prose at all
            ```

            <!-- drafting note -->
            """, newline);

        foreach (var block in document.Blocks)
        {
            Assert.Equal(block.Span.Length, block.Text.Length);
            Assert.Equal(document.Prose.Substring(block.Span.Start, block.Span.Length), block.Text);
            Assert.Equal(block.Text, document.GetProseSpan(block.Span).ToString());
        }
        foreach (var section in document.Root.DescendantsAndSelf())
            Assert.Equal(section.Span.Length, section.Text.Length);

        var paragraph = document.Blocks.Single(b => b.Kind == BlockKind.Paragraph);
        Assert.DoesNotContain("ke-cert", paragraph.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ocio.example.gov", paragraph.Text, StringComparison.Ordinal);
        // Link text stays, at the same offset as in the source.
        var offset = text.IndexOf("the charter", StringComparison.Ordinal);
        Assert.Equal("the charter", document.Prose.Substring(offset, "the charter".Length));
        Assert.Equal("the charter", paragraph.Text.Substring(offset - paragraph.Span.Start, "the charter".Length));

        Assert.All(document.Blocks.Where(b => b.Kind is BlockKind.Code or BlockKind.Html), b => Assert.True(string.IsNullOrWhiteSpace(b.Text), $"{b} should be blank, was '{b.Text}'"));
    }

    [Fact]
    public void Prose_keeps_every_other_character_in_place()
    {
        const string text = """
            ---
            title: Draft
            ---

            # National Cybersecurity Strategy

            Café, naïve — “quotes” and `code` and [link](https://example.org).

            | Action | Lead |
            |---|---|
            | Use `tool` | NCA |
            """;
        var document = Parse(text);
        var prose = document.Prose;

        Assert.Equal(text.Length, prose.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (prose[i] != text[i])
                Assert.Equal(' ', prose[i]);
            if (text[i] is '\n' or '\r')
                Assert.Equal(text[i], prose[i]);
        }
        Assert.Contains("Café, naïve — “quotes” and ", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("tool", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("title:", prose, StringComparison.Ordinal);
        Assert.Equal(text, document.Text);
    }

    // A promise of text is not text: placeholder paragraphs, and the heading of a section that holds nothing else.
    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void Placeholders_and_the_headings_of_placeholder_only_sections_are_blanked(string newline) => AssertProse("""
        # National Cybersecurity Strategy

        [|## Risk management|]

        [|_To be drafted:_ Commit to a risk-based approach, respecting human rights.|]

        ## Governance

        The council leads, with the ministry.

        [|TODO: name the deputy lead.|]

        [|## Incident response|]

        [|<!-- owner: CERT -->|]

        [|TBD|]
        """, newline);

    [Theory]
    [InlineData("LF")]
    [InlineData("CRLF")]
    public void A_section_with_content_beside_a_placeholder_keeps_its_heading(string newline) => AssertProse("""
        ## Legislation

        A cybercrime law will be enacted by 2027.

        [|TBD: the data protection bill.|]

        ### Regulation

        The regulator will audit operators yearly.
        """, newline);

    [Fact]
    public void A_word_that_only_begins_like_a_placeholder_is_prose()
    {
        var document = Parse("## Plan\n\nTodos los ministerios participarán.\n");
        Assert.Contains("Todos los ministerios", document.Prose, StringComparison.Ordinal);
        Assert.Contains("## Plan", document.Prose, StringComparison.Ordinal);
    }
}
