using StrategyLint.Analysis;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs.Kinds;

/// <summary>
/// require-clause: the document must contain a clause: a counted mention of <c>terms</c> (or a heading
/// matching <c>headings</c>), or one sentence holding a term of every group in <c>together</c>.
/// Mentions overlapping <c>exclude</c> patterns, negated, or in glossary sections do not count. Unlike a focus
/// area, a clause may sit in a foreword or introduction: a minister's "we will report on progress" is a commitment.
/// </summary>
internal sealed class RequireClauseKind : IPackKind
{
    public string Name => "require-clause";

    public void Register(PackRule rule, StrategyAnalysisContext context) => context.RegisterDocumentAction(c =>
    {
        var (covered, near) = Evaluate(rule, c.Document);
        if (covered)
            return;
        var countable = near.Count(CountsForClause);
        var detail = near.Count == 0
            ? "Nothing in the draft addresses it."
            : countable > 0
                ? $"The draft mentions it only {countable} time(s), fewer than the {rule.Definition.MinMentions} needed."
                : $"The draft has {near.Count} related mention(s), but none counts: they are negated, in glossary sections, or are traps such as names of institutions.";
        c.Report(rule.Descriptor, c.Document.AnchorSpan, rule.Evidence(c.Document, near,
            ("searchedTerms", string.Join(", ", rule.Definition.Terms.For(c.Document.Language.Code)))), rule.Compose(detail));
    });

    internal static (bool Covered, IReadOnlyList<Mention> Near) Evaluate(PackRule rule, StrategyDocument document)
    {
        var exclude = rule.Terms("exclude", rule.Definition.Exclude, document);
        var headings = MentionScanner.Find(document, rule.Terms("headings", rule.Definition.Headings, document), exclude)
            .Where(m => m.InHeading && CountsForClause(m)).ToList();
        if (headings.Count > 0)
            return (true, headings);
        var notWith = NotWith(rule, document);
        var mentions = MentionScanner.Find(document, rule.Terms("terms", rule.Definition.Terms, document), exclude, rule.Definition.IgnoreNames)
            .Select(m => notWith(m) ? m with { Excluded = true } : m)
            .ToList();
        // A clause is something the draft sets out: a mention in a statistic, past narrative, a definition, a citation
        // or a question does not count.
        var counted = mentions.Where(m => CountsForClause(m) && rule.Accepts(m, topic: false)).ToList();
        if (counted.Count >= Math.Max(1, rule.Definition.MinMentions))
            return (true, counted);

        foreach (var expression in rule.Definition.Together.For(Commitments.Language(document)))
        {
            if (TogetherInOneSentence(rule, document, expression, exclude).FirstOrDefault(m => CountsForClause(m) && rule.Accepts(m, topic: false) && !notWith(m)) is { } together)
                return (true, [together]);
        }
        return (false, mentions);
    }

    /// <summary>A test for mentions whose sentence holds one of the rule's <c>notWith</c> terms.</summary>
    internal static Func<Mention, bool> NotWith(PackRule rule, StrategyDocument document)
    {
        var terms = rule.Terms("notWith", rule.Definition.NotWith, document);
        if (terms.IsEmpty)
            return _ => false;
        var words = DocumentWords.Of(document);
        var matches = words.MatchesOf(terms);
        return m => words.AnyWithin(matches, m.Sentence);
    }

    /// <summary>Every mention of the first group whose sentence also holds a term of every other group (callers decide which count).</summary>
    internal static IEnumerable<Mention> TogetherInOneSentence(PackRule rule, StrategyDocument document, string expression, TermSet exclude)
    {
        var groups = expression.Split(" + ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (groups.Length == 0)
            yield break;
        var sets = groups.Select((group, i) => rule.Terms($"together:{expression}:{i}", Single(group), document)).ToList();
        var words = DocumentWords.Of(document);
        // The other groups' matches come from the document's word index (each found once), so a sentence is tested
        // by looking up its span instead of scanning its text again for every mention.
        var others = sets.Skip(1).Select(words.MatchesOf).ToList();
        foreach (var mention in MentionScanner.Find(document, sets[0], exclude).Where(m => !m.Negated && !m.Excluded && !m.InGlossary))
        {
            if (others.All(matches => words.AnyWithin(matches, mention.Sentence)))
                yield return mention;
        }
    }

    internal static bool CountsForClause(Mention mention) => !mention.Negated && !mention.Excluded && !mention.InGlossary;

    private static LocalizedTerms Single(string alternatives)
    {
        var terms = new LocalizedTerms();
        terms.ByLanguage["en"] = [.. alternatives.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        return terms;
    }
}
