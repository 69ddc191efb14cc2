using System.Globalization;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Languages;

/// <summary>
/// Resolves a document's language: the front matter's <c>language</c> when it names one ("fr", "fr-FR", "French",
/// "français"), else detection from the prose with the profiles' stop words, else English by default.
/// <para>
/// Detection reads at most the first <see cref="MaxWords"/> words of the prose (fewer when one language is far
/// ahead: see <see cref="EarlyCheckWords"/>) and scores, per profile, its frequent
/// function words among them (articles, pronouns, prepositions: the words every text in the language is full of,
/// whatever its subject). A word several languages share ("de", "la", "en") counts 1/k for each of the k languages.
/// The best language wins when it scores at least <see cref="MinHits"/> and <see cref="Lead"/> times the next;
/// otherwise the text is too short or too mixed to tell, and the document is read as English, the default, with
/// that reason.
/// </para>
/// </summary>
internal static class LanguageDetector
{
    /// <summary>Words read at most: enough to tell any real document, and it keeps detection at a few milliseconds.</summary>
    public const int MaxWords = 20_000;

    /// <summary>The score the best language needs: about two sentences' worth. A title alone has less.</summary>
    public const int MinHits = 10;

    /// <summary>How far ahead of the next language the best must be.</summary>
    public const double Lead = 1.5;

    public const string DefaultCode = "en";

    public static DocumentLanguage Resolve(StrategyDocument document)
    {
        string? note = null;
        if (document.FrontMatter.Language is { } declared && !string.IsNullOrWhiteSpace(declared))
        {
            if (Normalise(declared) is { } code)
                return Describe(code, DocumentLanguage.FromFrontMatter, $"the front matter says 'language: {declared.Trim()}'");
            note = $"the front matter's 'language: {declared.Trim()}' is not a language code StrategyLint knows, so ";
        }
        return Detect(document.Prose, note);
    }

    /// <summary>
    /// A front-matter value as a language code: a profile's name or alternative name ("French", "français", "fra"),
    /// else the primary subtag of a language tag ("fr-FR" → fr, "pt_BR" → pt); null when it is neither.
    /// </summary>
    internal static string? Normalise(string value)
    {
        var trimmed = value.Trim();
        foreach (var profile in LanguageProfile.All)
        {
            if (profile.Code.Equals(trimmed, StringComparison.OrdinalIgnoreCase) || profile.Name.Equals(trimmed, StringComparison.OrdinalIgnoreCase) || profile.Names.Contains(trimmed))
                return profile.Code;
        }
        var primary = trimmed.Split('-', '_')[0].ToLowerInvariant();
        if (primary.Length is < 2 or > 3 || !primary.All(char.IsAsciiLetterLower))
            return null;
        return LanguageProfile.All.FirstOrDefault(p => p.Names.Contains(primary))?.Code ?? primary;
    }

    /// <summary>Detection from prose (see the class remarks); <paramref name="note"/> prefixes the reason.</summary>
    internal static DocumentLanguage Detect(string prose, string? note = null)
    {
        var profiles = LanguageProfile.All;
        var (scores, words) = Count(prose, profiles);
        var ranked = Enumerable.Range(0, profiles.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
        var best = ranked[0];
        var second = ranked[1];
        var scoreMap = Enumerable.Range(0, profiles.Count).Where(i => scores[i] > 0).ToDictionary(i => profiles[i].Code, i => scores[i]);
        var prefix = note ?? "";
        DocumentLanguage result;
        if (scores[best] < MinHits)
        {
            result = Describe(DefaultCode, DocumentLanguage.FromDefault,
                $"{prefix}English by default: too little text to tell the language ({Plural(words, "word")})");
        }
        else if (scores[best] < Lead * scores[second])
        {
            result = Describe(DefaultCode, DocumentLanguage.FromDefault,
                $"{prefix}English by default: no language is clearly ahead in the first {Plural(words, "word")} (frequent-word score {profiles[best].Name} {N(scores[best])}, {profiles[second].Name} {N(scores[second])})");
        }
        else
        {
            var runnerUp = scores[second] > 0 ? $", next {profiles[second].Name} {N(scores[second])}" : "";
            result = Describe(profiles[best].Code, DocumentLanguage.FromDetection,
                $"{prefix}detected from the frequent words of its first {Plural(words, "word")} (score {profiles[best].Name} {N(scores[best])}{runnerUp})");
        }
        return result with { Scores = scoreMap, WordsRead = words };
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(int n, string what) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {what}{(n == 1 ? "" : "s")}";

    private static DocumentLanguage Describe(string code, string source, string reason)
    {
        var profile = LanguageProfile.Find(code);
        return new DocumentLanguage(code, source, reason)
        {
            Name = profile?.Name ?? code,
            HasDomainVocabulary = profile?.DomainRules == true,
        };
    }

    private const double Unit = 1.0;

    /// <summary>Every this many words, detection stops when one language scores at least 100 and 4 times the next.</summary>
    internal const int EarlyCheckWords = 1_000;

    private static bool FarAhead(double[] scores)
    {
        double best = 0, second = 0;
        foreach (var score in scores)
        {
            if (score > best)
                (best, second) = (score, best);
            else if (score > second)
                second = score;
        }
        return best >= 100 && best >= 4 * second;
    }

    // Every profile's stop words in one table: word → bit mask of the profiles (in LanguageProfile.All order) that list it.
    private static readonly Lazy<Dictionary<string, int>> StopWordMasks = new(() =>
    {
        var masks = new Dictionary<string, int>(FoldedComparer.Instance);
        var profiles = LanguageProfile.All;
        for (var p = 0; p < profiles.Count && p < 32; p++)
        {
            foreach (var word in profiles[p].StopWords.Words)
                masks[word] = masks.GetValueOrDefault(word) | (1 << p);
        }
        return masks;
    });

    // 1/k for a word that is a stop word in k languages (index 0 unused).
    private static readonly double[] Shares = [.. Enumerable.Range(0, 33).Select(k => k == 0 ? 0 : Unit / k)];

    /// <summary>
    /// Per profile, the weight of its stop words among the first <see cref="MaxWords"/> words (runs with a letter): each
    /// counts 1, or 1/k when k languages share it.
    /// </summary>
    private static (int[] Scores, int Words) Count(string prose, IReadOnlyList<LanguageProfile> profiles)
    {
        var scores = new double[profiles.Count];
        var lookup = StopWordMasks.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = 0;
        Span<char> elided = stackalloc char[16];
        var i = 0;
        while (i < prose.Length && words < MaxWords)
        {
            if (!WordChars.IsWord(prose[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var letter = false;
            while (i < prose.Length && WordChars.IsWord(prose[i]))
            {
                letter |= char.IsLetter(prose[i]);
                i++;
            }
            if (!letter)
                continue;
            words++;
            // Most drafts are decided within their first pages: stop once one language is far ahead.
            if (words % EarlyCheckWords == 0 && FarAhead(scores))
                break;
            var word = prose.AsSpan(start, i - start);
            var mask = lookup.TryGetValue(word, out var found) ? found : 0;
            // An elided article or preposition ("l'", "d'") is written onto the next word.
            if (i + 1 < prose.Length && WordChars.Fold(prose[i]) == '\'' && char.IsLetter(prose[i + 1]) && word.Length < elided.Length)
            {
                word.CopyTo(elided);
                elided[word.Length] = '\'';
                if (lookup.TryGetValue(elided[..(word.Length + 1)], out var elision))
                    mask |= elision;
            }
            // A word several languages share ("de", "la", "en") says less: it counts in part for each of them.
            var share = Shares[System.Numerics.BitOperations.PopCount((uint)mask)];
            for (var p = 0; mask != 0; p++, mask >>= 1)
            {
                if ((mask & 1) != 0)
                    scores[p] += share;
            }
        }
        return ([.. scores.Select(s => (int)Math.Round(s / Unit))], words);
    }
}
