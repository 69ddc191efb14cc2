using System.Text;
using DiffPlex;

namespace StrategyLint.Cli.Output;

/// <summary>A unified diff (the format of <c>git diff</c> and <c>diff -u</c>) of two texts, from DiffPlex's line diff.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        var oldLines = SplitLines(before);
        var newLines = SplitLines(after);
        // DiffPlex must count lines exactly as SplitLines does (its own chunker keeps a last empty line), or a block
        // index can point past the end of the list: a file ending in a line break crashed --fix --dry-run.
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Lines.Instance);
        var output = new StringBuilder();
        // The diff goes to a terminal: the name and the lines are shown with control characters made visible.
        output.Append("--- a/").Append(Escape.Text(path)).Append('\n');
        output.Append("+++ b/").Append(Escape.Text(path)).Append('\n');

        // Group change blocks whose context would touch into one hunk.
        var blocks = diff.DiffBlocks;
        var i = 0;
        while (i < blocks.Count)
        {
            var j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * Context)
                j++;
            var oldStart = Math.Max(0, blocks[i].DeleteStartA - Context);
            var oldEnd = Math.Min(oldLines.Count, blocks[j].DeleteStartA + blocks[j].DeleteCountA + Context);
            var newStart = Math.Max(0, blocks[i].InsertStartB - (blocks[i].DeleteStartA - oldStart));
            var newEnd = Math.Min(newLines.Count, blocks[j].InsertStartB + blocks[j].InsertCountB + (oldEnd - blocks[j].DeleteStartA - blocks[j].DeleteCountA));

            output.Append($"@@ -{Range(oldStart, oldEnd - oldStart)} +{Range(newStart, newEnd - newStart)} @@\n");
            var position = oldStart;
            for (var k = i; k <= j; k++)
            {
                var block = blocks[k];
                for (; position < block.DeleteStartA; position++)
                    output.Append(' ').Append(Line(oldLines[position])).Append('\n');
                for (var d = 0; d < block.DeleteCountA; d++)
                    output.Append('-').Append(Line(oldLines[block.DeleteStartA + d])).Append('\n');
                for (var n = 0; n < block.InsertCountB; n++)
                    output.Append('+').Append(Line(newLines[block.InsertStartB + n])).Append('\n');
                position = block.DeleteStartA + block.DeleteCountA;
            }
            for (; position < oldEnd; position++)
                output.Append(' ').Append(Line(oldLines[position])).Append('\n');
            i = j + 1;
        }
        return output.ToString();
    }

    /// <summary>A line of the draft as <see cref="Escape.Text"/> shows it: a CI log must not read a draft's '::error::' or '##[' as a command.</summary>
    private static string Line(string line) => Escape.Text(line);

    /// <summary>Splits texts for DiffPlex exactly as <see cref="SplitLines"/> does.</summary>
    private sealed class Lines : IChunker
    {
        public static readonly Lines Instance = new();

        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    /// <summary>Lines as DiffPlex and GitHub count them: split at CR LF, CR and LF (not U+2028), without a trailing empty line.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
