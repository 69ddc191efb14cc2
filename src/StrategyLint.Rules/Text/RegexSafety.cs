using System.Text.RegularExpressions;

namespace StrategyLint.Text;

/// <summary>
/// Checks a pack's <c>/regex/</c> terms when the pack loads, so a bad pattern ends the run with a clear
/// diagnostic instead of a hang: it must compile, and it must not nest one unbounded repetition inside
/// another (<c>(a+)+</c>, <c>(\w+\s?)*</c>), the shape behind nearly all catastrophic backtracking.
/// Patterns this check misses are still bounded by the match timeout of <see cref="TermSet"/>.
/// </summary>
internal static class RegexSafety
{
    /// <summary>Null when the pattern is acceptable, else a plain-English reason.</summary>
    public static string? Check(string pattern)
    {
        try
        {
            _ = new Regex(pattern, TermSet.RegexOptionsFor, TermSet.MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            return $"is not a valid regular expression: {ex.Message}";
        }
        return FindNestedRepetition(pattern) is { } fragment
            ? $"repeats '{fragment}', a group that itself holds an unbounded repetition. On text that almost matches, the engine tries exponentially many ways to split it and the run would stall. Repeat the inner part once instead (for example '(ab)+' or '\\w+(\\s\\w+)*' rather than '(\\w+\\s?)+')"
            : null;
    }

    /// <summary>The first group that holds an unbounded quantifier and is itself repeated without bound, or null.</summary>
    internal static string? FindNestedRepetition(string pattern)
    {
        // One frame per open group: where it starts and whether something inside repeats without bound.
        var frames = new Stack<(int Start, bool Unbounded)>();
        frames.Push((0, false));
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    if (UnboundedQuantifierAt(pattern, i + 1, out _))
                        MarkUnbounded(frames);
                    break;
                case '[':
                    i = EndOfClass(pattern, i);
                    if (UnboundedQuantifierAt(pattern, i + 1, out _))
                        MarkUnbounded(frames);
                    break;
                case '(':
                    frames.Push((i, false));
                    break;
                case ')' when frames.Count > 1:
                    var group = frames.Pop();
                    if (UnboundedQuantifierAt(pattern, i + 1, out var length))
                    {
                        if (group.Unbounded)
                            return pattern.Substring(group.Start, i + 1 + length - group.Start);
                        MarkUnbounded(frames);
                    }
                    else if (group.Unbounded)
                    {
                        MarkUnbounded(frames);
                    }
                    break;
                case '*' or '+' when i > 0 && pattern[i - 1] is not ('(' or '?'):
                    MarkUnbounded(frames);
                    break;
                case '{' when UnboundedQuantifierAt(pattern, i, out _):
                    MarkUnbounded(frames);
                    break;
            }
        }
        return null;
    }

    private static void MarkUnbounded(Stack<(int Start, bool Unbounded)> frames)
    {
        var top = frames.Pop();
        frames.Push((top.Start, true));
    }

    // '*', '+' or '{n,}' at index (a lazy or possessive suffix does not change the count of ways).
    private static bool UnboundedQuantifierAt(string pattern, int index, out int length)
    {
        length = 0;
        if (index >= pattern.Length)
            return false;
        if (pattern[index] is '*' or '+')
        {
            length = 1;
            return true;
        }
        if (pattern[index] != '{')
            return false;
        var close = pattern.IndexOf('}', index);
        if (close < 0)
            return false;
        var body = pattern.AsSpan(index + 1, close - index - 1);
        var comma = body.IndexOf(',');
        if (comma < 0 || comma != body.Length - 1 || comma == 0 || !int.TryParse(body[..comma], out _))
            return false;
        length = close - index + 1;
        return true;
    }

    private static int EndOfClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
            i++;
        if (i < pattern.Length && pattern[i] == ']')
            i++;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
                i++;
            else if (pattern[i] == ']')
                return i;
        }
        return pattern.Length - 1;
    }
}
