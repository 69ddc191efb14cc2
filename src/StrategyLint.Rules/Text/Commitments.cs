using Microsoft.CodeAnalysis.Text;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>What a sentence does, as far as coverage is concerned.</summary>
internal enum SentenceKind
{
    /// <summary>The draft commits to something: a modal or future verb ("will", "shall", "mettra", "se adoptará"), a
    /// stated aim ("aims to", "the objective is"), or an infinitive or imperative goal item ("Establish a national CERT").</summary>
    Commitment,
    /// <summary>A plain statement in the present tense: it sets something out without committing to it.</summary>
    Statement,
    /// <summary>A figure or a finding about the past or present ("In 2023 the CERT handled 212 incidents", "the survey shows…"): evidence, not a commitment.</summary>
    Statistic,
    /// <summary>Past narrative ("the agency was set up in 2012", "a été créé"): history, not what the strategy sets out.</summary>
    Past,
    /// <summary>A definition ("'critical infrastructure' means…").</summary>
    Definition,
    /// <summary>A citation, a URL or a footnote.</summary>
    Citation,
    /// <summary>A question.</summary>
    Question,
}

/// <summary>
/// Sorts sentences into commitments and the rest, so a topic is covered by what the draft commits to rather than
/// by how often it names it. Language-aware: the cues (modal and future verbs, aim phrases, infinitive goal items)
/// come from the draft's language profile. A sentence is classified once per document.
/// </summary>
internal static class Commitments
{
    /// <summary>The kind of the sentence at <paramref name="sentence"/> in a block of <paramref name="block"/>'s kind.</summary>
    public static SentenceKind Classify(StrategyDocument document, TextSpan sentence, BlockNode? block)
    {
        var cache = document.GetOrAddAnalysis(typeof(Commitments), _ => new Dictionary<int, SentenceKind>());
        if (cache.TryGetValue(sentence.Start, out var kind))
            return kind;
        kind = Compute(document, sentence, block);
        cache[sentence.Start] = kind;
        return kind;
    }

    /// <summary>True when the sentence commits the draft to something.</summary>
    public static bool IsCommitment(StrategyDocument document, TextSpan sentence, BlockNode? block) =>
        Classify(document, sentence, block) == SentenceKind.Commitment;

    private static SentenceKind Compute(StrategyDocument document, TextSpan sentence, BlockNode? block)
    {
        var text = document.GetProse(sentence);
        var cues = CommitmentCues.For(Language(document));
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
            return SentenceKind.Statement;
        if (IsCitation(document, text, block))
            return SentenceKind.Citation;
        if (cues.IsDefinition(text, tokens))
            return SentenceKind.Definition;
        if (text.TrimEnd().EndsWith('?'))
            return SentenceKind.Question;
        if (cues.HasCue(tokens) || (StartsItem(document, sentence, block) && cues.StartsWithGoalVerb(tokens)))
            return SentenceKind.Commitment;
        if (block is { Kind: BlockKind.TableCell } && !block.IsHeaderRow && cues.StartsWithGoalVerb(tokens))
            return SentenceKind.Commitment;
        if (HasFigure(tokens) || cues.IsFinding(tokens))
            return SentenceKind.Statistic;
        return cues.IsPast(tokens) ? SentenceKind.Past : SentenceKind.Statement;
    }

    /// <summary>
    /// True when the mention stands in an appendage of its clause: an example list or a reference to how something is
    /// done ("…records it holds, including those about critical infrastructure", "…in line with good risk management").
    /// Such a mention is not what the sentence commits to. The appendage runs from its marker to the mention with no
    /// comma, semicolon, colon or bracket between them.
    /// </summary>
    public static bool InAppendage(StrategyDocument document, TextSpan sentence, int mentionStart)
    {
        var prose = document.Prose;
        var start = mentionStart;
        while (start > sentence.Start && prose[start - 1] is not (',' or ';' or ':' or '(' or ')' or '–' or '—'))
            start--;
        if (start == mentionStart)
            return false;
        var cues = CommitmentCues.For(Language(document));
        return cues.IsAppendage(Tokenize(prose[start..mentionStart]));
    }

    /// <summary>The draft's language for choosing cues: front matter, else detected from the prose.</summary>
    internal static string Language(StrategyDocument document) => document.Language.Code;

    /// <summary>
    /// True when the sentence opens its block or item: list items, table cells and the first sentence of a short
    /// paragraph are where goal lists put their infinitives ("Establish…", "Renforcer…", "Fortalecer…").
    /// </summary>
    private static bool StartsItem(StrategyDocument document, TextSpan sentence, BlockNode? block)
    {
        if (block is null)
            return false;
        // An item of a list flattened into a paragraph: "… 5. Promote awareness 6. Establish a framework".
        var before = sentence.Start - 1;
        var prose = document.Prose;
        while (before >= block.Span.Start && char.IsWhiteSpace(prose[before]))
            before--;
        if (before > block.Span.Start && prose[before] is '.' or ')' && char.IsLetterOrDigit(prose[before - 1])
            && (before - 1 == block.Span.Start || !char.IsLetterOrDigit(prose[before - 2]) || char.IsAsciiDigit(prose[before - 1])))
            return true;
        var first = document.GetProseSpan(block.Span).TrimStart();
        var offset = block.Span.Start + (block.Span.Length - first.Length);
        // Item numbers and bullets ("1.", "(a)", "-") are not prose, so the first sentence starts at or near the block's start.
        return sentence.Start - offset <= 8;
    }

    private static bool IsCitation(StrategyDocument document, string text, BlockNode? block)
    {
        if (text.Contains("http://", StringComparison.OrdinalIgnoreCase) || text.Contains("https://", StringComparison.OrdinalIgnoreCase)
            || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return true;
        // A footnote definition ("[^3]: …") read as a paragraph.
        return block is not null && document.Text.AsSpan(block.Span.Start, Math.Min(block.Span.Length, 3)).StartsWith("[^", StringComparison.Ordinal);
    }

    /// <summary>A count or a share: a number that is not a year, an item number or a deadline's figure ("within 60 days").</summary>
    private static bool HasFigure(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length == 0 || !char.IsAsciiDigit(token[0]))
                continue;
            if (token.Length == 4 && int.TryParse(token, out var year) && year is >= 1900 and <= 2100)
                continue;
            if (i == 0)
                continue;
            return true;
        }
        return false;
    }

    /// <summary>The words of a sentence (letters, digits, in-word apostrophes), in order.</summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) && text[i] != '%')
            {
                i++;
                continue;
            }
            var start = i;
            if (text[i] == '%')
            {
                tokens.Add("%");
                i++;
                continue;
            }
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }
}
