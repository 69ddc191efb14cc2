using System.Text;
using System.Text.RegularExpressions;

namespace StrategyLint.Text;

/// <summary>One match of a term in a document's prose.</summary>
internal readonly record struct TermMatch(int Start, int Length, string Value);

/// <summary>
/// A list of terms compiled into one case-insensitive regex, so a block is scanned once for all of them.
/// Term syntax: words match on word boundaries with simple English inflections ("exercise" matches
/// "exercises", "capability" matches "capabilities"); a word ending in <c>*</c> is a prefix ("evaluat*");
/// words are separated by spaces or hyphens; a term in slashes (<c>/regex/</c>) is a regular expression.
/// Every regex runs with a timeout, so a bad pattern cannot hang the tool.
/// </summary>
internal sealed class TermSet
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    public static readonly TermSet Empty = new([]);

    private readonly Regex? _regex;

    public TermSet(IReadOnlyList<string> terms)
    {
        Terms = terms;
        if (terms.Count == 0)
            return;
        // Longest first: the regex takes the first alternative that matches, and "donor countries" must beat "donor".
        var pattern = string.Join("|", terms.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Select(ToPattern).Distinct());
        _regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
    }

    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => _regex is null;

    public IEnumerable<TermMatch> Matches(string text, int offset = 0)
    {
        if (_regex is null)
            yield break;
        for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
            yield return new TermMatch(offset + match.Index, match.Length, match.Value);
    }

    public bool IsMatch(string text) => _regex?.IsMatch(text) == true;

    internal static string ToPattern(string term)
    {
        term = term.Trim();
        if (term.Length > 2 && term[0] == '/' && term[^1] == '/')
            return "(?:" + term[1..^1] + ")";
        var words = term.Split([' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(@"\b(?:");
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
                builder.Append(@"[\s\-]+");
            builder.Append(Word(words[i]));
        }
        return builder.Append(@")\b").ToString();
    }

    private static string Word(string word)
    {
        if (word.EndsWith('*'))
            return Regex.Escape(word[..^1]) + @"\w*";
        // Acronyms and short words: exact, with an optional plural s (CSIRTs, MoUs).
        if (word.Length <= 3 || word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return Regex.Escape(word) + "s?";
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith('y') && !IsVowel(lower[^2]))
            return Regex.Escape(word[..^1]) + "(?:y|ies|ied)";
        if (lower.EndsWith('e'))
            return Regex.Escape(word[..^1]) + "(?:e|es|ed|ing)";
        if (lower.EndsWith("s", StringComparison.Ordinal))
            return Regex.Escape(word) + "(?:es)?";
        return Regex.Escape(word) + "(?:s|es|ed|ing)?";
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
