using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Testing;

/// <summary>An expected finding parsed out of fixture markup: an id (null means "the rule under test") and a span.</summary>
internal sealed record ExpectedSpan(string? Id, TextSpan Span);

/// <summary>
/// Roslyn-style fixture markup, shared by the unit tests and <c>strategylint test</c>: <c>[|text|]</c> marks a
/// finding of the rule under test over "text"; <c>{|SL1002:text|}</c> marks a finding of a given id. Markers may
/// nest. Positions are never hand-counted.
/// </summary>
internal static class FixtureMarkup
{
    public static (string Text, List<ExpectedSpan> Spans) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Matches(markup, i, "[|"))
            {
                open.Push((null, text.Length));
                i++;
            }
            else if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                    throw new FormatException($"'{{|' at {i} has no ':' after the id.");
                open.Push((markup[(i + 2)..colon], text.Length));
                i = colon;
            }
            else if (Matches(markup, i, "|]") || Matches(markup, i, "|}"))
            {
                if (open.Count == 0)
                    throw new FormatException($"Closing marker at {i} has no opening marker.");
                var (id, start) = open.Pop();
                spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }
        if (open.Count > 0)
            throw new FormatException("An opening marker is not closed.");
        return (text.ToString(), spans);
    }

    private static bool Matches(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
