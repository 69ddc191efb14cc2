using System.Collections.Concurrent;

namespace StrategyLint.Text;

/// <summary>
/// The words that make a sentence a commitment in one language: modal and future verbs, aim phrases, the verbs
/// that open goal items, and the phrases that make a sentence a definition. Tokens are compared folded (lower case,
/// accents dropped), so OCR that lost an accent still reads.
/// </summary>
internal sealed class CommitmentCues
{
    private static readonly ConcurrentDictionary<string, CommitmentCues> Cache = new(StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _modals;
    private readonly List<string[]> _phrases;
    private readonly string[] _futureEndings;
    private readonly HashSet<string> _notFuture;
    private readonly HashSet<string> _goalVerbs;
    private readonly string[] _infinitiveEndings;
    private readonly HashSet<string> _notInfinitive;
    private readonly List<string[]> _definitions;
    private readonly List<string[]> _past;
    private readonly List<string[]> _findings;
    private readonly List<string[]> _appendages;

    public CommitmentCues(CommitmentVocabulary vocabulary)
    {
        _modals = Set(vocabulary.Modals);
        _phrases = Phrases(vocabulary.Phrases);
        // An ending written without accents matches folded text (OCR drops accents); one written with accents
        // ("-ará") only matches accented text, because without them it reads as another word ("para", "primera").
        _futureEndings = [.. vocabulary.FutureEndings.Select(e => e.ToLowerInvariant())];
        _notFuture = Set(vocabulary.NotFuture);
        _goalVerbs = Set(vocabulary.GoalVerbs);
        _infinitiveEndings = [.. vocabulary.InfinitiveEndings.Select(Fold)];
        _notInfinitive = Set(vocabulary.NotInfinitive);
        _definitions = Phrases(vocabulary.Definitions);
        _past = Phrases(vocabulary.Past);
        _findings = Phrases(vocabulary.Findings);
        _appendages = Phrases(vocabulary.Appendages);
    }

    /// <summary>The cues for a language ("fr", "es-ES"…), English when the language has none.</summary>
    public static CommitmentCues For(string? language)
    {
        var key = string.IsNullOrWhiteSpace(language) ? "en" : language.Split('-', '_')[0].ToLowerInvariant();
        return Cache.GetOrAdd(key, k => new CommitmentCues(CommitmentVocabulary.For(k)));
    }

    /// <summary>True when a modal or future verb or an aim phrase stands in the sentence.</summary>
    public bool HasCue(List<string> tokens)
    {
        var folded = tokens.Select(Fold).ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            if (_modals.Contains(folded[i]) || IsFuture(tokens[i].ToLowerInvariant(), folded[i]))
                return true;
        }
        return _phrases.Any(phrase => Contains(folded, phrase));
    }

    /// <summary>True when the sentence opens with a goal verb ("Establish", "To develop", "Renforcer", "Impulsar").</summary>
    public bool StartsWithGoalVerb(List<string> tokens)
    {
        var i = 0;
        // Skip item letters and numbers ("a", "1", "7.5.2", "iv") and "To" before an English infinitive.
        while (i < tokens.Count && i < 6 && (tokens[i].All(char.IsAsciiDigit) || tokens[i].Length == 1 || IsRoman(tokens[i])))
            i++;
        if (i < tokens.Count && Fold(tokens[i]) == "to" && i + 1 < tokens.Count)
            i++;
        if (i >= tokens.Count)
            return false;
        var word = Fold(tokens[i]);
        if (_goalVerbs.Contains(word))
            return true;
        return word.Length >= 5 && !_notInfinitive.Contains(word) && _infinitiveEndings.Any(word.EndsWith)
            && char.IsUpper(tokens[i][0]);
    }

    /// <summary>True for a definition: "X means…", "is defined as", "on entend par", "se entiende por".</summary>
    public bool IsDefinition(string text, List<string> tokens)
    {
        var folded = tokens.Select(Fold).ToList();
        return _definitions.Any(phrase => Contains(folded, phrase));
    }

    /// <summary>True when the sentence tells what happened (past narrative): "was", "has been", "a été", "fue".</summary>
    public bool IsPast(List<string> tokens)
    {
        var folded = tokens.Select(Fold).ToList();
        return _past.Any(phrase => Contains(folded, phrase));
    }

    /// <summary>True when the sentence reports a finding: "the 2018 survey shows", "according to the study", "les données montrent".</summary>
    public bool IsFinding(List<string> tokens)
    {
        var folded = tokens.Select(Fold).ToList();
        return _findings.Any(phrase => Contains(folded, phrase));
    }

    /// <summary>True when the words before a mention hold an appendage marker: "including", "such as", "in line with".</summary>
    public bool IsAppendage(List<string> tokens)
    {
        if (_appendages.Count == 0 || tokens.Count == 0)
            return false;
        var folded = tokens.Select(Fold).ToList();
        return _appendages.Any(phrase => Contains(folded, phrase));
    }

    private bool IsFuture(string lower, string folded)
    {
        if (_futureEndings.Length == 0 || folded.Length < 5 || _notFuture.Contains(folded))
            return false;
        foreach (var ending in _futureEndings)
        {
            if ((ending.All(char.IsAscii) ? folded : lower).EndsWith(ending, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool Contains(List<string> tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
        {
            var k = 0;
            while (k < phrase.Length && (phrase[k] == "*" || tokens[i + k] == phrase[k]))
                k++;
            if (k == phrase.Length)
                return true;
        }
        return false;
    }

    private static bool IsRoman(string token) => token.Length <= 4 && token.All(c => "ivxIVX".Contains(c));

    private static HashSet<string> Set(IEnumerable<string> words) => new(words.Select(Fold), StringComparer.Ordinal);

    private static List<string[]> Phrases(IEnumerable<string> phrases) =>
        [.. phrases.Select(p => Commitments.Tokenize(p).Select(Fold).ToArray()).Where(p => p.Length > 0)];

    /// <summary>
    /// Lower case without accents: "Établir" → "etablir". Uses the word index's own base-letter table
    /// (<see cref="WordChars.BaseLetter"/>): the tool runs with invariant globalization, where Unicode normalisation does not decompose.
    /// </summary>
    internal static string Fold(string word)
    {
        var chars = new char[word.Length];
        for (var i = 0; i < word.Length; i++)
            chars[i] = char.ToLowerInvariant(WordChars.BaseLetter(word[i]));
        return new string(chars).Replace("œ", "oe").Replace("æ", "ae");
    }
}
