using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs.Kinds;

/// <summary>
/// co-occurrence: when a section mentions <c>if</c> terms, a <c>then</c> term must appear in that section,
/// its parent or its subsections, or in a section it links to (<c>[see](#anchor)</c> or a heading named in
/// the text). Reported once per section on the first trigger, quoting its sentence. When <c>sections</c>
/// is given, only sections titled for it (or lists led in by it) are checked.
/// </summary>
internal sealed partial class CoOccurrenceKind : IPackKind
{
    public string Name => "co-occurrence";

    public void Register(PackRule rule, StrategyAnalysisContext context) => context.RegisterDocumentAction(c =>
    {
        var document = c.Document;
        var exclude = rule.Terms("exclude", rule.Definition.Exclude, document);
        var triggers = MentionScanner.Find(document, rule.Terms("if", rule.Definition.If, document), exclude)
            .Where(m => !m.Negated && !m.Excluded && !m.InGlossary).ToList();
        if (triggers.Count == 0)
            return;
        var scope = rule.Terms("sections", rule.Definition.Sections, document);
        var then = rule.Terms("then", rule.Definition.Then, document);
        var satisfiers = MentionScanner.Find(document, then).Where(m => !m.Negated && !m.InGlossary).ToList();
        var (bySlug, byTitle) = Index(document);
        foreach (var group in triggers.GroupBy(m => m.Section))
        {
            var section = group.Key;
            if (!scope.IsEmpty && !TitledFor(section, scope) && !LedIn(section, scope))
                continue;
            var area = section.Parent is { Level: >= 2 } parent ? parent : section;
            var linked = LinkedSections(document, section, bySlug, byTitle).ToList();
            if (satisfiers.Any(s => Within(area.Span, s.Span) || linked.Any(l => Within(l.Span, s.Span))))
                continue;
            var first = group.First();
            var expected = rule.Definition.Then.For(document.Language.Code);
            var detail = $"'{MentionScanner.Quote(document, first.Sentence)}' (section '{section.Title}'): none of the expected terms ({string.Join(", ", expected.Take(5))}…) appears in the section, its parent or a linked section.";
            c.Report(rule.Descriptor, first.Sentence, rule.Evidence(document, group,
                ("searchedTerms", string.Join(", ", expected))), rule.Compose(detail));
        }
    });

    private static bool TitledFor(Section section, TermSet scope)
    {
        // The document title does not decide scope: a plan's title names its subject, not every section's.
        for (var current = section; current is { Level: >= 2 }; current = current.Parent)
        {
            if (scope.IsMatch(current.Title))
                return true;
        }
        return false;
    }

    /// <summary>A list in the section introduced by a paragraph in scope ("The programme offers the following technical assistance:").</summary>
    private static bool LedIn(Section section, TermSet scope)
    {
        var blocks = section.Blocks;
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].Kind == BlockKind.List && blocks[i - 1].Kind == BlockKind.Paragraph && scope.IsMatch(blocks[i - 1].Text))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Sections this one links to with a #anchor, or names in quotes or after "see". Titles are looked up in a
    /// table built once per document, so a draft with thousands of sections stays linear.
    /// </summary>
    private static IEnumerable<Section> LinkedSections(StrategyDocument document, Section section, Dictionary<string, List<Section>> bySlug, Dictionary<string, List<Section>> byTitle)
    {
        var text = document.Text.Substring(section.Span.Start, section.Span.Length);
        var found = new HashSet<Section>();
        foreach (Match anchor in Anchor().Matches(text))
            found.UnionWith(bySlug.GetValueOrDefault(anchor.Groups[1].Value.ToLowerInvariant()) ?? []);
        foreach (Match reference in Reference().Matches(text))
        {
            var named = (reference.Groups["quoted"].Success ? reference.Groups["quoted"].Value : reference.Groups["see"].Value).Trim();
            // "see Human rights safeguards below": try the words after "see", longest first.
            var words = named.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var n = words.Length; n > 0; n--)
            {
                if (byTitle.GetValueOrDefault(Normalise(string.Join(' ', words[..n]))) is { } sections)
                {
                    found.UnionWith(sections);
                    break;
                }
            }
        }
        found.Remove(section);
        return found;
    }

    private static (Dictionary<string, List<Section>> BySlug, Dictionary<string, List<Section>> ByTitle) Index(StrategyDocument document)
    {
        var bySlug = new Dictionary<string, List<Section>>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, List<Section>>(StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            Add(bySlug, Slug(section.Title), section);
            if (section.Title.Length >= 8)
                Add(byTitle, Normalise(section.Title), section);
        }
        return (bySlug, byTitle);

        static void Add(Dictionary<string, List<Section>> index, string key, Section section)
        {
            if (!index.TryGetValue(key, out var list))
                index[key] = list = [];
            list.Add(section);
        }
    }

    private static string Normalise(string title) => StrategyParser.CollapseWhitespace(title).Trim().TrimEnd('.', ',', ';', ':').ToLowerInvariant();

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens.</summary>
    internal static string Slug(string title) =>
        new string([.. title.ToLowerInvariant().Where(ch => char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '_')]).Replace(' ', '-');

    private static bool Within(TextSpan outer, TextSpan inner) => inner.Start >= outer.Start && inner.End <= outer.End;

    [GeneratedRegex(@"\]\(#([^)\s]+)\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Anchor();

    // A section named in quotes ('Oversight', “Human rights safeguards”) or after "see" (see Oversight below).
    [GeneratedRegex(@"['""“‘](?<quoted>[^'""”’\n]{8,120})['""”’]|\bsee\s+(?:the\s+)?(?:section\s+)?(?<see>[^.,;:()\n]{8,120})", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Reference();
}
