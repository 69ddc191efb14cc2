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

    /// <summary>
    /// The first group that holds an unbounded quantifier, has a branch with no mandatory single step to separate
    /// its repetitions, and is itself repeated without bound; or null. <c>(\w+\s?)+</c> is caught: "abc" splits
    /// into repetitions in many ways. <c>\w+(\s\w+)*</c> is not: each repetition must start with its one space.
    /// </summary>
    internal static string? FindNestedRepetition(string pattern)
    {
        var frames = new Stack<Frame>();
        frames.Push(new Frame(0));
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '(':
                    frames.Push(new Frame(i));
                    // Skip the group's modifiers ("?:", "?<name>", "?=") so they are not read as atoms.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?')
                    {
                        var j = i + 2;
                        if (j < pattern.Length && pattern[j] is '<' or '\'')
                            j = pattern.IndexOfAny(['>', '\''], j + 1) is var e and >= 0 ? e : j;
                        else if (j < pattern.Length && pattern[j] is not (':' or '=' or '!'))
                            while (j < pattern.Length && pattern[j] is not (':' or ')')) j++;
                        i = Math.Min(j, pattern.Length - 1);
                    }
                    continue;
                case ')' when frames.Count > 1:
                    var group = frames.Pop();
                    group.EndBranch();
                    var quantifier = QuantifierAt(pattern, i + 1, out var length);
                    if (quantifier == Quantifier.Unbounded && group.Unbounded && !group.EveryBranchHasSeparator)
                        return pattern.Substring(group.Start, i + 1 + length - group.Start);
                    frames.Peek().Atom(quantifier, group.Unbounded, group.EveryBranchHasSeparator && !group.ZeroWidthOnly);
                    i += length;
                    continue;
                case '|':
                    frames.Peek().EndBranch();
                    continue;
                case '^' or '$':
                    continue;
                case '\\':
                    i++;
                    if (i < pattern.Length && pattern[i] is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G')
                        continue;
                    break;
                case '[':
                    i = EndOfClass(pattern, i);
                    break;
            }
            var q = QuantifierAt(pattern, i + 1, out var qLength);
            frames.Peek().Atom(q, innerUnbounded: false, separates: true);
            i += qLength;
        }
        return null;
    }

    private enum Quantifier { None, Optional, Bounded, Unbounded }

    /// <summary>An open group: whether anything in it repeats without bound, and whether every branch has a mandatory step.</summary>
    private sealed class Frame(int start)
    {
        private bool _branchHasSeparator;
        private bool _branchHasAtom;

        public int Start { get; } = start;
        public bool Unbounded { get; private set; }
        public bool EveryBranchHasSeparator { get; private set; } = true;
        public bool ZeroWidthOnly { get; private set; } = true;

        public void Atom(Quantifier quantifier, bool innerUnbounded, bool separates)
        {
            _branchHasAtom = true;
            ZeroWidthOnly = false;
            if (quantifier == Quantifier.Unbounded || innerUnbounded)
                Unbounded = true;
            if (separates && quantifier is Quantifier.None or Quantifier.Bounded)
                _branchHasSeparator = true;
        }

        public void EndBranch()
        {
            if (!_branchHasSeparator || !_branchHasAtom)
                EveryBranchHasSeparator = false;
            _branchHasSeparator = false;
            _branchHasAtom = false;
        }
    }

    // The quantifier at index and its length, lazy suffix included: '*', '+', '{n,}' are unbounded; '?', '{0,m}' optional.
    private static Quantifier QuantifierAt(string pattern, int index, out int length)
    {
        var quantifier = QuantifierCore(pattern, index, out length);
        if (quantifier != Quantifier.None && index + length < pattern.Length && pattern[index + length] is '?' or '+')
            length++;
        return quantifier;
    }

    private static Quantifier QuantifierCore(string pattern, int index, out int length)
    {
        length = 0;
        if (index >= pattern.Length)
            return Quantifier.None;
        switch (pattern[index])
        {
            case '*' or '+':
                length = 1;
                return Quantifier.Unbounded;
            case '?':
                length = 1;
                return Quantifier.Optional;
            case '{':
                var close = pattern.IndexOf('}', index);
                if (close < 0)
                    return Quantifier.None;
                var body = pattern.AsSpan(index + 1, close - index - 1);
                var comma = body.IndexOf(',');
                var minText = comma < 0 ? body : body[..comma];
                if (!int.TryParse(minText, out var min))
                    return Quantifier.None;
                length = close - index + 1;
                if (comma >= 0 && comma == body.Length - 1)
                    return Quantifier.Unbounded;
                return min == 0 ? Quantifier.Optional : Quantifier.Bounded;
            default:
                return Quantifier.None;
        }
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
