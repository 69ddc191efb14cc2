using System.Buffers;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Languages;

namespace StrategyLint.Text;

/// <summary>Where sentences end in prose, and whether a mention is negated in its sentence.</summary>
internal static class Sentences
{
    /// <summary>Every index within <paramref name="bounds"/> that ends a sentence, in order (see <see cref="WordIndex.Sentence"/>).</summary>
    public static int[] Boundaries(string documentProse, TextSpan bounds)
    {
        var boundaries = new List<int>();
        var i = bounds.Start;
        while (i < bounds.End)
        {
            var next = documentProse.AsSpan(i, bounds.End - i).IndexOfAny(BoundaryChars);
            if (next < 0)
                break;
            i += next;
            if (IsBoundary(documentProse, i))
                boundaries.Add(i);
            i++;
        }
        return [.. boundaries];
    }

    private static readonly SearchValues<char> BoundaryChars = SearchValues.Create("!?;.\n");

    // A full stop followed by white space ends a sentence; so do ! ? ; and a blank line.
    private static bool IsBoundary(string text, int index)
    {
        var c = text[index];
        if (c is '!' or '?' or ';')
            return true;
        if (c == '.' && index + 1 < text.Length && char.IsWhiteSpace(text[index + 1]) && !(index > 0 && char.IsUpper(text[index - 1]) && (index < 2 || !char.IsLetter(text[index - 2]))))
            return true;
        return c == '\n' && index + 1 < text.Length && (text[index + 1] == '\n' || (text[index + 1] == '\r' && index + 2 < text.Length && text[index + 2] == '\n'));
    }

    /// <summary>
    /// True when a negation word stands within five words before the mention in its sentence ("there is no national
    /// CSIRT"). The negation words, and the pairs that only look negative ("not only … but also"), are the language
    /// profile's (rules/languages/: <c>negations</c>, <c>emphasis</c>; English when null).
    /// </summary>
    public static bool IsNegated(string documentProse, TextSpan sentence, int mentionStart, LanguageProfile? language = null)
    {
        language ??= LanguageProfile.English;
        var prefix = documentProse.AsSpan(sentence.Start, Math.Max(0, mentionStart - sentence.Start));
        var words = 0;
        var end = prefix.Length;
        while (end > 0 && words < 5)
        {
            while (end > 0 && !char.IsLetter(prefix[end - 1]))
                end--;
            var start = end;
            while (start > 0 && char.IsLetter(prefix[start - 1]))
                start--;
            if (start == end)
                break;
            var word = prefix[start..end];
            // "not only … but also" is emphasis, not negation.
            if (language.Negations.Contains(word) && !language.Emphasis.StartsWith(word, prefix[end..]))
                return true;
            end = start;
            words++;
        }
        return false;
    }
}
