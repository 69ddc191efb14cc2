using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs.Kinds;

/// <summary>
/// static-list: an enumeration of at least <c>minItems</c> topic items on one level, in a section whose title or
/// lead-in matches <c>sections</c>, with no term of <c>then</c> (a review or update mechanism) near it and about it:
/// in the section that offers the assistance (the nearest section around the list titled for it, subsections
/// included), else the list's own section, or the lead-in that introduces the list. A mechanism promised for a
/// single item in another part of the plan, or a generic "upon request" in an unrelated article, does not keep the
/// catalogue current.
/// <para>
/// Items are counted one enumeration level at a time (the level with the most items decides: a catalogue grouped
/// under three headings counts its entries, not the headings plus the entries), and only topic items: an item that
/// states a duty or a power ("shall issue calls for proposals", "may delegate…"), or completes a lead-in that does
/// ("The Board shall:"), is an obligation, not a category of assistance. The obligation verbs are data, per
/// language: <c>rules/technical-assistance/vocabulary/static-list.json</c>.
/// </para>
/// Reported on the list.
/// </summary>
internal sealed partial class StaticListKind : IPackKind
{
    public string Name => "static-list";

    public void Register(PackRule rule, StrategyAnalysisContext context) => context.RegisterBlockAction(c =>
    {
        var list = c.Block;
        if (list.Parent is not null && HasListAncestor(list))
            return; // the outermost list carries the whole enumeration
        if (list.DescendantsAndSelf().Count(b => b.Kind == BlockKind.ListItem) < rule.Definition.MinItems)
            return; // cheap bound: no level can hold more items than the whole enumeration
        var document = c.Document;
        var vocabulary = Vocabulary.Get("technical-assistance", "static-list");
        var level = LongestTopicLevel(list, vocabulary.Terms("obligations", document), vocabulary.Terms("infinitives", document));
        var items = level.Count;
        if (items < rule.Definition.MinItems)
            return;
        var scope = rule.Terms("sections", rule.Definition.Sections, document);
        if (!InScope(list, scope))
            return;
        var mechanism = rule.Terms("then", rule.Definition.Then, document);
        var area = AssistanceSection(list, scope);
        var leadIn = LeadIn(list);
        var found = MentionScanner.Find(document, mechanism)
            .Where(m => !m.Negated && (Within(area.Span, m.Span) || (leadIn is not null && Within(leadIn.Span, m.Span)))).ToList();
        if (found.Count > 0)
            return;
        var firstItems = level.Take(3)
            .Select(b => StrategyParser.CollapseWhitespace(OwnText(b)).TrimStart('-', '*', ' ')).Select(t => t.Length > 60 ? t[..57] + "…" : t);
        var detail = $"The list under '{list.Section.Title}' fixes {items} categories of assistance (starting '{string.Join("'; '", firstItems)}') with no needs assessment, review or update clause nearby.";
        var evidence = rule.Evidence(document, [], ("items", items.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("searchedMechanisms", string.Join(", ", rule.Definition.Then.For(document.Language.Code))));
        if (rule.FixFor(document) is { } fix)
        {
            // A paragraph after the list, separated by a blank line so it does not continue the last item.
            var insert = new TextChange(new TextSpan(list.Span.End, 0), "\n\n" + fix.Text.Trim());
            c.ReportWithFix(rule.Descriptor, list.Span, new StrategyFix("Add a review clause after the list", [insert]), evidence, rule.Compose(detail));
            return;
        }
        c.Report(rule.Descriptor, list.Span, evidence, rule.Compose(detail));
    }, BlockKind.List);

    /// <summary>
    /// Where a review mechanism must be to be about this list: the section that offers the assistance (the nearest
    /// section around the list titled for it, with its subsections). A needs assessment promised for one item
    /// elsewhere in the plan ("drafting support on request") does not keep a whole catalogue current. When no section
    /// is titled for assistance (a statute's lettered subsections, where the list's lead-in or items put it in
    /// scope), the article or section the list sits in decides, with its subsections; never the whole document.
    /// </summary>
    private static Section AssistanceSection(BlockNode list, TermSet scope)
    {
        for (var section = list.Section; section is { Level: >= 2 }; section = section.Parent)
        {
            if (scope.IsMatch(section.Title))
                return section;
        }
        return list.Section;
    }

    /// <summary>The paragraph just before the list (its lead-in), or the text of the item a nested list belongs to.</summary>
    private static BlockNode? LeadIn(BlockNode list)
    {
        var siblings = list.Parent?.Children ?? list.Section.Blocks;
        var index = IndexOf(siblings, list);
        return index > 0 && siblings[index - 1].Kind == BlockKind.Paragraph ? siblings[index - 1] : null;
    }

    private static int IndexOf(IReadOnlyList<BlockNode> blocks, BlockNode block)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (ReferenceEquals(blocks[i], block))
                return i;
        }
        return -1;
    }

    /// <summary>
    /// The topic items of the enumeration level with the most of them. An item that states a duty or a power near
    /// its start ("(A) shall issue calls…", "may delegate…", "To provide technical assistance…") is an obligation,
    /// not a topic; its sub-items are still counted on their own level. A lead-in that imposes a duty ("Such
    /// programmes shall deal with the following:") does not make its noun-phrase items obligations.
    /// </summary>
    private static List<BlockNode> LongestTopicLevel(BlockNode list, TermSet obligations, TermSet infinitives)
    {
        var levels = new Dictionary<int, List<BlockNode>>();
        Collect(list, 0, obligations, infinitives, levels);
        return levels.Values.OrderByDescending(l => l.Count).FirstOrDefault() ?? [];
    }

    private static void Collect(BlockNode list, int depth, TermSet obligations, TermSet infinitives, Dictionary<int, List<BlockNode>> levels)
    {
        foreach (var item in list.Children.Where(b => b.Kind == BlockKind.ListItem))
        {
            if (!IsObligation(OwnText(item), obligations, infinitives))
                (levels.TryGetValue(depth, out var level) ? level : levels[depth] = []).Add(item);
            foreach (var nested in item.Children.Where(b => b.Kind == BlockKind.List))
                Collect(nested, depth + 1, obligations, infinitives, levels);
        }
    }

    // The duty or power sits near the start of an item: "(A) shall issue…", "The Board may delegate…"; or the item is
    // an infinitive goal: "To provide technical assistance…", "Pour renforcer…", "Para fortalecer…".
    private static bool IsObligation(string item, TermSet obligations, TermSet infinitives)
    {
        var words = 0;
        var end = 0;
        while (end < item.Length && words < 8)
        {
            while (end < item.Length && !char.IsLetterOrDigit(item[end])) end++;
            while (end < item.Length && char.IsLetterOrDigit(item[end])) end++;
            words++;
        }
        if (obligations.IsMatch(item[..end]))
            return true;
        var start = Enumerator().Match(item).Length;
        var first = infinitives.Matches(item[start..]).FirstOrDefault();
        return first.Length > 0 && first.Start == 0;
    }

    // "(A) ", "a) ", "1. ", "iv) " before an item's text.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(\(?[A-Za-z0-9]{1,4}[).:]\s*)?", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex Enumerator();

    /// <summary>An item's own text: its paragraphs, not its sub-list.</summary>
    private static string OwnText(BlockNode item) =>
        string.Join(" ", item.Children.Where(b => b.Kind != BlockKind.List).Select(b => b.Text));

    private static bool HasListAncestor(BlockNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Kind == BlockKind.List)
                return true;
        }
        return false;
    }

    /// <summary>
    /// In scope when the list's section or an ancestor below the title is titled for assistance, the paragraph
    /// before the list says so, or most of its items do. The document title does not decide: a plan's title
    /// names capacity building, yet not every list in it is a catalogue of assistance.
    /// </summary>
    private static bool InScope(BlockNode list, TermSet scope)
    {
        for (var section = list.Section; section is { Level: >= 2 }; section = section.Parent)
        {
            if (scope.IsMatch(section.Title))
                return true;
        }
        if (LeadIn(list) is { } leadIn && scope.IsMatch(leadIn.Text))
            return true;
        var items = list.Children.Where(c => c.Kind == BlockKind.ListItem).ToList();
        return items.Count > 0 && items.Count(i => scope.IsMatch(i.Text)) * 2 >= items.Count;
    }

    private static bool Within(TextSpan outer, TextSpan inner) => inner.Start >= outer.Start && inner.End <= outer.End;
}
