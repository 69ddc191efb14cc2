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
    public static List<Mention> Find(StrategyDocument document, TermSet terms, TermSet? exclude = null, bool ignoreNames = false)
    {
        var mentions = new List<Mention>();
        if (terms.IsEmpty)
            return mentions;
        var prose = document.Prose;
        foreach (var section in document.Sections)
        {
            if (section.Level < 2 || section.Heading is null)
                continue;
            Scan(document, prose, section.Heading.Span, section, inHeading: true, terms, exclude, ignoreNames: false, mentions);
        }
        foreach (var block in document.Blocks)
        {
            if (block.Kind is BlockKind.Paragraph or BlockKind.TableCell || (block.Kind == BlockKind.Heading && block.Parent is not null))
                Scan(document, prose, block.Span, block.Section, inHeading: false, terms, exclude, ignoreNames, mentions);
        }
        return mentions;
    }

    private static void Scan(StrategyDocument document, string prose, TextSpan bounds, Section section, bool inHeading, TermSet terms, TermSet? exclude, bool ignoreNames, List<Mention> mentions)
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
                excluded.Any(e => e.Start < span.End && span.Start < e.Start + e.Length) || (ignoreNames && InProperName(prose, sentence, span))));
        }
    }

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "and", "the", "on", "in", "to", "&" };

    private static readonly HashSet<string> InstitutionNouns = new(StringComparer.Ordinal)
    {
        "Act", "Acts", "Bill", "Law", "Code", "Decree", "Ordinance", "Regulations", "Framework", "Agency", "Authority", "Department", "Ministry",
        "Office", "Commission", "Council", "Centre", "Center", "Directorate", "Division", "Board", "Bureau", "Committee", "Unit",
        "Institute", "Convention", "Protocol", "Strategy", "Plan", "Program", "Programme", "Initiative", "Forum", "Secretariat",
    };

    /// <summary>
    /// True when the mention is part of a capitalised name that ends in or contains an institution noun,
    /// e.g. "Framework for Improving Critical Infrastructure Cybersecurity" or "Ministry of Justice and Equality":
    /// naming an existing law or body is not a commitment.
    /// </summary>
    internal static bool InProperName(string prose, TextSpan sentence, TextSpan mention)
    {
        if (!char.IsUpper(prose[mention.Start]) || IsAcronym(prose.AsSpan(mention.Start, mention.Length)))
            return false;
        var words = new List<(int Start, int End)>();
        var i = sentence.Start;
        while (i < sentence.End)
        {
            while (i < sentence.End && !char.IsLetterOrDigit(prose[i]) && prose[i] != '&') i++;
            var start = i;
            while (i < sentence.End && (char.IsLetterOrDigit(prose[i]) || prose[i] is '&' or '\'' or '’' or '-')) i++;
            if (i > start) words.Add((start, i));
        }
        var first = words.FindIndex(w => w.End > mention.Start);
        var last = words.FindLastIndex(w => w.Start < mention.End);
        if (first < 0 || last < 0)
            return false;
        // Title-case words and connectors form a name; an acronym ("CII") stands on its own.
        bool NamePart(int index) => (char.IsUpper(prose[words[index].Start]) && !IsAcronym(prose.AsSpan(words[index].Start, words[index].End - words[index].Start)))
            || Connectors.Contains(prose[words[index].Start..words[index].End]);
        var left = first;
        while (left > 0 && NamePart(left - 1)) left--;
        var right = last;
        while (right < words.Count - 1 && NamePart(right + 1)) right++;
        for (var w = left; w <= right; w++)
        {
            if (InstitutionNouns.Contains(prose[words[w].Start..words[w].End]))
                return true;
        }
        return false;
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
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

    [GeneratedRegex(@"\b(background|context|introduction|overview|foreword|preface|threat landscape|threats?|challenges?|what is|statistics|history|current (situation|state)|situation analysis|done so far|achievements|conclusions?|about this)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BackgroundTitle();
}
