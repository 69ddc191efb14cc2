using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>One mention of a term, with what a rule needs to weigh it.</summary>
internal sealed record Mention(
    TextSpan Span,
    string Value,
    TextSpan Sentence,
    Section Section,
    bool InHeading,
    bool InGlossary,
    bool InBackground,
    bool Negated,
    bool Excluded)
{
    /// <summary>A mention that can count as a commitment: not negated, not excluded, not in a glossary or background section.</summary>
    public bool Counts => !Negated && !Excluded && !InGlossary && !InBackground;
}

/// <summary>
/// Finds the mentions of a term set in headings (level 2 and below) and in prose blocks (paragraphs, list
/// items, table cells), and classifies them. Glossary sections (definitions, abbreviations, references)
/// and background sections (introduction, context, threat landscape, foreword) are marked, because a
/// strategy commits to nothing there.
/// </summary>
internal static partial class MentionScanner
{
    public static List<Mention> Find(StrategyDocument document, TermSet terms, TermSet? exclude = null)
    {
        var mentions = new List<Mention>();
        if (terms.IsEmpty)
            return mentions;
        var prose = document.Prose;
        foreach (var section in document.Sections)
        {
            if (section.Level < 2 || section.Heading is null)
                continue;
            Scan(document, prose, section.Heading.Span, section, inHeading: true, terms, exclude, mentions);
        }
        foreach (var block in document.Blocks)
        {
            if (block.Kind is BlockKind.Paragraph or BlockKind.TableCell || (block.Kind == BlockKind.Heading && block.Parent is not null))
                Scan(document, prose, block.Span, block.Section, inHeading: false, terms, exclude, mentions);
        }
        return mentions;
    }

    private static void Scan(StrategyDocument document, string prose, TextSpan bounds, Section section, bool inHeading, TermSet terms, TermSet? exclude, List<Mention> mentions)
    {
        var text = prose.Substring(bounds.Start, bounds.Length);
        List<TermMatch>? excluded = null;
        foreach (var match in terms.Matches(text, bounds.Start))
        {
            excluded ??= exclude is null ? [] : [.. exclude.Matches(text, bounds.Start)];
            var span = new TextSpan(match.Start, match.Length);
            var sentence = Sentences.Around(prose, bounds, match.Start);
            mentions.Add(new Mention(
                span,
                match.Value,
                sentence,
                section,
                inHeading,
                IsGlossary(section),
                !inHeading && IsBackground(section),
                Sentences.IsNegated(prose, sentence, match.Start),
                excluded.Any(e => e.Start < span.End && span.Start < e.Start + e.Length)));
        }
    }

    public static bool IsGlossary(Section section) => AnyAncestor(section, s => GlossaryTitle().IsMatch(s.Title));

    public static bool IsBackground(Section section) => AnyAncestor(section, s => BackgroundTitle().IsMatch(s.Title));

    private static bool AnyAncestor(Section section, Func<Section, bool> predicate)
    {
        for (var current = section; current is { Level: >= 2 }; current = current.Parent)
        {
            if (predicate(current))
                return true;
        }
        return false;
    }

    /// <summary>The sentence quoted in a message: collapsed, at most 160 characters.</summary>
    public static string Quote(StrategyDocument document, TextSpan sentence)
    {
        var text = StrategyParser.CollapseWhitespace(document.GetProse(sentence)).Replace("*", "").Replace("_", " ").Trim();
        return text.Length <= 160 ? text : text[..157].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\b(glossary|definitions?|abbreviations?|acronyms?|terminology|terms and definitions|references|bibliography|endnotes|footnotes|sources)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GlossaryTitle();

    [GeneratedRegex(@"\b(background|context|introduction|overview|foreword|preface|threat landscape|threats?|challenges?|what is|statistics|history|current (situation|state)|situation analysis|done so far|achievements|key benefits|conclusions?|about this)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BackgroundTitle();
}
