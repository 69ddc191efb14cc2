using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs.Kinds;

/// <summary>
/// static-list: a list (counting nested items: a lettered sub-list is part of the enumeration) of at least
/// <c>minItems</c> items, in a section whose title or lead-in matches <c>sections</c>, with no term of
/// <c>then</c> (a review or update mechanism) in the section that offers the assistance (the nearest section
/// around the list titled for it, subsections included; else the list's article, its level-1 section). A mechanism
/// must be near the list and about it: one promised for a single item elsewhere in the plan does not keep the
/// catalogue current.
/// Reported on the list.
/// </summary>
internal sealed class StaticListKind : IPackKind
{
    public string Name => "static-list";

    public void Register(PackRule rule, StrategyAnalysisContext context) => context.RegisterBlockAction(c =>
    {
        var list = c.Block;
        if (list.Parent is not null && HasListAncestor(list))
            return; // the outermost list carries the whole enumeration
        var items = list.DescendantsAndSelf().Count(b => b.Kind == BlockKind.ListItem);
        if (items < rule.Definition.MinItems)
            return;
        var document = c.Document;
        var scope = rule.Terms("sections", rule.Definition.Sections, document);
        if (!InScope(list, scope))
            return;
        var mechanism = rule.Terms("then", rule.Definition.Then, document);
        var area = AssistanceSection(list, scope);
        var found = MentionScanner.Find(document, mechanism).Where(m => !m.Negated && Within(area.Span, m.Span)).ToList();
        if (found.Count > 0)
            return;
        var firstItems = list.DescendantsAndSelf().Where(b => b.Kind == BlockKind.ListItem).Take(3)
            .Select(b => StrategyParser.CollapseWhitespace(b.Text).TrimStart('-', '*', ' ')).Select(t => t.Length > 60 ? t[..57] + "…" : t);
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
    /// section around the list titled for it, with its subsections and the paragraph that introduces the list). A
    /// needs assessment promised for one item elsewhere in the plan ("drafting support on request") does not keep a
    /// whole catalogue current. When no section is titled for assistance (a statute's lettered subsections, where
    /// the list's lead-in or items put it in scope), the article the list belongs to, its level-1 section, decides.
    /// </summary>
    private static Section AssistanceSection(BlockNode list, TermSet scope)
    {
        for (var section = list.Section; section is { Level: >= 2 }; section = section.Parent)
        {
            if (scope.IsMatch(section.Title))
                return section;
        }
        var part = list.Section;
        while (part.Parent is { } parent && part.Level > 1)
            part = parent;
        return part;
    }

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
        var siblings = list.Parent?.Children ?? list.Section.Blocks;
        var index = siblings.ToList().IndexOf(list);
        if (index > 0 && siblings[index - 1].Kind == BlockKind.Paragraph && scope.IsMatch(siblings[index - 1].Text))
            return true;
        var items = list.Children.Where(c => c.Kind == BlockKind.ListItem).ToList();
        return items.Count > 0 && items.Count(i => scope.IsMatch(i.Text)) * 2 >= items.Count;
    }

    private static bool Within(TextSpan outer, TextSpan inner) => inner.Start >= outer.Start && inner.End <= outer.End;
}
