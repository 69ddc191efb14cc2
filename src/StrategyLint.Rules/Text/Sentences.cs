using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Text;

/// <summary>Finds the sentence around an offset in prose, and whether a mention is negated in it.</summary>
internal static class Sentences
{
    /// <summary>The sentence (within <paramref name="bounds"/>) that holds <paramref name="offset"/>.</summary>
    public static TextSpan Around(string documentProse, TextSpan bounds, int offset)
    {
        var start = offset;
        while (start > bounds.Start && !IsBoundary(documentProse, start - 1))
            start--;
        var end = offset;
        while (end < bounds.End && !IsBoundary(documentProse, end))
            end++;
        if (end < bounds.End)
            end++;
        while (start < end && char.IsWhiteSpace(documentProse[start]))
            start++;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

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

    private static readonly string[] Negations = ["no", "not", "without", "lack", "lacks", "lacking", "absence", "neither", "nor", "none", "never", "nothing"];

    /// <summary>True when a negation word stands within five words before the mention in its sentence ("there is no national CSIRT").</summary>
    public static bool IsNegated(string documentProse, TextSpan sentence, int mentionStart)
    {
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
            foreach (var negation in Negations)
            {
                // "not only … but also" is emphasis, not negation.
                if (word.Equals(negation, StringComparison.OrdinalIgnoreCase) && !(negation == "not" && prefix[end..].TrimStart().StartsWith("only", StringComparison.OrdinalIgnoreCase)))
                    return true;
            }
            end = start;
            words++;
        }
        return false;
    }
}
