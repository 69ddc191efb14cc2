using System.Text.RegularExpressions;

namespace StrategyLint.Text;

/// <summary>
/// Checks a pack's <c>/regex/</c> terms when the pack loads, so a bad pattern ends the run with a clear
/// diagnostic at its line instead of failing on every document. Patterns run on .NET's non-backtracking engine
/// (<see cref="TermSet.RegexOptionsFor"/>), whose time is linear in the text whatever the pattern, so nested
/// repetition such as <c>(a+)+</c> or <c>(?:x|xx)+y</c> is harmless. That engine refuses the constructs that
/// need backtracking (backreferences, lookarounds, atomic groups, conditionals, <c>\G</c>) and patterns whose
/// automaton would be too large (big counted repetitions): each is named here with what to write instead.
/// </summary>
internal static class RegexSafety
{
    /// <summary>Null when the pattern is acceptable, else a plain-English reason that ends with what to write instead.</summary>
    public static string? Check(string pattern)
    {
        try
        {
            _ = new Regex(pattern, TermSet.RegexOptionsFor, TermSet.MatchTimeout);
            return null;
        }
        catch (NotSupportedException ex)
        {
            return Unsupported(pattern, ex.Message);
        }
        catch (ArgumentException ex) when (FindUnsupportedConstruct(pattern) is not null)
        {
            // "(a)\1" fails to parse first (groups do not capture here), but the backreference is what to explain.
            return Unsupported(pattern, ex.Message);
        }
        catch (ArgumentException ex)
        {
            return $"is not a valid regular expression: {ex.Message}";
        }
    }

    /// <summary>What the linear-time engine cannot run in <paramref name="pattern"/>, said for a policy author.</summary>
    internal static string Unsupported(string pattern, string engineMessage)
    {
        var construct = FindUnsupportedConstruct(pattern);
        var advice = construct switch
        {
            "(?=" or "(?!" => "Drop the lookahead and match the following text as part of the pattern, or list look-alikes that should not count in the rule's 'exclude'",
            "(?<=" or "(?<!" => "Drop the lookbehind and match the preceding text as part of the pattern, or list look-alikes that should not count in the rule's 'exclude'",
            "(?>" => "Write a plain group '(?:' instead of '(?>': it matches the same text here",
            "(?(" => "Write the two cases as alternatives, '(?:a|b)', instead of a conditional",
            @"\G" => @"Drop '\G': terms are found anywhere in the text",
            "(?<a-b>" => "Write an ordinary group instead of a balancing group",
            _ when construct is not null => "Spell out the repeated text instead of referring back to a group, or give each variant as its own term",
            _ when engineMessage.Contains("automata", StringComparison.OrdinalIgnoreCase) || engineMessage.Contains("nodes", StringComparison.OrdinalIgnoreCase) =>
                @"Use a smaller repetition count (for example '(\w+\s+){0,6}' rather than '{0,1000}'), or split the pattern into several terms",
            _ => "Rewrite it with plain text, character classes, groups, alternatives and repetition",
        };
        var what = construct switch
        {
            "(?=" or "(?!" => "uses a lookahead ('" + construct + "')",
            "(?<=" or "(?<!" => "uses a lookbehind ('" + construct + "')",
            "(?>" => "uses an atomic group ('(?>')",
            "(?(" => "uses a conditional ('(?(')",
            @"\G" => @"uses '\G'",
            "(?<a-b>" => "uses a balancing group",
            not null => $"refers back to a group ('{construct}')",
            null when engineMessage.Contains("automata", StringComparison.OrdinalIgnoreCase) || engineMessage.Contains("nodes", StringComparison.OrdinalIgnoreCase) =>
                "is too large to match in linear time: its repetition counts unfold into more than 10,000 steps",
            null => "uses a construct that cannot be matched in linear time",
        };
        return $"{what}. StrategyLint runs patterns on an engine whose time grows only linearly with the draft, so that no pattern can stall a run, and that engine cannot run this. {advice}";
    }

    /// <summary>
    /// The first construct the non-backtracking engine refuses, as written in the pattern (<c>(?=</c>, <c>\1</c>,
    /// <c>\k&lt;name&gt;</c> ...), or null. Escapes and character classes are skipped, so <c>\(?=</c> and <c>[(?=]</c> are not constructs.
    /// </summary>
    internal static string? FindUnsupportedConstruct(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (next == 'G')
                    return @"\G";
                if (next is >= '1' and <= '9')
                    return pattern.Substring(i, 2);
                if (next == 'k' && i + 2 < pattern.Length && pattern[i + 2] is '<' or '\'')
                {
                    var close = pattern.IndexOfAny(['>', '\''], i + 3);
                    return close < 0 ? @"\k" : pattern[i..(close + 1)];
                }
                i++;
                continue;
            }
            if (c == '[')
            {
                i = EndOfClass(pattern, i);
                continue;
            }
            if (c != '(' || i + 2 >= pattern.Length || pattern[i + 1] != '?')
                continue;
            var rest = pattern.AsSpan(i);
            foreach (var construct in (string[])["(?<=", "(?<!", "(?=", "(?!", "(?>", "(?("])
            {
                if (rest.StartsWith(construct, StringComparison.Ordinal))
                    return construct;
            }
            // A named group with a '-' in its name is a balancing group: (?<a-b>...), (?'a-b'...).
            if (pattern[i + 2] is '<' or '\'')
            {
                var close = pattern.IndexOfAny(['>', '\''], i + 3);
                if (close > 0 && pattern.AsSpan(i + 3, close - i - 3).Contains('-'))
                    return "(?<a-b>";
            }
        }
        return null;
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
