using Microsoft.CodeAnalysis.Text;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>
/// A document's word index over the regions rules search (headings of level 2 and below, then paragraphs,
/// table cells and nested headings, in document order), with each term set's matches cached: many rules
/// ask for the same terms (SL2010 re-reads every focus area), and each set is looked up once per document.
/// </summary>
internal sealed class DocumentWords
{
    private readonly Dictionary<TermSet, List<TermMatch>> _matches = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<List<TermMatch>, TermMatch[]> _byStart = new(ReferenceEqualityComparer.Instance);

    private DocumentWords(StrategyDocument document)
    {
        var regions = new List<TextSpan>();
        var info = new List<(Section, bool)>();
        var blocks = new List<BlockNode?>();
        foreach (var section in document.Sections)
        {
            if (section.Level >= 2 && section.Heading is not null)
            {
                regions.Add(section.Heading.Span);
                info.Add((section, true));
                blocks.Add(section.Heading);
            }
        }
        foreach (var block in document.Blocks)
        {
            if (block.Kind is BlockKind.Paragraph or BlockKind.TableCell || (block.Kind == BlockKind.Heading && block.Parent is not null))
            {
                regions.Add(block.Span);
                info.Add((block.Section, false));
                blocks.Add(block);
            }
        }
        Index = new WordIndex(document.Prose, regions);
        RegionInfo = info;
        RegionBlock = blocks;
    }

    public WordIndex Index { get; }

    /// <summary>Per region: the section it belongs to, and whether it is that section's heading.</summary>
    public IReadOnlyList<(Section Section, bool InHeading)> RegionInfo { get; }

    /// <summary>Per region: the block it is (a heading, a paragraph, a table cell).</summary>
    public IReadOnlyList<BlockNode?> RegionBlock { get; }

    public static DocumentWords Of(StrategyDocument document) => document.GetOrAddAnalysis(typeof(DocumentWords), d => new DocumentWords(d));

    /// <summary>True when one of <paramref name="matches"/> (sorted by start within each region) overlaps <paramref name="span"/>.</summary>
    public bool AnyWithin(List<TermMatch> matches, TextSpan span)
    {
        // The lists are in region order (headings first), not text order: binary search a copy ordered by start,
        // made once per list. Matches do not overlap, so their ends rise with their starts.
        if (!_byStart.TryGetValue(matches, out var byStart))
            _byStart[matches] = byStart = [.. matches.OrderBy(m => m.Start)];
        int low = 0, high = byStart.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (byStart[mid].End <= span.Start)
                low = mid + 1;
            else
                high = mid;
        }
        return low < byStart.Length && byStart[low].Start < span.End && byStart[low].End > span.Start;
    }

    /// <summary>The term set's matches, sorted by region and start (shared: do not modify).</summary>
    public List<TermMatch> MatchesOf(TermSet terms)
    {
        if (!_matches.TryGetValue(terms, out var matches))
            _matches[terms] = matches = terms.Find(Index);
        return matches;
    }
}
