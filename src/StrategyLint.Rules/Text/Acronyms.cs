using System.Text.RegularExpressions;
using StrategyLint.Packs;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>
/// Acronyms a draft defines itself: "critical public information assets (CPIA)" or "CPIA (critical public
/// information assets)". When the expansion names a rule's concept, later mentions of the acronym are mentions of
/// the concept too, so "the Office keeps a register of CPIA operators" covers critical infrastructure. Only the draft's
/// own definitions count: no acronym is assumed.
/// </summary>
internal static partial class Acronyms
{
    /// <summary>A draft's acronym definitions: the acronym and its expansion, in document order.</summary>
    public static IReadOnlyList<(string Acronym, string Expansion)> Of(StrategyDocument document) =>
        document.GetOrAddAnalysis(typeof(Acronyms), Find);

    /// <summary>The mentions of the draft's acronyms whose expansion holds one of the rule's terms.</summary>
    public static IEnumerable<Mention> Mentions(PackRule rule, StrategyDocument document, TermSet exclude)
    {
        var definitions = Of(document);
        if (definitions.Count == 0)
            return [];
        var terms = rule.Terms("terms", rule.Definition.Terms, document);
        var acronyms = definitions
            .Where(d => terms.IsMatch(d.Expansion) && !terms.IsMatch(d.Acronym))
            .Select(d => d.Acronym)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (acronyms.Count == 0)
            return [];
        var set = document.GetOrAddAnalysis((typeof(Acronyms), rule.Definition.Id), _ => new TermSet(acronyms));
        // An acronym is written in capitals: "cpia" in running text is not the acronym.
        return MentionScanner.Find(document, set, exclude, rule.Definition.IgnoreNames)
            .Where(m => m.Value.Any(char.IsUpper) && !m.Value.Any(char.IsLower) || m.Value.EndsWith('s') && !m.Value[..^1].Any(char.IsLower));
    }

    private static IReadOnlyList<(string, string)> Find(StrategyDocument document)
    {
        var found = new List<(string, string)>();
        var prose = document.Prose;
        foreach (var block in document.Blocks)
        {
            if (block.Kind is not (BlockKind.Paragraph or BlockKind.TableCell))
                continue;
            var text = prose.AsSpan(block.Span.Start, block.Span.Length);
            if (text.IndexOf('(') < 0)
                continue;
            var value = text.ToString();
            foreach (Match match in ExpansionThenAcronym().Matches(value))
            {
                var acronym = match.Groups["acronym"].Value;
                var words = match.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // The expansion is at most the acronym's length in words, plus a few linking words ("of", "de", "for").
                var take = Math.Min(words.Length, acronym.Count(char.IsUpper) + 3);
                found.Add((acronym, string.Join(' ', words[^take..])));
            }
            foreach (Match match in AcronymThenExpansion().Matches(value))
                found.Add((match.Groups["acronym"].Value, match.Groups["expansion"].Value));
        }
        return found;
    }

    // "… critical public information assets (CPIA)": up to 12 words before a parenthesised acronym.
    [GeneratedRegex(@"(?<words>(?:[\p{L}\p{Nd}'’\-]+ ){1,12})\((?<acronym>\p{Lu}[\p{Lu}\p{Ll}&\-]{0,2}\p{Lu}[\p{Lu}\d&\-]{0,8})\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExpansionThenAcronym();

    // "CPIA (critical public information assets)".
    [GeneratedRegex(@"\b(?<acronym>\p{Lu}[\p{Lu}&\-]{1,9})\s\((?<expansion>[\p{Ll}\p{Lu}][^()\n]{4,120})\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AcronymThenExpansion();
}
