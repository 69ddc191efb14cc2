using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace StrategyLint.Syntax;

/// <summary>
/// Placeholders: a paragraph that starts "To be drafted", "TBD" or "TODO" (the first is what <c>--fix</c> writes
/// under a scaffolded heading; "À rédiger" and "Por redactar" in a French or Spanish draft) promises text that is
/// not there yet. It is not prose, so no rule finds a term in it;
/// and a section that holds nothing but placeholders covers nothing, so its heading is not prose either. After
/// <c>--fix</c> a scaffolded focus area therefore stays missing until someone writes it, and the prompt's own words
/// ("respecting human rights") never satisfy a clause.
/// </summary>
internal static partial class Placeholders
{
    /// <summary>True for a paragraph that is a placeholder (read from the source: its prose is blanked once parsed).</summary>
    public static bool IsPlaceholder(BlockNode block) =>
        block.Kind == BlockKind.Paragraph && Start().IsMatch(block.Document.Text.AsSpan(block.Span.Start, block.Span.Length));

    /// <summary>
    /// True for a section with a heading whose content (what a reader sees: comments and link definitions aside) is
    /// only placeholders, with no subsection that has content of its own.
    /// </summary>
    public static bool HoldsOnlyPlaceholders(Section section)
    {
        if (section.IsRoot)
            return false;
        var content = section.Blocks.Where(IsContent).ToList();
        if (content.Count > 0 && !content.All(IsPlaceholder))
            return false;
        if (section.Subsections.Any(s => !HoldsOnlyPlaceholders(s)))
            return false;
        return content.Count > 0 || section.Subsections.Count > 0;
    }

    /// <summary>Whether a block is content a reader sees: drafting notes in comments and link definitions are not.</summary>
    public static bool IsContent(BlockNode block) => block.Kind switch
    {
        BlockKind.Html => block.Syntax is HtmlBlock { Type: not HtmlBlockType.Comment },
        BlockKind.Other => false,
        _ => true,
    };

    [GeneratedRegex(@"^[\s_*]*(to be drafted|tbd|todo|à rédiger|a rédiger|a rediger|por redactar)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Start();
}
