using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Text;

/// <summary>One match of a term: where it is, and the region of the <see cref="WordIndex"/> it was found in (0 for a plain text).</summary>
internal readonly record struct TermMatch(int Start, int Length, int Region)
{
    public int End => Start + Length;
}

/// <summary>
/// A list of terms compiled for word lookup. Term syntax: words match on word boundaries with simple English
/// inflections ("exercise" matches "exercises", "capability" matches "capabilities"); a word ending in
/// <c>*</c> is a prefix ("evaluat*"); words are separated by spaces or hyphens; a term in slashes
/// (<c>/regex/</c>) is a regular expression. Matching is case-insensitive and, for word terms, tolerant of
/// diacritics and of the apostrophe and hyphen variants (<see cref="WordChars.Fold"/>): "sécurité" matches
/// "securite", "plan d'action" matches "plan d’action". Regular-expression terms match as written.
/// <para>
/// The specification is the regular expression <see cref="ToPattern"/> builds for each term, tried longest
/// term first, as one alternation would be, on the text with its diacritics removed (<see cref="WordChars.BaseLetter"/>). Terms made only of word characters (nearly all) are not run as
/// regular expressions: their inflected forms are looked up in a document's <see cref="WordIndex"/>, so a
/// term set costs a few dictionary lookups per document instead of a scan. Other terms ("R&amp;D",
/// "/regex/") run as regular expressions on .NET's non-backtracking engine, whose time grows linearly with the
/// text whatever the pattern, so a pack's pattern cannot stall a run; a scan also stops when the file's time
/// budget (<see cref="Analysis.RuleBudget"/>) runs out.
/// </para>
/// </summary>
internal sealed class TermSet
{
    /// <summary>A backstop for one scan; the engine is linear, so only a pattern near the engine's size limit on a very large draft comes near it.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How every term pattern is compiled. <see cref="RegexOptions.NonBacktracking"/> makes matching linear in the
    /// text: no pattern can backtrack without end. It refuses a few constructs (backreferences, lookarounds, atomic
    /// groups, conditionals), which <see cref="RegexSafety"/> reports when a pack loads.
    /// </summary>
    internal const RegexOptions RegexOptionsFor = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;
    public static readonly TermSet Empty = new([]);

    private readonly List<WordTerm> _wordTerms = [];
    private readonly List<(int Order, Regex Regex)> _regexTerms = [];
    private readonly Dictionary<string, List<WordTerm>> _byFirstForm = new(FoldedComparer.Instance);
    private readonly List<WordTerm> _prefixFirst = [];

    /// <param name="terms">The terms, as a pack writes them.</param>
    /// <param name="linear">
    /// Run regular-expression terms on the non-backtracking engine (the default, and always for a pack a pull request
    /// can change). Only StrategyLint's own shipped packs pass false: their patterns are reviewed, and a test holds each
    /// of them to the linear engine's constructs and to a hostile input; the backtracking engine starts about 0.2 s
    /// sooner, which is most of a one-draft run. The per-scan timeout and the file's time budget bound them all the same.
    /// </param>
    public TermSet(IReadOnlyList<string> terms, bool linear = true)
    {
        Terms = terms;
        // Longest first: an alternation takes the first alternative that matches, and "donor countries" must beat "donor".
        var ordered = terms.Select(t => t.Trim()).Where(t => t.Length > 0)
            .OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal)
            .DistinctBy(ToPattern)
            .ToList();
        for (var order = 0; order < ordered.Count; order++)
        {
            if (WordTerm.TryCreate(order, ordered[order]) is { } word)
            {
                _wordTerms.Add(word);
                if (word.Parts[0].Word.Prefix is not null)
                    _prefixFirst.Add(word);
                else
                    foreach (var form in word.Parts[0].Word.Forms!)
                        (_byFirstForm.TryGetValue(form, out var list) ? list : _byFirstForm[form] = []).Add(word);
            }
            else
            {
                _regexTerms.Add((order, new Regex(ToPattern(ordered[order]), linear ? RegexOptionsFor : RegexOptionsFor & ~RegexOptions.NonBacktracking, MatchTimeout)));
            }
        }
    }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The terms that run as regular expressions (tests hold the shipped ones to the linear engine's rules).</summary>
    internal IEnumerable<Regex> RegexTerms => _regexTerms.Select(r => r.Regex);

    public bool IsEmpty => _wordTerms.Count == 0 && _regexTerms.Count == 0;

    /// <summary>The matches in every region of a document's word index, region by region, left to right, without overlaps.</summary>
    public List<TermMatch> Find(WordIndex index)
    {
        var candidates = new List<Candidate>();
        foreach (var term in _wordTerms)
        {
            var first = term.Parts[0].Word;
            if (first.Prefix is not null)
            {
                foreach (var token in index.OccurrencesOfPrefix(first.Prefix))
                    AddIfMatches(term, index, token, candidates);
            }
            else
            {
                foreach (var form in first.Forms!)
                    foreach (var token in index.Occurrences(form))
                        AddIfMatches(term, index, token, candidates);
            }
        }
        foreach (var (order, regex) in _regexTerms)
        {
            foreach (var match in regex.EnumerateMatches(index.Text))
            {
                Analysis.RuleBudget.ThrowIfSpent();
                var region = index.RegionHolding(new TextSpan(match.Index, match.Length));
                if (region >= 0 && match.Length > 0)
                    candidates.Add(new Candidate(match.Index, match.Index + match.Length, order, region));
            }
        }
        var matches = Select(candidates);
        matches.Sort((a, b) => a.Region != b.Region ? a.Region.CompareTo(b.Region) : a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>The matches in a short text (a title, a sentence), left to right, without overlaps.</summary>
    public List<TermMatch> Matches(string text)
    {
        var candidates = new List<Candidate>();
        Collect(text, candidates, stopAtFirst: false);
        return Select(candidates);
    }

    /// <summary>True when any term occurs in <paramref name="text"/>.</summary>
    public bool IsMatch(string text)
    {
        var candidates = new List<Candidate>(1);
        Collect(text, candidates, stopAtFirst: true);
        return candidates.Count > 0;
    }

    private void Collect(string text, List<Candidate> candidates, bool stopAtFirst)
    {
        if (IsEmpty || text.Length == 0)
            return;
        if (_wordTerms.Count > 0)
        {
            var tokens = new TextTokens(text);
            var lookup = _byFirstForm.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var t = 0; t < tokens.Count; t++)
            {
                var word = text.AsSpan(tokens.Start(t), tokens.End(t) - tokens.Start(t));
                if (lookup.TryGetValue(word, out var terms))
                {
                    foreach (var term in terms)
                        AddIfMatches(term, tokens, t, candidates);
                }
                foreach (var term in _prefixFirst)
                {
                    if (term.Parts[0].Word.Matches(word))
                        AddIfMatches(term, tokens, t, candidates);
                }
                if (stopAtFirst && candidates.Count > 0)
                    return;
            }
        }
        foreach (var (order, regex) in _regexTerms)
        {
            foreach (var match in regex.EnumerateMatches(text))
            {
                Analysis.RuleBudget.ThrowIfSpent();
                if (match.Length == 0)
                    continue;
                candidates.Add(new Candidate(match.Index, match.Index + match.Length, order, 0));
                if (stopAtFirst)
                    return;
            }
        }
    }

    // The first part is known to match at `token`; the others must follow in the same region, each after its
    // glue ("&" in "R&D") or, between words, after white space or hyphens.
    private static void AddIfMatches(WordTerm term, ITokenSource tokens, int token, List<Candidate> candidates)
    {
        var last = MatchFrom(term, tokens, 0, token);
        if (last < 0)
            return;
        var region = tokens is WordIndex index ? index.RegionOf(token) : 0;
        candidates.Add(new Candidate(tokens.Start(token), tokens.End(last), term.Order, region));
    }

    // Part p matches at `token`: the token where the rest of the term ends, or -1. A gap after a part tries the fewest
    // skipped words first, as the specification's lazy quantifier does; skipped words are joined by separators only.
    private static int MatchFrom(WordTerm term, ITokenSource tokens, int p, int token)
    {
        if (p == term.Parts.Length - 1)
            return token;
        var part = term.Parts[p];
        var last = token;
        for (var skipped = 0; ; skipped++)
        {
            if (!tokens.HasNextInRegion(last))
                return -1;
            var gap = tokens.Text.AsSpan(tokens.End(last), tokens.Start(last + 1) - tokens.End(last));
            if (skipped == 0 ? !part.AcceptsGap(gap) : !IsSeparatorRun(gap))
                return -1;
            var next = last + 1;
            if (term.Parts[p + 1].Word.Matches(tokens.Text.AsSpan(tokens.Start(next), tokens.End(next) - tokens.Start(next))))
            {
                var end = MatchFrom(term, tokens, p + 1, next);
                if (end >= 0)
                    return end;
            }
            if (skipped >= part.MaxGap)
                return -1;
            last = next;
        }
    }

    private static bool IsSeparatorRun(ReadOnlySpan<char> gap)
    {
        if (gap.IsEmpty)
            return false;
        foreach (var c in gap)
        {
            if (!WordChars.IsSeparator(c))
                return false;
        }
        return true;
    }

    // What a regex scan over the alternation would return: the leftmost match, the earliest alternative at a
    // position, then on from its end.
    private static List<TermMatch> Select(List<Candidate> candidates)
    {
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
        var matches = new List<TermMatch>();
        var cursor = int.MinValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Start < cursor)
                continue;
            matches.Add(new TermMatch(candidate.Start, candidate.End - candidate.Start, candidate.Region));
            cursor = candidate.End;
        }
        return matches;
    }

    private readonly record struct Candidate(int Start, int End, int Order, int Region);

    /// <summary>The regular expression that specifies what a term matches.</summary>
    internal static string ToPattern(string term)
    {
        term = term.Trim();
        if (IsRegex(term))
            return "(?:" + term[1..^1] + ")";
        var words = SplitWords(term);
        var builder = new StringBuilder(@"\b(?:");
        for (var i = 0; i < words.Length; i++)
        {
            if (Gap(words[i]) is int gap)
            {
                // Up to `gap` whole words may stand here ("critical ~3 infrastructure": "critical public information infrastructure").
                builder.Append(@"(?:[\s\-]+\w+){0,").Append(gap).Append("}?");
                continue;
            }
            if (i > 0)
                builder.Append(@"[\s\-]+");
            builder.Append(WordPattern(words[i]));
        }
        return builder.Append(@")\b").ToString();
    }

    /// <summary>The largest gap a term allows: "~3" lets up to three words stand between its neighbours.</summary>
    internal const int MaxGap = 5;

    /// <summary>The number of a gap word ("~2" → 2), or null for an ordinary word.</summary>
    internal static int? Gap(string word) =>
        word.Length == 2 && word[0] == '~' && word[1] is >= '1' and <= '9' && word[1] - '0' <= MaxGap ? word[1] - '0' : null;

    internal static bool IsRegex(string term) => term.Length > 2 && term[0] == '/' && term[^1] == '/';

    private static string[] SplitWords(string term) => term.Split([' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries);

    private enum Inflection { PluralS, Y, E, EE, S, Regular }

    private static Inflection InflectionOf(string word)
    {
        // Acronyms and short words: exact, with an optional plural s (CSIRTs, MoUs).
        if (word.Length <= 3 || word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return Inflection.PluralS;
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith('y') && !IsVowel(lower[^2]))
            return Inflection.Y;
        // "oversee": oversees, overseen is not covered, overseeing (not "overseing").
        if (lower.EndsWith("ee", StringComparison.Ordinal))
            return Inflection.EE;
        if (lower.EndsWith('e'))
            return Inflection.E;
        return lower.EndsWith('s') ? Inflection.S : Inflection.Regular;
    }

    private static string WordPattern(string word)
    {
        if (word.EndsWith('*'))
            return Regex.Escape(word[..^1]) + @"\w*";
        // "monitoring," in "monitoring, evaluation": no inflection after punctuation.
        if (!WordChars.IsWord(word[^1]))
            return Regex.Escape(word);
        return InflectionOf(word) switch
        {
            Inflection.PluralS => Regex.Escape(word) + "s?",
            Inflection.Y => Regex.Escape(word[..^1]) + "(?:y|ies|ied)",
            Inflection.E => Regex.Escape(word[..^1]) + "(?:e|es|ed|ing)",
            Inflection.EE => Regex.Escape(word) + "(?:s|d|ing)?",
            Inflection.S => Regex.Escape(word) + "(?:es)?",
            _ => Regex.Escape(word) + "(?:s|es|ed|ing)?",
        };
    }

    /// <summary>The forms <see cref="WordPattern"/> lets the last run of a word take, listed (the same inflections, as strings).</summary>
    private static string[] Forms(string word, Inflection inflection) => inflection switch
    {
        Inflection.PluralS => [word, word + "s"],
        Inflection.Y => [word, word[..^1] + "ies", word[..^1] + "ied"],
        Inflection.E => [word, word + "s", word + "d", word[..^1] + "ing"],
        Inflection.EE => [word, word + "s", word + "d", word + "ing"],
        Inflection.S => [word, word + "es"],
        _ => [word, word + "s", word + "es", word + "ed", word + "ing"],
    };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// A term the word index can find: words made of runs of word characters, with literal glue between runs
    /// ("R&amp;D", "citizens'", "monitoring,"). Each run is a part; a term whose first word starts with
    /// punctuation or whose last word ends with it stays a regular expression.
    /// </summary>
    private sealed class WordTerm
    {
        private WordTerm(int order, Part[] parts)
        {
            Order = order;
            Parts = parts;
        }

        public int Order { get; }

        public Part[] Parts { get; }

        public static WordTerm? TryCreate(int order, string term)
        {
            if (IsRegex(term))
                return null;
            var words = SplitWords(term);
            // A gap may only stand between two words.
            if (words.Length == 0 || Gap(words[0]) is not null || Gap(words[^1]) is not null)
                return null;
            var parts = new List<Part>();
            for (var w = 0; w < words.Length; w++)
            {
                var word = words[w];
                if (Gap(word) is int gap)
                {
                    if (parts.Count == 0 || Gap(words[w - 1]) is not null)
                        return null;
                    parts[^1] = parts[^1] with { MaxGap = gap };
                    continue;
                }
                var prefix = word.EndsWith('*');
                var body = prefix ? word[..^1] : word;
                if (body.Length == 0 || !WordChars.IsWord(body[0]) || body.Any(c => c is '\u200C' or '\u200D' or '*'))
                    return null;
                var runs = Runs(body);
                var trailingGlue = runs[^1].Glue;
                if (trailingGlue.Length > 0 && (prefix || w == words.Length - 1))
                    return null;
                for (var r = 0; r < runs.Count; r++)
                {
                    var (run, glue) = runs[r];
                    var lastRun = r == runs.Count - 1;
                    TermWord matcher = !lastRun || trailingGlue.Length > 0
                        ? new TermWord(null, new HashSet<string>([run], FoldedComparer.Instance))
                        : prefix
                            ? new TermWord(run, null)
                            : new TermWord(null, new HashSet<string>(Forms(run, InflectionOf(body)), FoldedComparer.Instance));
                    parts.Add(new Part(matcher, glue, WordBreak: lastRun && w < words.Length - 1, MaxGap: 0));
                }
            }
            return parts.Count == 0 ? null : new WordTerm(order, [.. parts]);
        }

        // "R&D" -> ("R", "&"), ("D", ""); "citizens'" -> ("citizens", "'").
        private static List<(string Run, string Glue)> Runs(string word)
        {
            var runs = new List<(string, string)>();
            var i = 0;
            while (i < word.Length)
            {
                var start = i;
                while (i < word.Length && WordChars.IsWord(word[i]))
                    i++;
                var glueStart = i;
                while (i < word.Length && !WordChars.IsWord(word[i]))
                    i++;
                runs.Add((word[start..glueStart], word[glueStart..i]));
            }
            return runs;
        }
    }

    /// <summary>One run of a term: how the token must read, and what must follow it before the next run.</summary>
    private sealed record Part(TermWord Word, string Glue, bool WordBreak, int MaxGap)
    {
        /// <summary>
        /// Within a word the gap is the glue exactly (under <see cref="WordChars.Fold"/>: ’ and ' are one apostrophe);
        /// between words it is the glue, then white space or hyphens (<see cref="WordChars.IsSeparatorGap"/>).
        /// </summary>
        public bool AcceptsGap(ReadOnlySpan<char> gap)
        {
            if (!WordBreak)
                return WordChars.FoldedEquals(gap, Glue);
            if (gap.Length <= Glue.Length || !WordChars.FoldedEquals(gap[..Glue.Length], Glue))
                return false;
            return WordChars.IsSeparatorGap(gap[Glue.Length..]);
        }
    }

    private sealed class TermWord
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public TermWord(string? prefix, HashSet<string>? forms)
        {
            Prefix = prefix;
            Forms = forms;
            if (forms is not null)
                _lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>Set for a prefix word ("evaluat*"): any word that starts with it.</summary>
        public string? Prefix { get; }

        /// <summary>Set for an ordinary word: its inflected forms.</summary>
        public HashSet<string>? Forms { get; }

        public bool Matches(ReadOnlySpan<char> token) =>
            Prefix is not null ? token.Length >= Prefix.Length && WordChars.FoldedEquals(token[..Prefix.Length], Prefix) : _lookup.Contains(token);
    }
}
