using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Syntax;

/// <summary>
/// Line starts as GitHub, git and editors count them: a line ends at CR LF, LF or CR, and nowhere else.
/// Roslyn's <see cref="SourceText"/> also ends lines at U+2028, U+2029 and U+0085; a draft with one of those
/// would otherwise get findings, annotations and fingerprints a line or more below where GitHub shows them.
/// </summary>
internal sealed class LineMap
{
    private readonly int[] _starts;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny('\r', '\n');
            if (next < 0)
                break;
            i += next;
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            starts.Add(i);
        }
        _starts = [.. starts];
    }

    /// <summary>The number of lines (a final line break starts an empty last line, as in Roslyn).</summary>
    public int Count => _starts.Length;

    /// <summary>The 0-based line and character (UTF-16 code units) of an offset.</summary>
    public LinePosition Position(int offset)
    {
        var line = Array.BinarySearch(_starts, offset);
        if (line < 0)
            line = ~line - 1;
        return new LinePosition(line, offset - _starts[line]);
    }

    public LinePositionSpan Span(TextSpan span) => new(Position(span.Start), Position(span.End));
}
