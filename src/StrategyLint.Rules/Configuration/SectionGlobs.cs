using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Configuration;

/// <summary>
/// Bounds on an <c>.editorconfig</c> section's glob, checked before Roslyn reads the file. Roslyn turns a section
/// name into a backtracking regular expression with no time limit (<c>*</c> and <c>**</c> become <c>[^/]*</c> and
/// <c>.*</c>), and matching it costs about the path's length to the power of the number of wildcards: a section
/// <c>[**a**a**a**a**a**a**z]</c> never finishes on an ordinary path. A section beyond these bounds is reported
/// (SL0001, naming the file and line) and left out, with its keys; the other sections still apply.
/// </summary>
internal static class SectionGlobs
{
    /// <summary>The longest section name read, in characters.</summary>
    public const int MaxLength = 255;

    /// <summary>The most runs of <c>*</c> (each <c>*</c> or <c>**</c>) in one section name.</summary>
    public const int MaxWildcards = 3;

    /// <summary>The most <c>{…}</c> groups in one section name.</summary>
    public const int MaxBraces = 4;

    /// <summary>Null when <paramref name="header"/> (the whole <c>[…]</c> line, trimmed) is within the bounds, else why not.</summary>
    public static string? Check(string header)
    {
        var name = header.Length >= 2 && header[^1] == ']' ? header[1..^1] : header[1..];
        if (name.Length > MaxLength)
            return Refuse(string.Create(CultureInfo.InvariantCulture, $"is {name.Length:N0} characters long, more than {MaxLength}"), name);
        var wildcards = 0;
        var braces = 0;
        for (var i = 0; i < name.Length; i++)
        {
            switch (name[i])
            {
                case '\\':
                    i++;
                    break;
                case '*':
                    wildcards++;
                    while (i + 1 < name.Length && name[i + 1] == '*')
                        i++;
                    break;
                case '{':
                    braces++;
                    break;
            }
        }
        if (wildcards > MaxWildcards)
            return Refuse($"has {wildcards} wildcards ('*' or '**'), more than {MaxWildcards}", name);
        if (braces > MaxBraces)
            return Refuse($"has {braces} '{{…}}' groups, more than {MaxBraces}", name);
        return null;
    }

    private static string Refuse(string what, string name)
    {
        var shown = name.Length > 60 ? name[..60] + "…" : name;
        return $"The section [{shown}] {what}. Matching such a pattern against a file's path can take minutes, so the section and its settings are ignored. Use at most {MaxWildcards} wildcards and {MaxBraces} {{…}} groups, such as [**/*.md] or [docs/**/*.{{md,markdown}}].";
    }

    /// <summary>
    /// <paramref name="text"/> with the given 0-based lines emptied; line breaks are kept, and lines are counted as
    /// Roslyn counts them (CR, LF, CRLF and Unicode separators), so it is Roslyn's own view of those lines that goes.
    /// </summary>
    public static string WithoutLines(string text, IReadOnlySet<int> lines)
    {
        if (lines.Count == 0)
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var line in SourceText.From(text).Lines)
        {
            var from = lines.Contains(line.LineNumber) ? line.End : line.Start;
            builder.Append(text, from, line.EndIncludingLineBreak - from);
        }
        return builder.ToString();
    }
}
