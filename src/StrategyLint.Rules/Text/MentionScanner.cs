using Microsoft.CodeAnalysis.Text;
using StrategyLint.Languages;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>One mention of a term, with what a rule needs to weigh it.</summary>
internal sealed record Mention(
    TextSpan Span,
    TextSpan Sentence,
    Section Section,
    bool InHeading,
    bool InGlossary,
    bool InBackground,
    bool Negated,
    bool Excluded,
    SentenceKind Kind = SentenceKind.Statement,
    bool InAppendage = false)
{
    /// <summary>The matched text (prose).</summary>
    public string Value => Section.Document.GetProse(Span);

    /// <summary>A mention that can count as a commitment: not negated, not excluded, not in a glossary or background section.</summary>
    public bool Counts => !Negated && !Excluded && !InGlossary && !InBackground;

    /// <summary>
    /// The sentence sets something out: a commitment, or a statement of the strategy's arrangements in the present
    /// tense. Statistics, past narrative, definitions, citations and questions do not.
    /// </summary>
    public bool SetsOut => Kind is SentenceKind.Commitment or SentenceKind.Statement;
}

/// <summary>
/// Finds the mentions of a term set in headings (level 2 and below) and in prose blocks (paragraphs, list
/// items, table cells), and classifies them. Glossary sections (definitions, abbreviations, references)
/// and background sections (introduction, context, threat landscape, foreword) are marked, because a
/// strategy commits to nothing there. The document is tokenized once (<see cref="DocumentWords"/>) and
/// each term set's matches are kept for the other rules that ask for them.
/// </summary>
internal static partial class MentionScanner
{
    public static List<Mention> Find(StrategyDocument document, TermSet terms, TermSet? exclude = null, bool ignoreNames = false)
    {
        var mentions = new List<Mention>();
        if (terms.IsEmpty)
            return mentions;
        var words = DocumentWords.Of(document);
        var prose = document.Prose;
        var excluded = exclude is null || exclude.IsEmpty ? null : words.MatchesOf(exclude);
        var language = LanguageProfile.For(document);
        foreach (var match in words.MatchesOf(terms))
        {
            var (section, inHeading) = words.RegionInfo[match.Region];
            var span = new TextSpan(match.Start, match.Length);
            var sentence = words.Index.Sentence(match.Region, match.Start);
            var block = words.RegionBlock[match.Region];
            mentions.Add(new Mention(
                span,
                sentence,
                section,
                inHeading,
                IsGlossary(section),
                !inHeading && IsBackground(section),
                Sentences.IsNegated(prose, sentence, match.Start, language),
                // A heading is not searched for institution names: "Ministry of Justice" as a heading is a section title.
                Overlaps(excluded, match) || (ignoreNames && !inHeading && InProperName(prose, sentence, span, language)),
                inHeading ? SentenceKind.Statement : Commitments.Classify(document, sentence, block),
                !inHeading && Commitments.InAppendage(document, sentence, match.Start)));
        }
        return mentions;
    }

    // Matches are sorted by region, then start, and do not overlap: their ends rise too.
    private static bool Overlaps(List<TermMatch>? sorted, TermMatch match)
    {
        if (sorted is null || sorted.Count == 0)
            return false;
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var m = sorted[mid];
            if (m.Region < match.Region || (m.Region == match.Region && m.End <= match.Start))
                low = mid + 1;
            else
                high = mid;
        }
        return low < sorted.Count && sorted[low].Region == match.Region && sorted[low].Start < match.End;
    }

    /// <summary>
    /// True when the mention is part of a capitalised name that ends in or contains an institution noun,
    /// e.g. "Framework for Improving Critical Infrastructure Cybersecurity" or "Ministry of Justice and Equality":
    /// naming an existing law or body is not a commitment. The institution nouns and the connectors inside names
    /// ("of", "de la", "del") are the language profile's (rules/languages/; English when null).
    /// </summary>
    internal static bool InProperName(string prose, TextSpan sentence, TextSpan mention, LanguageProfile? language = null)
    {
        language ??= LanguageProfile.English;
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
            || language.IsNameConnector(prose.AsSpan(words[index].Start, words[index].End - words[index].Start));
        var left = first;
        while (left > 0 && NamePart(left - 1)) left--;
        var right = last;
        while (right < words.Count - 1 && NamePart(right + 1)) right++;
        for (var w = left; w <= right; w++)
        {
            if (language.IsInstitutionNoun(prose.AsSpan(words[w].Start, words[w].End - words[w].Start)))
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

    /// <summary>True when the section or a section above it (level 2 or below) is a glossary, definitions or references section.</summary>
    public static bool IsGlossary(Section section) => SectionRoles.IsGlossary(section);

    /// <summary>True when the section is background: introduction, context, threats, unless its prose commits (see <see cref="SectionRoles"/>).</summary>
    public static bool IsBackground(Section section) => SectionRoles.IsBackground(section);

    /// <summary>True when a title names a glossary, definitions or references section.</summary>
    internal static bool GlossaryTitleMatches(Section section) => LanguageProfile.For(section.Document).GlossaryTitles.IsMatch(section.Title);

    /// <summary>True when a title names background: introduction, context, threats, statistics.</summary>
    internal static bool BackgroundTitleMatches(Section section) => LanguageProfile.For(section.Document).BackgroundTitles.IsMatch(section.Title);

    /// <summary>The sentence quoted in a message: collapsed, at most 160 characters.</summary>
    public static string Quote(StrategyDocument document, TextSpan sentence)
    {
        var text = StrategyParser.CollapseWhitespace(document.GetProse(sentence)).Replace("*", "").Replace("_", " ").Trim();
        return text.Length <= 160 ? text : text[..157].TrimEnd() + "…";
    }
}
