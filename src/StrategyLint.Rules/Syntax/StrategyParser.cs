using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Syntax;

/// <summary>Parses Markdown once with Markdig and builds the section tree and the prose mask.</summary>
internal static class StrategyParser
{
    // Immutable and thread-safe: built once, shared by every worker.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    public static StrategyDocument Parse(string path, string text)
    {
        text = SourceDecoder.StripBom(text);
        var syntax = Markdown.Parse(text, Pipeline);
        var html = new List<TextSpan>();
        var prose = BuildProseMask(text, syntax, html);
        var document = new StrategyDocument(path, text, syntax, prose) { HtmlSpans = html };

        var root = new Section(document, null, string.Empty, 0, null, 0);
        var open = new Stack<Section>();
        open.Push(root);
        var sections = new List<Section>();
        var blocks = new List<BlockNode>();
        Section? title = null;

        // Top-level blocks only: a heading inside a list or a quote opens no section.
        foreach (var block in syntax)
        {
            if (block is YamlFrontMatterBlock frontMatter)
            {
                document.FrontMatter = FrontMatter.Parse(text, ToTextSpan(frontMatter.Span, text.Length));
                continue;
            }

            // Link reference definitions render nothing, and Markdig gives their group no position of its own.
            if (block is LinkReferenceDefinitionGroup)
                continue;

            var node = Build(document, block, null, blocks, text.Length);
            if (block is HeadingBlock heading)
            {
                while (open.Peek().Level >= heading.Level)
                    open.Pop().Close(node.Span.Start);
                var section = new Section(document, node, HeadingText(heading), heading.Level, open.Peek(), node.Span.Start);
                open.Peek().AddSubsection(section);
                open.Push(section);
                sections.Add(section);
                title ??= heading.Level == 1 ? section : null;
            }
            else
            {
                open.Peek().AddBlock(node);
            }
            foreach (var each in node.DescendantsAndSelf())
                each.Section = open.Peek();
        }
        while (open.Count > 0)
            open.Pop().Close(text.Length);

        document.Root = root;
        document.Sections = sections;
        document.Blocks = blocks;
        document.TitleSection = title;
        BlankPlaceholders(document, prose);
        return document;
    }

    /// <summary>Markdig spans are inclusive and may be empty (End &lt; Start); Roslyn's are end-exclusive.</summary>
    internal static TextSpan ToTextSpan(SourceSpan span, int textLength)
    {
        var start = Math.Clamp(span.Start, 0, textLength);
        var end = Math.Clamp(span.End + 1, start, textLength);
        return TextSpan.FromBounds(start, end);
    }

    private static BlockNode Build(StrategyDocument document, Block block, BlockNode? parent, List<BlockNode> all, int textLength)
    {
        var span = TrimEnd(document.Text, ToTextSpan(block.Span, textLength));
        if (block is HeadingBlock { IsSetext: false })
            span = ToEndOfLine(document.Text, span);
        var node = new BlockNode(document, block, KindOf(block), span, parent);
        all.Add(node);
        parent?.Add(node);
        // A cell is a leaf for rules: the paragraph Markdig puts inside it is not a prose paragraph of its own.
        if (block is ContainerBlock container && block is not TableCell)
        {
            foreach (var child in container)
            {
                if (child is not LinkReferenceDefinitionGroup)
                    Build(document, child, node, all, textLength);
            }
        }
        return node;
    }

    /// <summary>Markdig's list and item spans can run over the blank line after them; a finding ends at the last character.</summary>
    private static TextSpan TrimEnd(string text, TextSpan span)
    {
        var end = span.End;
        while (end > span.Start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return TextSpan.FromBounds(span.Start, end);
    }

    /// <summary>Markdig ends an ATX heading before its closing "###"; a finding on a heading should cover the whole line.</summary>
    private static TextSpan ToEndOfLine(string text, TextSpan span)
    {
        var end = span.End;
        while (end < text.Length && text[end] is not ('\r' or '\n'))
            end++;
        while (end > span.End && char.IsWhiteSpace(text[end - 1]))
            end--;
        return TextSpan.FromBounds(span.Start, end);
    }

    private static BlockKind KindOf(Block block) => block switch
    {
        HeadingBlock => BlockKind.Heading,
        ParagraphBlock => BlockKind.Paragraph,
        ListBlock => BlockKind.List,
        ListItemBlock => BlockKind.ListItem,
        Table => BlockKind.Table,
        TableRow => BlockKind.TableRow,
        TableCell => BlockKind.TableCell,
        QuoteBlock => BlockKind.Quote,
        CodeBlock => BlockKind.Code,
        HtmlBlock => BlockKind.Html,
        ThematicBreakBlock => BlockKind.ThematicBreak,
        _ => BlockKind.Other,
    };

    /// <summary>
    /// A copy of the text, same length, where everything that is not prose is blanked to spaces (line breaks kept):
    /// code blocks and spans, HTML blocks and inlines (comments included), front matter, link and image targets.
    /// Rules search this copy, so an offset found in it is an offset in the source.
    /// </summary>
    private static char[] BuildProseMask(string text, MarkdownDocument syntax, List<TextSpan> html)
    {
        var mask = text.ToCharArray();
        foreach (var node in syntax.Descendants())
        {
            // Where HTML is, in document order: suppression comments count only there, not inside code examples.
            if (node is HtmlBlock or HtmlInline && !node.Span.IsEmpty)
                html.Add(ToTextSpan(node.Span, text.Length));
            switch (node)
            {
                case CodeBlock or HtmlBlock: // CodeBlock covers fenced code and the YAML front matter block
                case CodeInline or HtmlInline or AutolinkInline:
                case LinkReferenceDefinition:
                    Blank(mask, node.Span);
                    break;
                case LinkInline link:
                    // Reference links ([text][label]) leave UrlSpan and TitleSpan at their default (offset 0).
                    BlankWithin(mask, link.UrlSpan, link.Span);
                    BlankWithin(mask, link.TitleSpan, link.Span);
                    break;
            }
        }
        html.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mask;
    }

    /// <summary>
    /// Placeholder paragraphs are not prose, nor is the heading of a section that holds only placeholders
    /// (<see cref="Placeholders"/>): a promise of text covers nothing. Done before any rule reads the mask.
    /// </summary>
    private static void BlankPlaceholders(StrategyDocument document, char[] mask)
    {
        foreach (var block in document.Blocks.Where(Placeholders.IsPlaceholder))
            Blank(mask, block.Span);
        foreach (var section in document.Sections.Where(Placeholders.HoldsOnlyPlaceholders))
            Blank(mask, section.Heading!.Span);
    }

    private static void Blank(char[] mask, TextSpan span)
    {
        for (var i = span.Start; i < span.End && i < mask.Length; i++)
        {
            if (mask[i] is not ('\n' or '\r'))
                mask[i] = ' ';
        }
    }

    private static void BlankWithin(char[] mask, SourceSpan span, SourceSpan owner)
    {
        if (span.Start >= owner.Start && span.End <= owner.End)
            Blank(mask, span);
    }

    private static void Blank(char[] mask, SourceSpan span)
    {
        if (span.IsEmpty || span.Start < 0)
            return;
        var end = Math.Min(span.End, mask.Length - 1);
        for (var i = span.Start; i <= end; i++)
        {
            if (mask[i] is not ('\n' or '\r'))
                mask[i] = ' ';
        }
    }

    /// <summary>The plain text of a heading: literal text, code and link text; markup and HTML dropped; spaces collapsed.</summary>
    internal static string HeadingText(HeadingBlock heading)
    {
        var builder = new StringBuilder();
        if (heading.Inline is not null)
            AppendInlineText(heading.Inline, builder);
        return CollapseWhitespace(builder.ToString());
    }

    private static void AppendInlineText(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: builder.Append(literal.Content.AsSpan()); break;
                case CodeInline code: builder.Append(code.Content); break;
                case HtmlEntityInline entity: builder.Append(entity.Transcoded.AsSpan()); break;
                case LineBreakInline: builder.Append(' '); break;
                case ContainerInline nested: AppendInlineText(nested, builder); break;
            }
        }
    }

    internal static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
